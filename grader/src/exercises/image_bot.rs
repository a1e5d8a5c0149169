//! Exercise 3, the image bot: scripted conversations with the student's bot, through a mock
//! Telegram (`mock::telegram`), with the pictures from a folder and from a mock search.
//!
//! Each chat's messages go in, the bot's replies come out; the replies are normalised into a
//! transcript (which message each replies to, text or photo, which picture, what caption) and
//! compared, chat by chat, with the snapshot that the reference solution produced. The order
//! across chats is free: the dispatcher serves chats concurrently. The words of a text reply
//! are the student's own, so only its being a text reply is compared.
//!
//! The transcripts are the snapshots' format, so they stay in English whatever the language of
//! the verdict; the sentences around them come from `locales/*/image-bot.ftl`.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use serde_json::json;

use crate::checks::Context;
use crate::checks::ended::{ended_badly, shown};
use crate::harness::{Harness, Run, expected_text};
use crate::mock::http::{Handler, MockServer, respond};
use crate::mock::telegram::{self, Failure, FromPerson, Sent, SentKind, Telegram};
use crate::tr;
use crate::verdict::{Outcome, Status};

/// The exercise's package name, as in `course.toml`.
pub const NAME: &str = "image-bot";

/// The checks this module grades, in `course.toml`'s order.
pub const CHECKS: &[&str] = &[
    "welcome",
    "picture",
    "non-text",
    "search",
    "concurrent",
    "resilient",
];

/// The snapshots of the two runs' transcripts.
pub const FOLDER_SNAPSHOT: &str = "folder";
pub const SEARCH_SNAPSHOT: &str = "search";

/// How long a run may wait for all the replies.
const REPLIES_WITHIN: Duration = Duration::from_secs(8);
/// How long the search takes for "cat": other chats must not wait for it.
const SLOW_SEARCH: Duration = Duration::from_secs(2);
/// The `retry_after` of the 429 that one reply gets first.
const RETRY_AFTER: u64 = 1;

/// One chat of a run: its id, the check it belongs to, what the person sends.
struct Chat {
    id: i64,
    check: &'static str,
    messages: Vec<FromPerson>,
}

fn text(text: &str) -> FromPerson {
    FromPerson::Text(text.to_string())
}

/// The chats of the run with the folder source.
fn folder_chats() -> Vec<Chat> {
    let long = format!("dog {}", "щенок 🐶 ".repeat(500));
    vec![
        Chat {
            id: 101,
            check: "welcome",
            messages: vec![text("/start")],
        },
        Chat {
            id: 102,
            check: "welcome",
            messages: vec![text(&format!("/help@{}", telegram::BOT_USERNAME))],
        },
        Chat {
            id: 103,
            check: "picture",
            messages: vec![text("cat")],
        },
        Chat {
            id: 104,
            check: "picture",
            messages: vec![text("Смотри, КОШКА!")],
        },
        Chat {
            id: 105,
            check: "picture",
            messages: vec![text("zebra")],
        },
        Chat {
            id: 106,
            check: "non-text",
            messages: vec![FromPerson::Sticker],
        },
        Chat {
            id: 107,
            check: "non-text",
            messages: vec![FromPerson::Photo, FromPerson::Location],
        },
        Chat {
            id: 108,
            check: "resilient",
            messages: vec![FromPerson::Text(long)],
        },
        Chat {
            id: 109,
            check: "resilient",
            messages: vec![text("sun ☀️")],
        },
        Chat {
            id: 110,
            check: "picture",
            messages: vec![text("🐱🐶")],
        },
    ]
}

/// The chats of the run with the search source (see [`search_server`] for its answers).
fn search_chats() -> Vec<Chat> {
    vec![
        Chat {
            id: 201,
            check: "search",
            messages: vec![text("cat")],
        },
        Chat {
            id: 202,
            check: "concurrent",
            messages: vec![text("dog")],
        },
        Chat {
            id: 203,
            check: "search",
            messages: vec![text("error"), text("dog")],
        },
        Chat {
            id: 204,
            check: "search",
            messages: vec![text("nothing")],
        },
        Chat {
            id: 205,
            check: "search",
            messages: vec![text("broken")],
        },
    ]
}

