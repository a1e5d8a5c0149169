//! `cargo run -p grader -- chat`: image-bot's bot, tried by hand. The bot runs against the
//! grader's mock Telegram (no token, no network); each line typed is a message from a person,
//! and the bot's replies are printed as they arrive, its photos saved to a folder.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::Duration;

use tokio::io::{AsyncBufRead, AsyncBufReadExt};

use crate::cargo::build_harnesses;
use crate::child::Limits;
use crate::course::Course;
use crate::harness::Harness;
use crate::mock::pictures::{images, known_pictures, picture_named};
use crate::mock::proxy::Recorder;
use crate::mock::telegram::{FromPerson, Sent, SentKind, Telegram};
use crate::runner::Plan;
use crate::tr;

/// The exercise whose bot this chats with, as `course.toml` names it.
const EXERCISE: &str = "image-bot";

/// The private chat the person types in.
const CHAT_ID: i64 = 7;

/// How long a chat may last: the bot serves until the person quits.
const CHAT_TIME: Duration = Duration::from_secs(24 * 60 * 60);

/// After the end of the input, how long the bot may stay silent before the chat ends.
const LAST_REPLIES_WITHIN: Duration = Duration::from_secs(10);

/// What a typed line sends: `:sticker`, `:photo` and `:location` stand for what a terminal
/// cannot type; `:q` quits; any other line is a text.
#[derive(Debug, PartialEq, Eq)]
enum Typed {
    Send(FromPerson),
    Quit,
    Nothing,
}

fn typed(line: &str) -> Typed {
    match line.trim_end_matches(['\r', '\n']) {
        "" => Typed::Nothing,
        ":q" | ":quit" => Typed::Quit,
        ":sticker" => Typed::Send(FromPerson::Sticker),
        ":photo" => Typed::Send(FromPerson::Photo),
        ":location" => Typed::Send(FromPerson::Location),
        text => Typed::Send(FromPerson::Text(text.to_string())),
    }
}

/// Builds image-bot's bot (the student's, or the solution with `Variant::Solution`), and
/// chats with it: lines from `input`, replies to `out`, photos into `photos`, until `:q`,
/// Ctrl-C, the end of input (once the bot has answered every message, or has been silent for
/// [`LAST_REPLIES_WITHIN`]), or the bot's end. `false` when the bot ended by itself.
pub async fn chat(
    plan: &Plan,
    photos: &Path,
    input: impl AsyncBufRead + Unpin,
    out: &mut impl Write,
) -> Result<bool, String> {
    let course = Course::load(&plan.root)?;
    let exercise = course
        .find(EXERCISE)
        .ok_or_else(|| format!("this course has no `{EXERCISE}` exercise"))?;
    let _ = writeln!(out, "{}", tr!("chat-building", exercise = EXERCISE));
    let builds = build_harnesses(
        &plan.root,
        plan.target_dir.as_deref(),
        &[exercise],
        plan.variant,
        plan.limits.build_time,
        |_| {},
    )
    .await?;
    let binary = builds
        .get(&exercise.harness)
        .map_err(|error| format!("{}\n\n{}", tr!("chat-does-not-compile"), error.text))?;
    let harness = Harness {
        binary,
        limits: Limits {
            time: CHAT_TIME,
            ..plan.limits
        },
        workdir: exercise.crate_dir(&plan.root, plan.variant),
    };
    let fixtures = exercise.fixtures_dir(&plan.root);
    let pictures = known_pictures(&images(&fixtures));
    std::fs::create_dir_all(photos).map_err(|error| {
        tr!(
            "chat-cannot-make-folder",
            folder = photos.display().to_string(),
            error = error.to_string()
        )
    })?;

    let telegram = Telegram::start().await?;
    // As when grading, nothing the bot asks for leaves this machine.
    let proxy = Recorder::start().await?;
    let scenario = telegram.harness_argument(serde_json::json!({ "folder": images(&fixtures) }));
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let args = [scenario.as_str()];
    let proxy_url = proxy.url();
    let mut running = std::pin::pin!(harness.run_until(
        &args,
        Some(Box::pin(async move {
            let _ = stopped.await;
        })),
        Some(&proxy_url),
    ));
    let _ = writeln!(out, "{}", tr!("chat-started", photos = shown_path(photos)));
    let _ = out.flush();

    let mut lines = input.lines();
    let mut shown = 0;
    let mut asked = Vec::new();
    let mut typing = true;
    let mut last_replies = tokio::time::Instant::now() + CHAT_TIME;
    let mut interrupted = std::pin::pin!(tokio::signal::ctrl_c());
    let print_new = |shown: &mut usize, out: &mut dyn Write| {
        for reply in &telegram.sent()[*shown..] {
            *shown += 1;
            let _ = writeln!(out, "{}", describe(reply, *shown, &pictures, photos));
        }
        let _ = out.flush();
    };
    loop {
        let sent = telegram.sent();
        let all_answered = asked
            .iter()
            .all(|id| sent.iter().any(|reply| reply.reply_to == Some(*id)));
        if !typing && shown == sent.len() && all_answered {
            break;
        }
        tokio::select! {
            line = lines.next_line(), if typing => match line.map(|line| line.map(|line| typed(&line))) {
                Ok(Some(Typed::Send(message))) => asked.push(telegram.send(CHAT_ID, &message)),
                Ok(Some(Typed::Nothing)) => {}
                Ok(Some(Typed::Quit)) => break,
                // The end of the input (a script's, or Ctrl-D): the bot may still be answering.
                Ok(None) | Err(_) => {
                    typing = false;
                    last_replies = tokio::time::Instant::now() + LAST_REPLIES_WITHIN;
                }
            },
            () = tokio::time::sleep_until(last_replies), if !typing => break,
            () = telegram.wait_for(CHAT_TIME, |sent| sent.len() > shown) => {
                print_new(&mut shown, out);
                last_replies = tokio::time::Instant::now() + LAST_REPLIES_WITHIN;
            }
            run = &mut running => {
                print_new(&mut shown, out);
                let why = match run {
                    Ok(run) => crate::checks::ended::ended_badly(&run, &harness.limits)
                        .map_or_else(|| tr!("bot-run-returned"), |outcome| outcome.message),
                    Err(error) => error,
                };
                let _ = writeln!(out, "{}", tr!("chat-bot-stopped", why = why));
                return Ok(false);
            }
            _ = &mut interrupted => break,
        }
    }
    // Closing the bot's standard input ends it; a bot that does not end is killed when its run
    // is dropped.
    let _ = stop.send(());
    let _ = tokio::time::timeout(Duration::from_secs(5), running).await;
    let _ = writeln!(out, "{}", tr!("chat-ended"));
    Ok(true)
}

