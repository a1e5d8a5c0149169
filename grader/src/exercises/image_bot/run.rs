//! Runs image-bot's bot: a mock Telegram (and, for the search, a mock search), the bot's
//! harness pointed at them, every chat's messages sent, and the replies waited for. The replies
//! become transcripts, the snapshots' format: which message each replies to, text or photo,
//! which picture, what caption; in English whatever the language of the verdict.

use std::collections::BTreeMap;
use std::path::Path;
use std::time::Duration;

use serde_json::json;

use super::plan::{Chat, REFUSED_CHAT, RETRY_AFTER, folder_chats, search_answer, search_chats};
use crate::checks::ended::shown;
use crate::harness::{Harness, Run};
use crate::mock::pictures::{images, known_pictures, picture_named};
use crate::mock::proxy::Recorder;
use crate::mock::search;
use crate::mock::telegram::{self, Failure, FromPerson, Sent, SentKind, Telegram};

/// How long a run may wait for all the replies.
const REPLIES_WITHIN: Duration = Duration::from_secs(8);

/// What a run of the bot gave: the transcripts by chat, the replies and every call to the local
/// Telegram, the hosts it tried to reach elsewhere (through the proxy that refuses them), and
/// the harness's run.
pub struct Conversations {
    pub transcripts: BTreeMap<i64, String>,
    pub limits: crate::child::Limits,
    pub sent: Vec<Sent>,
    pub calls: Vec<telegram::Call>,
    pub elsewhere: Vec<String>,
    pub run: Run,
}

impl Conversations {
    /// All the transcripts, as a snapshot holds them.
    pub fn render(&self) -> String {
        render(&self.transcripts)
    }
}

