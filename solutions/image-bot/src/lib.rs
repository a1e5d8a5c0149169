//! The image-bot exercise, the reference solution: a Telegram bot that answers a word with a
//! picture.
//!
//! Read this after your own version passes. The lesson's bot is aiogram's echo bot; this one is
//! built on teloxide's `Dispatcher`, which runs the handlers of different chats concurrently,
//! so a slow picture search for one person never keeps another waiting.
//!
//! # Layout
//!
//! - [`given`]: pictures, their sources, the folder source and the errors.
//! - [`Pictures::find`]: the two sources; the search asks an Openverse-style API over HTTP.
//! - [`run`]: the dispatcher and its three branches: commands, text, anything else.
//! - `send`: every reply goes through it, so that Telegram's "too many requests" is waited out
//!   and the reply still arrives.

mod given;

use std::sync::Arc;
use std::time::Duration;

use teloxide::RequestError;
use teloxide::prelude::*;
use teloxide::requests::Request;
use teloxide::types::{InputFile, ReplyParameters};
use teloxide::utils::command::BotCommands;

pub use given::{Picture, PictureError, Pictures, find_in_folder, words};

/// How long a picture source may take before the bot apologises instead.
const SOURCE_TIMEOUT: Duration = Duration::from_secs(10);
/// Telegram's limits: a message's text, and a photo's caption, in characters.
const MAX_TEXT: usize = 4096;
const MAX_CAPTION: usize = 1024;

impl Pictures {
    /// `Ok(None)` when nothing matches; `PictureError` when the source fails.
    pub async fn find(
        &self,
        client: &reqwest::Client,
        query: &str,
    ) -> Result<Option<Picture>, PictureError> {
        match self {
            Pictures::Folder(folder) => find_in_folder(folder, query).await,
            Pictures::Search { base_url } => search(client, base_url, query).await,
        }
    }
}

/// Asks the search for `query` and downloads its first result.
async fn search(
    client: &reqwest::Client,
    base_url: &str,
    query: &str,
) -> Result<Option<Picture>, PictureError> {
    let url = format!("{}/v1/images/", base_url.trim_end_matches('/'));
    // `query()` encodes the text for the URL: spaces, Cyrillic, emoji.
    let response = client.get(url).query(&[("q", query)]).send().await?;
    if !response.status().is_success() {
        return Err(PictureError::Status(response.status()));
    }
    let answer: serde_json::Value = response
        .json()
        .await
        .map_err(|error| PictureError::BadAnswer(error.to_string()))?;
    let results = answer["results"]
        .as_array()
        .ok_or_else(|| PictureError::BadAnswer("no `results` list".into()))?;
    let Some(first) = results.first() else {
        return Ok(None);
    };
    let picture_url = first["url"]
        .as_str()
        .ok_or_else(|| PictureError::BadAnswer("a result without a `url`".into()))?;

    let response = client.get(picture_url).send().await?;
    if !response.status().is_success() {
        return Err(PictureError::Status(response.status()));
    }
    // The file name matters to Telegram only for its extension; take it from the URL.
    let file_name = picture_url
        .rsplit('/')
        .next()
        .filter(|name| name.contains('.'))
        .unwrap_or("picture.jpg")
        .to_string();
    let bytes = response.bytes().await?.to_vec();
    Ok(Some(Picture { bytes, file_name }))
}

/// The bot's commands; teloxide parses `/help` and `/help@botname` alike.
#[derive(BotCommands, Clone)]
#[command(
    rename_rule = "lowercase",
    description = "Send me a word, I answer with a picture."
)]
enum Command {
    #[command(description = "say hello")]
    Start,
    #[command(description = "what this bot does")]
    Help,
}

/// What the handlers share: the picture source, and one HTTP client for all searches.
struct Shared {
    pictures: Pictures,
    client: reqwest::Client,
}

/// Runs the bot until the process is stopped.
pub async fn run(bot: Bot, pictures: Pictures) {
    let shared = Arc::new(Shared {
        pictures,
        client: reqwest::Client::new(),
    });
    // Three branches, tried in order: a command, a text, anything else (a sticker, a photo...).
    let handler = Update::filter_message()
        .branch(
            dptree::entry()
                .filter_command::<Command>()
                .endpoint(welcome),
        )
        .branch(dptree::filter(|message: Message| message.text().is_some()).endpoint(picture))
        .endpoint(ask_for_a_word);

    Dispatcher::builder(bot, handler)
        .dependencies(dptree::deps![shared])
        .enable_ctrlc_handler()
        .build()
        .dispatch()
        .await;
}

async fn welcome(bot: Bot, message: Message) -> ResponseResult<()> {
    let text = format!(
        "Hello! Send me a word, and I answer with a picture of it (try \"cat\" or \"кошка\").\n\n{}",
        Command::descriptions()
    );
    send(
        bot.send_message(message.chat.id, text)
            .reply_parameters(ReplyParameters::new(message.id)),
    )
    .await
}

async fn picture(bot: Bot, message: Message, shared: Arc<Shared>) -> ResponseResult<()> {
    let query = message.text().unwrap_or_default();
    let reply_to = ReplyParameters::new(message.id);
    // Another chat's search may be slow; this one waits at most SOURCE_TIMEOUT for its own.
    let found =
        tokio::time::timeout(SOURCE_TIMEOUT, shared.pictures.find(&shared.client, query)).await;
    match found {
        Ok(Ok(Some(picture))) => {
            let photo = InputFile::memory(picture.bytes).file_name(picture.file_name);
            let caption: String = query.chars().take(MAX_CAPTION).collect();
            send(
                bot.send_photo(message.chat.id, photo)
                    .caption(caption)
                    .reply_parameters(reply_to),
            )
            .await
        }
        Ok(Ok(None)) => {
            let text = format!("I have no picture for \"{query}\". Try another word.");
            let text: String = text.chars().take(MAX_TEXT).collect();
            send(
                bot.send_message(message.chat.id, text)
                    .reply_parameters(reply_to),
            )
            .await
        }
        Ok(Err(error)) => {
            log::warn!("the picture source failed: {error}");
            send(
                bot.send_message(message.chat.id, SORRY)
                    .reply_parameters(reply_to),
            )
            .await
        }
        Err(_elapsed) => {
            send(
                bot.send_message(message.chat.id, SORRY)
                    .reply_parameters(reply_to),
            )
            .await
        }
    }
}

const SORRY: &str = "Sorry, I cannot look for pictures right now. Please try again later.";

async fn ask_for_a_word(bot: Bot, message: Message) -> ResponseResult<()> {
    let text = "I can only answer words: send me one, like \"sun\" or \"море\".";
    send(
        bot.send_message(message.chat.id, text)
            .reply_parameters(ReplyParameters::new(message.id)),
    )
    .await
}

/// Sends a request; when Telegram answers "too many requests", waits as long as it says and
/// sends it again, so that no reply is lost.
async fn send<R>(request: R) -> ResponseResult<()>
where
    R: Request<Err = RequestError>,
{
    loop {
        match request.send_ref().await {
            Err(RequestError::RetryAfter(wait)) => tokio::time::sleep(wait.duration()).await,
            Err(error) => return Err(error),
            Ok(_) => return Ok(()),
        }
    }
}