/// One reply as the chat shows it; a photo is saved first, as `photos/<n>-<name>`.
fn describe(reply: &Sent, number: usize, pictures: &[(Vec<u8>, String)], photos: &Path) -> String {
    match &reply.what {
        SentKind::Text(text) => tr!("chat-reply-text", text = text.as_str()),
        SentKind::Photo {
            bytes,
            url,
            caption,
        } => {
            let picture = match (bytes, url) {
                (Some(bytes), _) => {
                    let name = picture_named(pictures, bytes).unwrap_or("photo.png");
                    let path = photos.join(format!("{number}-{name}"));
                    match std::fs::write(&path, bytes) {
                        Ok(()) => tr!("chat-photo-saved", path = shown_path(&path)),
                        Err(error) => tr!("chat-photo-not-saved", error = error.to_string()),
                    }
                }
                (None, Some(url)) => tr!("chat-photo-url", url = url.as_str()),
                (None, None) => tr!("chat-photo-none"),
            };
            match caption {
                Some(caption) => tr!(
                    "chat-reply-photo-captioned",
                    picture = picture,
                    caption = caption.as_str()
                ),
                None => tr!("chat-reply-photo", picture = picture),
            }
        }
    }
}

/// A path relative to the current folder when it is under it, as a person would type it.
fn shown_path(path: &Path) -> String {
    let here = std::env::current_dir().unwrap_or_default();
    path.strip_prefix(&here)
        .map(PathBuf::from)
        .unwrap_or_else(|_| path.to_path_buf())
        .display()
        .to_string()
}

/// Where the photos go by default: `chat/` in the target folder the bot is built in.
pub fn default_photos(plan: &Plan) -> PathBuf {
    plan.target_dir
        .clone()
        .unwrap_or_else(|| plan.root.join("target"))
        .join("chat")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_course_has_the_bots_exercise() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
        assert!(Course::load(&root).unwrap().find(EXERCISE).is_some());
    }

    #[test]
    fn a_line_is_a_message_and_colon_words_are_the_rest() {
        assert_eq!(typed("cat\n"), Typed::Send(FromPerson::Text("cat".into())));
        assert_eq!(typed(":sticker"), Typed::Send(FromPerson::Sticker));
        assert_eq!(typed(":photo"), Typed::Send(FromPerson::Photo));
        assert_eq!(typed(":location"), Typed::Send(FromPerson::Location));
        assert_eq!(typed(":q"), Typed::Quit);
        assert_eq!(typed(""), Typed::Nothing);
        assert_eq!(
            typed("/start"),
            Typed::Send(FromPerson::Text("/start".into()))
        );
    }
}