fn render(transcripts: &BTreeMap<i64, String>) -> String {
    transcripts
        .iter()
        .map(|(chat, transcript)| format!("chat {chat}\n{transcript}"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Reads back what [`render`] wrote.
pub(super) fn parse_transcripts(text: &str) -> BTreeMap<i64, String> {
    let mut transcripts = BTreeMap::new();
    let mut current: Option<(i64, Vec<&str>)> = None;
    for line in text.lines() {
        if let Some(id) = line
            .strip_prefix("chat ")
            .and_then(|id| id.trim().parse().ok())
        {
            if let Some((chat, lines)) = current.take() {
                transcripts.insert(chat, lines.join("\n"));
            }
            current = Some((id, Vec::new()));
        } else if let Some((_, lines)) = current.as_mut() {
            lines.push(line);
        }
    }
    if let Some((chat, lines)) = current {
        transcripts.insert(chat, lines.join("\n"));
    }
    transcripts
}

/// Runs the bot with the course's pictures folder.
pub async fn converse_with_folder(
    harness: &Harness,
    fixtures: &Path,
) -> Result<Conversations, String> {
    let telegram = Telegram::start().await?;
    // One reply gets "too many requests" first: it must still arrive.
    telegram.fail_next(
        "sendPhoto",
        Some(REFUSED_CHAT),
        Failure::TooManyRequests {
            retry_after: RETRY_AFTER,
        },
    );
    let source = json!({ "folder": images(fixtures) });
    converse(harness, &telegram, source, &folder_chats(), fixtures, None).await
}

/// Runs the bot with a mock picture search.
pub async fn converse_with_search(
    harness: &Harness,
    fixtures: &Path,
) -> Result<Conversations, String> {
    let telegram = Telegram::start().await?;
    let search = search::serve(&images(fixtures), search_answer)
        .await
        .map_err(|error| format!("cannot start the mock search: {error}"))?;
    let source = json!({ "search": search.url("") });
    converse(
        harness,
        &telegram,
        source,
        &search_chats(),
        fixtures,
        Some(&search.url("")),
    )
    .await
}

/// Starts the bot, sends every chat's messages, waits for a reply to each (or the limit), stops
/// the bot, and makes the transcripts.
async fn converse(
    harness: &Harness,
    telegram: &Telegram,
    source: serde_json::Value,
    chats: &[Chat],
    fixtures: &Path,
    search_url: Option<&str>,
) -> Result<Conversations, String> {
    let scenario = telegram.harness_argument(source);
    // Every request for anywhere but 127.0.0.1 goes to a proxy that refuses it and says where
    // it was going: grading reaches nothing else.
    let proxy = Recorder::start().await?;
    let proxy_url = proxy.url();
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let args = [scenario.as_str()];
    let running = harness.run_until(
        &args,
        Some(Box::pin(async move {
            let _ = stopped.await;
        })),
        Some(&proxy_url),
    );
    // Messages in order, chat by chat; every chat's first message is there at once (Telegram
    // keeps them until the bot asks).
    let mut sent_by_person: Vec<(i64, i64, FromPerson)> = Vec::new();
    for chat in chats {
        for message in &chat.messages {
            let id = telegram.send(chat.id, message);
            sent_by_person.push((chat.id, id, message.clone()));
        }
    }
    // A bot that dies (or never polls) is not waited for: the run's end stops the waiting.
    let (ended, ended_signal) = tokio::sync::oneshot::channel::<()>();
    let running = async move {
        let run = running.await;
        let _ = ended.send(());
        run
    };
    let talking = async {
        let expected_replies = sent_by_person.len();
        let all_replied = telegram.wait_for(REPLIES_WITHIN, |sent| {
            let replied = sent_by_person
                .iter()
                .filter(|(_, id, _)| sent.iter().any(|reply| reply.reply_to == Some(*id)))
                .count();
            replied >= expected_replies
        });
        tokio::select! {
            () = all_replied => {
                // A moment more, for a reply too many.
                tokio::time::sleep(Duration::from_millis(200)).await;
            }
            _ = ended_signal => {}
        }
        let _ = stop.send(());
    };
    let (run, ()) = tokio::join!(running, talking);
    let run = run?;
    let sent = telegram.sent();
    let pictures = known_pictures(&images(fixtures));
    let mut transcripts = BTreeMap::new();
    for chat in chats {
        let messages: Vec<(i64, &FromPerson)> = sent_by_person
            .iter()
            .filter(|(chat_id, _, _)| *chat_id == chat.id)
            .map(|(_, id, message)| (*id, message))
            .collect();
        let replies: Vec<&Sent> = sent
            .iter()
            .filter(|reply| reply.chat_id == chat.id)
            .collect();
        transcripts.insert(
            chat.id,
            transcript(&messages, &replies, &pictures, search_url),
        );
    }
    Ok(Conversations {
        transcripts,
        limits: harness.limits,
        sent,
        calls: telegram.calls(),
        elsewhere: proxy.hosts(),
        run,
    })
}

/// One chat as text: each message the person sent, with the replies to it under it; replies
/// to nothing come last.
fn transcript(
    messages: &[(i64, &FromPerson)],
    replies: &[&Sent],
    pictures: &[(Vec<u8>, String)],
    search_url: Option<&str>,
) -> String {
    let mut lines = Vec::new();
    for (id, message) in messages {
        lines.push(format!("  → {}", describe_incoming(message)));
        let answers: Vec<&&Sent> = replies
            .iter()
            .filter(|reply| reply.reply_to == Some(*id))
            .collect();
        if answers.is_empty() {
            lines.push("    (no reply)".to_string());
        }
        let text = match message {
            FromPerson::Text(text) => Some(text.as_str()),
            _ => None,
        };
        for reply in answers {
            lines.push(format!(
                "    ← {}",
                describe_reply(reply, text, pictures, search_url)
            ));
        }
    }
    for reply in replies
        .iter()
        .filter(|reply| !messages.iter().any(|(id, _)| reply.reply_to == Some(*id)))
    {
        lines.push(format!(
            "  ← {}, not as a reply",
            describe_reply(reply, None, pictures, search_url)
        ));
    }
    lines.join("\n")
}

fn describe_incoming(message: &FromPerson) -> String {
    match message {
        FromPerson::Text(text) => format!("text {}", quoted(text)),
        FromPerson::Sticker => "a sticker".into(),
        FromPerson::Photo => "a photo".into(),
        FromPerson::Location => "a location".into(),
    }
}

/// A reply as a transcript gives it; `text` is the message it answers, when that was a text.
fn describe_reply(
    reply: &Sent,
    text: Option<&str>,
    pictures: &[(Vec<u8>, String)],
    search_url: Option<&str>,
) -> String {
    match &reply.what {
        SentKind::Text(_) => "text".into(),
        SentKind::Photo {
            bytes,
            url,
            caption,
        } => {
            let picture = match (bytes, url) {
                (Some(bytes), _) => picture_named(pictures, bytes)
                    .map(str::to_string)
                    .unwrap_or_else(|| {
                        format!(
                            "a picture of {} bytes that is none of the course's",
                            bytes.len()
                        )
                    }),
                (None, Some(url)) => {
                    let url = search_url.map_or(url.clone(), |base| url.replace(base, ""));
                    format!("a picture given by its URL ({url}), not uploaded")
                }
                (None, None) => "no picture".into(),
            };
            match caption {
                Some(caption) => {
                    let caption = text.map_or(caption.as_str(), |text| as_cut(caption, text));
                    format!("photo {picture}, caption {}", quoted(caption))
                }
                None => format!("photo {picture}, no caption"),
            }
        }
    }
}

/// How many characters short of Telegram's limit a cut caption may stop: enough for a cut at
/// the end of a word, with an ellipsis.
const CUT_SLACK: usize = 40;

/// The caption as the reference solution cuts it (the first 1,024 characters of the message),
/// when `caption` is another fair cut of a message too long for one: a start of the message
/// that fits, ends where it likes (after a word, with "…" or "..."), and keeps all but a few
/// characters of what fits. Any other caption is given as it is.
fn as_cut<'a>(caption: &'a str, text: &'a str) -> &'a str {
    let limit = telegram::MAX_CAPTION;
    let cut = match text.char_indices().nth(limit) {
        Some((end, _)) => &text[..end],
        None => return caption, // the message fits: no cut is fair
    };
    let kept = caption.trim_end_matches(['…', '.']).trim_end();
    let fair = caption.chars().count() <= limit
        && text.starts_with(kept)
        && kept.chars().count() + CUT_SLACK >= limit;
    if fair { cut } else { caption }
}

/// A text in quotes, shortened (with its length) when it is long, as a transcript gives it.
fn quoted(text: &str) -> String {
    match shortened(text) {
        None => format!("\"{}\"", shown(text)),
        Some((start, end, count)) => format!("\"{start}…{end}\" ({count} characters)"),
    }
}

/// A long text's start and end, shown, and its length in characters; `None` when it is short
/// enough to be given whole.
pub(super) fn shortened(text: &str) -> Option<(String, String, usize)> {
    let count = text.chars().count();
    if count <= 40 {
        return None;
    }
    let start: String = text.chars().take(12).collect();
    let end: String = text.chars().skip(count - 4).collect();
    Some((shown(&start), shown(&end), count))
}
