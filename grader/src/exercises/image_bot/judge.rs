//! Judges exercise 3's runs: each check's transcripts compared with the snapshot's, chat by
//! chat, then what a transcript cannot show (the same words for a welcome and an unknown word,
//! one chat waiting for another, a retry too soon), as an outcome per check. The sentences come
//! from `locales/*/image-bot.ftl`; the transcripts in their details stay as they are.

use std::collections::BTreeMap;
use std::time::Duration;

use super::plan::{Chat, REFUSED_CHAT, RETRY_AFTER, SLOW_SEARCH, folder_chats, search_chats};
use super::run::{Conversations, shortened};
use crate::checks::ended::{ended_badly, shown};
use crate::mock::telegram::{self, FromPerson, SentKind};
use crate::tr;
use crate::verdict::{Outcome, Status};

/// The outcome of one of the checks, from the runs with the folder and with the search, and
/// the transcripts their snapshots expect.
pub(super) fn judge_check(
    check: &str,
    (folder, expected_folder): (&Conversations, &BTreeMap<i64, String>),
    (search, expected_search): (&Conversations, &BTreeMap<i64, String>),
) -> Outcome {
    match check {
        "concurrent" => judge_concurrency(search, expected_search),
        "resilient" => judge_resilience(folder, expected_folder),
        "search" => judge_chats(check, &search_chats(), search, expected_search).and_then(|| {
            distinct(search, (203, 204), |text| {
                tr!(
                    "bot-apology-same-as-nothing-found",
                    apology_chat = 203,
                    nothing_chat = 204,
                    text = text
                )
            })
        }),
        "welcome" => judge_chats(check, &folder_chats(), folder, expected_folder).and_then(|| {
            distinct(folder, (101, 105), |text| {
                tr!(
                    "bot-welcome-same-as-unknown-word",
                    welcome_chat = 101,
                    unknown_chat = 105,
                    text = text
                )
            })
        }),
        _ => judge_chats(check, &folder_chats(), folder, expected_folder),
    }
}

/// What a person sent, in words, for a sentence of the verdict (the transcript's own
/// `describe_incoming` stays in the snapshots' English).
fn incoming_in_words(message: &FromPerson) -> String {
    match message {
        FromPerson::Text(text) => tr!("bot-incoming-text", text = quoted_in_words(text)),
        FromPerson::Sticker => tr!("bot-incoming-sticker"),
        FromPerson::Photo => tr!("bot-incoming-photo"),
        FromPerson::Location => tr!("bot-incoming-location"),
    }
}

/// A text in quotes, shortened (with its length) when it is long: the transcript's `quoted`, in
/// the verdict's language.
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
        .find(|reply| reply.chat_id == REFUSED_CHAT)
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
            .get(&REFUSED_CHAT)
            .is_some_and(|t| t.contains("(no reply)"));
        if refused.is_some() && lost {
            return Outcome::failed(tr!(
                "bot-retry-lost",
                chat = REFUSED_CHAT,
                retry_after = RETRY_AFTER
            ))
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
            chat = REFUSED_CHAT,
            retry_after = RETRY_AFTER
        )),
    }
}