/// What a run of the bot gave: the transcripts by chat, the replies, and the harness's run.
pub struct Conversations {
    pub transcripts: BTreeMap<i64, String>,
    pub limits: crate::child::Limits,
    pub sent: Vec<Sent>,
    pub calls: Vec<telegram::Call>,
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
fn parse_transcripts(text: &str) -> BTreeMap<i64, String> {
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

pub async fn grade(
    context: &Context<'_>,
    harness: &Harness,
) -> Result<Vec<(String, Outcome)>, String> {
    let expected_folder = parse_transcripts(&expected_text(&context.snapshots(), FOLDER_SNAPSHOT)?);
    let expected_search = parse_transcripts(&expected_text(&context.snapshots(), SEARCH_SNAPSHOT)?);
    let (folder, search) = tokio::join!(
        converse_with_folder(harness, &context.fixtures),
        converse_with_search(harness, &context.fixtures),
    );
    let (folder, search) = (folder?, search?);

    let mut outcomes = Vec::new();
    for check in CHECKS {
        let outcome =
            match *check {
                "concurrent" => judge_concurrency(&search, &expected_search),
                "resilient" => judge_resilience(&folder, &expected_folder),
                "search" => judge_chats(check, &search_chats(), &search, &expected_search)
                    .and_then(|| {
                        distinct(&search, (203, 204), |text| {
                            tr!(
                                "bot-apology-same-as-nothing-found",
                                apology_chat = 203,
                                nothing_chat = 204,
                                text = text
                            )
                        })
                    }),
                "welcome" => judge_chats(check, &folder_chats(), &folder, &expected_folder)
                    .and_then(|| {
                        distinct(&folder, (101, 105), |text| {
                            tr!(
                                "bot-welcome-same-as-unknown-word",
                                welcome_chat = 101,
                                unknown_chat = 105,
                                text = text
                            )
                        })
                    }),
                _ => judge_chats(check, &folder_chats(), &folder, &expected_folder),
            };
        outcomes.push((check.to_string(), outcome));
    }
    Ok(outcomes)
}

/// Runs the bot with the course's pictures folder.
pub async fn converse_with_folder(
    harness: &Harness,
    fixtures: &Path,
) -> Result<Conversations, String> {
    let telegram = start_telegram().await?;
    // One reply gets "too many requests" first: it must still arrive.
    telegram.fail_next(
        "sendPhoto",
        Some(109),
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
    let telegram = start_telegram().await?;
    let search = search_server(&images(fixtures)).await?;
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

/// The course's pictures: the folder the bot's `Pictures::Folder` source reads.
pub(crate) fn images(fixtures: &Path) -> PathBuf {
    fixtures.join("images")
}

pub(crate) async fn start_telegram() -> Result<Telegram, String> {
    Telegram::start()
        .await
        .map_err(|error| format!("cannot start the mock Telegram: {error}"))
}

/// An Openverse-style search: `GET /v1/images/?q=...`. "cat" answers after [`SLOW_SEARCH`],
/// "dog" at once, "error" with a 500, "nothing" with no results, "broken" with a picture that is
/// not there; pictures are served from `/img/<name>`.
async fn search_server(images: &Path) -> Result<MockServer, String> {
    let images = images.to_path_buf();
    let handler: Handler = Arc::new(move |request| {
        let images = images.clone();
        let path = request.uri().path().to_string();
        let query = request.uri().query().unwrap_or("").to_string();
        let host = request
            .headers()
            .get("host")
            .and_then(|host| host.to_str().ok())
            .unwrap_or("127.0.0.1")
            .to_string();
        Box::pin(async move {
            if let Some(name) = path.strip_prefix("/img/") {
                return match std::fs::read(images.join(name)) {
                    Ok(bytes) => respond(200, "image/png", bytes),
                    Err(_) => respond(404, "text/plain", "no such picture"),
                };
            }
            if path.trim_end_matches('/') != "/v1/images" {
                return respond(404, "application/json", r#"{"detail":"Not found."}"#);
            }
            let q = query
                .split('&')
                .find_map(|pair| pair.strip_prefix("q="))
                .unwrap_or("");
            let result = |name: &str| {
                json!({ "results": [{ "url": format!("http://{host}/img/{name}"), "title": name }],
                        "result_count": 1 })
                .to_string()
            };
            match q {
                "cat" => {
                    tokio::time::sleep(SLOW_SEARCH).await;
                    respond(200, "application/json", result("cat.png"))
                }
                "dog" => respond(200, "application/json", result("dog.png")),
                "error" => respond(500, "text/plain", "Internal Server Error"),
                "broken" => respond(200, "application/json", result("missing.png")),
                _ => respond(
                    200,
                    "application/json",
                    r#"{"results":[],"result_count":0}"#,
                ),
            }
        })
    });
    MockServer::start(handler)
        .await
        .map_err(|error| format!("cannot start the mock search: {error}"))
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
    let scenario = scenario(telegram, source);
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let args = [scenario.as_str()];
    let running = harness.run_until(
        &args,
        Some(Box::pin(async move {
            let _ = stopped.await;
        })),
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
        run,
    })
}

/// The harness's argument: the bot talks to `telegram`, and finds its pictures in `source`
/// (`{"folder": ...}` or `{"search": url}`).
pub(crate) fn scenario(telegram: &Telegram, source: serde_json::Value) -> String {
    json!({ "api_url": telegram.api_url(), "token": telegram::TOKEN, "source": source }).to_string()
}

/// The name of the course's picture with these bytes, if it is one of them.
pub(crate) fn picture_named<'a>(
    pictures: &'a [(Vec<u8>, String)],
    bytes: &[u8],
) -> Option<&'a str> {
    pictures
        .iter()
        .find(|(known, _)| known == bytes)
        .map(|(_, name)| name.as_str())
}

/// The course's pictures, by their bytes.
pub(crate) fn known_pictures(folder: &Path) -> Vec<(Vec<u8>, String)> {
    let mut pictures: Vec<(Vec<u8>, String)> = std::fs::read_dir(folder)
        .into_iter()
        .flatten()
        .flatten()
        .filter_map(|entry| {
            let name = entry.file_name().to_string_lossy().into_owned();
            let bytes = std::fs::read(entry.path()).ok()?;
            Some((bytes, name))
        })
        .collect();
    pictures.sort_by(|a, b| a.1.cmp(&b.1));
    pictures
}

/// What a person sent, in words, for a sentence of the verdict (the transcript's own
/// [`describe_incoming`] stays in the snapshots' English).
fn incoming_in_words(message: &FromPerson) -> String {
    match message {
        FromPerson::Text(text) => tr!("bot-incoming-text", text = quoted_in_words(text)),
        FromPerson::Sticker => tr!("bot-incoming-sticker"),
        FromPerson::Photo => tr!("bot-incoming-photo"),
        FromPerson::Location => tr!("bot-incoming-location"),
    }
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

/// The same, in the verdict's language.
fn quoted_in_words(text: &str) -> String {
    match shortened(text) {
        None => format!("\"{}\"", shown(text)),
        Some((start, end, count)) => tr!(
            "bot-quoted-long",
            start = start,
            end = end,
            characters = count
        ),
    }
}

/// A long text's start and end, shown, and its length in characters; `None` when it is short
/// enough to be given whole.
fn shortened(text: &str) -> Option<(String, String, usize)> {
    let count = text.chars().count();
    if count <= 40 {
        return None;
    }
    let start: String = text.chars().take(12).collect();
    let end: String = text.chars().skip(count - 4).collect();
    Some((shown(&start), shown(&end), count))
}

/// The verdict of the run itself, when it did not serve until stopped.
fn run_problem(conversations: &Conversations) -> Option<Outcome> {
    if let Some(outcome) = ended_badly(&conversations.run, &conversations.limits) {
        return Some(outcome);
    }
    conversations
        .run
        .timeline
        .returned
        .as_ref()
        .map(|_| Outcome::failed(tr!("bot-run-returned")))
}

/// Compares the transcripts of `check`'s chats with the snapshot's.
fn judge_chats(
    check: &str,
    chats: &[Chat],
    got: &Conversations,
    expected: &BTreeMap<i64, String>,
) -> Outcome {
    let mut wrong = Vec::new();
    for chat in chats.iter().filter(|chat| chat.check == check) {
        let (want, have) = (
            expected.get(&chat.id).cloned().unwrap_or_default(),
            got.transcripts.get(&chat.id).cloned().unwrap_or_default(),
        );
        if want != have {
            wrong.push((chat.id, want, have));
        }
    }
    if wrong.is_empty() {
        return Outcome::passed(match check {
            "welcome" => tr!("bot-welcome-passed"),
            "picture" => tr!("bot-picture-passed"),
            "non-text" => tr!("bot-non-text-passed"),
            _ => tr!("bot-search-passed"),
        });
    }
    if let Some(outcome) = run_problem(got) {
        return outcome;
    }
    let (chat, want, have) = &wrong[0];
    let first_message = chats
        .iter()
        .find(|one| one.id == *chat)
        .and_then(|one| one.messages.first())
        .map(incoming_in_words)
        .unwrap_or_default();
    let mut details = String::new();
    for (chat, want, have) in &wrong {
        details.push_str(&tr!("bot-details-expected", chat = *chat));
        details.push('\n');
        details.push_str(want);
        details.push('\n');
        details.push_str(&tr!("bot-details-yours"));
        details.push('\n');
        details.push_str(have);
        details.push_str("\n\n");
    }
    let difference = first_difference(want, have);
    let message = match wrong.len() - 1 {
        0 => tr!(
            "bot-replies-differ",
            chat = *chat,
            sent = first_message,
            difference = difference
        ),
        others => tr!(
            "bot-replies-differ-elsewhere",
            chat = *chat,
            sent = first_message,
            others = others,
            difference = difference
        ),
    };
    Outcome::failed(message).with_details(details.trim_end())
}

/// The first line where two transcripts differ, in words.
fn first_difference(want: &str, have: &str) -> String {
    let (want_lines, have_lines): (Vec<&str>, Vec<&str>) =
        (want.lines().collect(), have.lines().collect());
    for index in 0..want_lines.len().max(have_lines.len()) {
        let (w, h) = (want_lines.get(index), have_lines.get(index));
        if w != h {
            return match (w, h) {
                (Some(w), Some(h)) => tr!(
                    "bot-difference-changed",
                    expected = w.trim(),
                    got = h.trim()
                ),
                (Some(w), None) => tr!("bot-difference-missing", expected = w.trim()),
                (None, Some(h)) => tr!("bot-difference-extra", got = h.trim()),
                (None, None) => unreachable!(),
            };
        }
    }
    tr!("bot-difference-unknown")
}

/// The first text the bot sent in `chat`.
fn first_text(conversations: &Conversations, chat: i64) -> Option<&str> {
    conversations
        .sent
        .iter()
        .find_map(|reply| match &reply.what {
            SentKind::Text(text) if reply.chat_id == chat => Some(text.as_str()),
            _ => None,
        })
}

/// Fails when the bot gave the same text in two chats that need different answers (a welcome
/// is not "no picture for /start"); `same` says so, given the text.
fn distinct(
    conversations: &Conversations,
    (one, other): (i64, i64),
    same: impl Fn(String) -> String,
) -> Outcome {
    match (
        first_text(conversations, one),
        first_text(conversations, other),
    ) {
        (Some(a), Some(b)) if a == b => Outcome::failed(same(shown(a))),
        _ => Outcome::passed(""),
    }
}

/// Chat 202's quick search must be answered while chat 201's slow one is still running.
fn judge_concurrency(search: &Conversations, expected: &BTreeMap<i64, String>) -> Outcome {
    let transcripts_ok = judge_chats("concurrent", &search_chats(), search, expected);
    if transcripts_ok.status != Status::Passed {
        return transcripts_ok;
    }
    let first_reply = |chat: i64| {
        search
            .sent
            .iter()
            .filter(|reply| reply.chat_id == chat)
            .map(|reply| reply.at)
            .min()
    };
    match (first_reply(202), first_reply(201)) {
        (Some(quick), Some(slow)) if quick < slow => Outcome::passed(tr!("bot-concurrent-passed")),
        _ => Outcome::failed(tr!(
            "bot-one-at-a-time",
            quick_chat = 202,
            slow_chat = 201,
            seconds = SLOW_SEARCH.as_secs()
        )),
    }
}

/// The long message's caption is cut to 1,024 characters, and the reply that got a 429 arrives
/// after `retry_after`.
fn judge_resilience(folder: &Conversations, expected: &BTreeMap<i64, String>) -> Outcome {
    let transcripts = judge_chats("resilient", &folder_chats(), folder, expected);
    let refused = folder
        .calls
        .iter()
        .find(|call| call.method == "sendphoto" && call.status == 429)
        .map(|call| call.at);
    let retried = folder
        .sent
        .iter()
        .find(|reply| reply.chat_id == 109)
        .map(|reply| reply.at);
    if transcripts.status != Status::Passed {
        let caption_refused = folder
            .calls
            .iter()
            .any(|call| call.method == "sendphoto" && call.status == 400);
        let long_lost = folder
            .transcripts
            .get(&108)
            .is_some_and(|transcript| transcript.contains("(no reply)"));
        if caption_refused && long_lost {
            return Outcome::failed(tr!("bot-caption-too-long", max = telegram::MAX_CAPTION))
                .with_details(transcripts.details.unwrap_or_default());
        }
        let lost = folder
            .transcripts
            .get(&109)
            .is_some_and(|t| t.contains("(no reply)"));
        if refused.is_some() && lost {
            return Outcome::failed(tr!("bot-retry-lost", chat = 109, retry_after = RETRY_AFTER))
                .with_details(transcripts.details.unwrap_or_default());
        }
        return transcripts;
    }
    match (refused, retried) {
        (Some(refused), Some(retried)) if retried >= refused + Duration::from_secs(RETRY_AFTER) => {
            Outcome::passed(tr!("bot-resilient-passed"))
        }
        _ => Outcome::failed(tr!(
            "bot-retry-too-soon",
            chat = 109,
            retry_after = RETRY_AFTER
        )),
    }
}
