//! Runs the real bot: `TELOXIDE_TOKEN=... cargo run -p image-bot -- [--pictures DIR | --search URL]`.
//!
//! The token comes from @BotFather and is a secret: it is read from the environment, never from
//! a file, and never printed (a `Bot`'s `Debug` output contains it, so a `Bot` is never
//! formatted). `TELOXIDE_PROXY` (`socks5://...` too) and `TELOXIDE_API_URL` are honoured.

use std::path::PathBuf;
use std::process::ExitCode;

use image_bot_solution::{Pictures, run};
use teloxide::prelude::Requester;

#[tokio::main]
async fn main() -> ExitCode {
    let pictures = match pictures_from_args(std::env::args().skip(1).collect()) {
        Ok(pictures) => pictures,
        Err(usage) => {
            eprintln!("{usage}");
            return ExitCode::from(2);
        }
    };
    // `Bot::from_env` panics without a token: say what to do instead.
    if std::env::var_os("TELOXIDE_TOKEN").is_none_or(|token| token.is_empty()) {
        eprintln!(
            "TELOXIDE_TOKEN is not set. Ask @BotFather in Telegram for a bot token, then run\n  \
             TELOXIDE_TOKEN=<your token> cargo run -p image-bot\n(keep the token secret: never \
             commit it). Behind a firewall, set TELOXIDE_PROXY too, e.g. socks5://127.0.0.1:1080."
        );
        return ExitCode::from(2);
    }
    if let Ok(proxy) = std::env::var("TELOXIDE_PROXY") {
        let scheme = reqwest::Url::parse(&proxy).map(|url| url.scheme().to_string());
        if !matches!(
            scheme.as_deref(),
            Ok("http" | "https" | "socks5" | "socks5h")
        ) {
            eprintln!(
                "TELOXIDE_PROXY is not a proxy URL (http://, https:// or socks5://): {proxy}"
            );
            return ExitCode::from(2);
        }
    }
    let bot = teloxide::Bot::from_env();
    // Ask Telegram who the bot is before serving: a wrong token or no way to Telegram is said
    // plainly here, instead of a panic inside the dispatcher. (teloxide hides the token in the
    // errors it reports.)
    match bot.get_me().await {
        Ok(me) => eprintln!("@{} is running; stop it with Ctrl-C.", me.username()),
        Err(error) => {
            // The error, then its causes; many errors already say their cause in their own
            // words ("A Telegram's error: Invalid bot token"), so each is said once.
            let mut why = error.to_string();
            let mut cause = std::error::Error::source(&error);
            while let Some(error) = cause {
                let text = error.to_string();
                if !why.contains(&text) {
                    why.push_str(&format!(": {text}"));
                }
                cause = error.source();
            }
            eprintln!(
                "Cannot reach Telegram as this bot: {why}\nCheck TELOXIDE_TOKEN; behind a \
                 firewall, set TELOXIDE_PROXY."
            );
            return ExitCode::FAILURE;
        }
    }
    run(bot, pictures).await;
    ExitCode::SUCCESS
}

/// `--pictures DIR` or `--search URL`; the course's own pictures by default.
fn pictures_from_args(args: Vec<String>) -> Result<Pictures, String> {
    let usage = "usage: image-bot [--pictures DIR | --search URL]";
    match args.as_slice() {
        [] => Ok(Pictures::Folder(default_pictures())),
        [flag, dir] if flag == "--pictures" => Ok(Pictures::Folder(PathBuf::from(dir))),
        [flag, url] if flag == "--search" => Ok(Pictures::Search {
            base_url: url.clone(),
        }),
        _ => Err(usage.to_string()),
    }
}

/// `fixtures/image-bot/images`, found from this crate's folder.
fn default_pictures() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/image-bot/images")
}
