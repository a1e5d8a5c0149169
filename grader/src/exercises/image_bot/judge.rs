//! Judges image-bot's runs: each check's transcripts compared with the snapshot's, chat by
//! chat, then what a transcript cannot show (a welcome that is the "nothing found" reply with
//! other words in it, one chat waiting for another, a retry too soon), as an outcome per check.
//! A check reports every fault it finds, a sentence each; the sentences come from
//! `locales/*/image-bot.ftl`, the transcripts in their details stay as they are.

use std::collections::BTreeMap;
use std::time::Duration;

use super::plan::{
    COMMAND_CHATS, Chat, FAILED_SEARCH_CHAT, LONG_CHAT, NOTHING_FOUND_CHAT, QUICK_CHAT,
    REFUSED_CHAT, RETRY_AFTER, SLOW_CHAT, SLOW_SEARCH, UNKNOWN_WORD_CHAT, folder_chats,
    search_chats,
};
use super::run::{Conversations, shortened};
use super::token;
use crate::checks::ended::{ended_badly, shown};
use crate::child::Ending;
use crate::mock::telegram::{self, FromPerson, SentKind};
use crate::tr;
use crate::verdict::Outcome;

/// The outcome of one of the checks, from the runs with the folder and with the search, and
/// the transcripts their snapshots expect.
pub(super) fn judge_check(
    check: &str,
    (folder, expected_folder): (&Conversations, &BTreeMap<i64, String>),
    (search, expected_search): (&Conversations, &BTreeMap<i64, String>),
) -> Outcome {
    match check {
        "token-secret" => token::judge(&[folder, search], run_problem),
        "search" | "concurrent" => judge_run(check, &search_chats(), search, expected_search),
        _ => judge_run(check, &folder_chats(), folder, expected_folder),
    }
}

/// What is wrong in one check: a sentence per fault, and the transcripts that show them.
#[derive(Default)]
struct Faults {
    sentences: Vec<String>,
    details: String,
}

impl Faults {
    fn add(&mut self, sentence: Option<String>) {
        self.sentences.extend(sentence);
    }

    /// Passed, with `passed`, when nothing is wrong; else failed, with every fault on a line of
    /// its own.
    fn outcome(self, passed: String) -> Outcome {
        let Some(first) = self.sentences.first() else {
            return Outcome::passed(passed);
        };
        let kind = crate::i18n::id_of(first);
        let mut outcome = Outcome::failed(self.sentences.join("\n")).with_details(self.details);
        outcome.message_id = kind;
        outcome
    }
}

/// A chat whose transcript is not the expected one.
struct Differing<'a> {
    chat: &'a Chat,
    expected: String,
    got: String,
}

/// One check: its chats' transcripts, then what they cannot show.
fn judge_run(
    check: &str,
    chats: &[Chat],
    got: &Conversations,
    expected: &BTreeMap<i64, String>,
) -> Outcome {
    let differing: Vec<Differing> = chats
        .iter()
        .filter(|chat| chat.check == check)
        .filter_map(|chat| {
            let want = expected.get(&chat.id).cloned().unwrap_or_default();
            let have = got.transcripts.get(&chat.id).cloned().unwrap_or_default();
            (want != have).then_some(Differing {
                chat,
                expected: want,
                got: have,
            })
        })
        .collect();
    let mut faults = Faults::default();
    let mut panicked = false;
    if !differing.is_empty() {
        if let Some(problem) = run_problem(got) {
            // A handler that panics stops its own chat, and the bot serves on: in the check of
            // the long message and the 429, that is one fault among others.
            panicked = check == "resilient" && is_panic(&problem) && still_served(got);
            if !panicked {
                return problem;
            }
            faults.add(Some(problem.message));
        }
        faults.details = side_by_side(&differing);
    }
    match check {
        "resilient" => resilience(got, &differing, panicked, &mut faults),
        _ => faults.add(differences(&differing, got)),
    }
    match check {
        "welcome" => faults.add(commands_like_unknown_word(got)),
        "search" => faults.add(apology_like_nothing_found(got)),
        "concurrent" if differing.is_empty() => faults.add(one_at_a_time(got)),
        _ => {}
    }
    faults.outcome(match check {
        "welcome" => tr!("bot-welcome-passed"),
        "picture" => tr!("bot-picture-passed"),
        "non-text" => tr!("bot-non-text-passed"),
        "concurrent" => tr!("bot-concurrent-passed"),
        "resilient" => tr!("bot-resilient-passed"),
        _ => tr!("bot-search-passed"),
    })
}

/// The verdict of the run itself, when it explains every difference: a `todo!()`, a `Bot` of
/// the student's own, a crash, a run that did not serve until stopped, or a bot that never
/// called the local Telegram.
pub(super) fn run_problem(got: &Conversations) -> Option<Outcome> {
    if got.run.unfinished().is_some() {
        return ended_badly(&got.run, &got.limits);
    }
    if let Some(outcome) = not_the_given_bot(got) {
        return Some(outcome);
    }
    if let Some(mut outcome) = ended_badly(&got.run, &got.limits) {
        let cut_inside_a_character = got
            .run
            .panic
            .as_ref()
            .is_some_and(|(message, _)| message.contains("is not a char boundary"));
        // A panic's message may hold a mock's URL (a `Bot`'s `{:?}` does), whose port changes at
        // every run: the same bot gets the same words.
        outcome.message = token::without_ports(&outcome.message);
        if cut_inside_a_character {
            let hint = tr!("bot-cut-inside-a-character", max = telegram::MAX_CAPTION);
            outcome.message = format!("{} {hint}", outcome.message);
        }
        return Some(outcome);
    }
    if got.run.timeline.returned.is_some() {
        return Some(Outcome::failed(tr!("bot-run-returned")));
    }
    got.calls
        .is_empty()
        .then(|| Outcome::failed(tr!("bot-no-call")))
}

/// No call reached the local Telegram, because the bot made a `Bot` of its own: it asked the
/// proxy for another host (api.telegram.org), or `Bot::from_env` found no token.
fn not_the_given_bot(got: &Conversations) -> Option<Outcome> {
    if !got.calls.is_empty() {
        return None;
    }
    let from_env = got
        .run
        .panic
        .as_ref()
        .is_some_and(|(message, _)| message.contains("TELOXIDE_TOKEN"));
    let how = match got.elsewhere.first() {
        Some(host) => tr!("bot-own-bot-elsewhere", host = host.as_str()),
        None if from_env => tr!("bot-own-bot-from-env"),
        None => return None,
    };
    Some(Outcome::failed(tr!("bot-not-the-given-bot", how = how)))
}

fn is_panic(outcome: &Outcome) -> bool {
    matches!(outcome.message_id, Some("run-panicked" | "run-panicked-at"))
}

/// Whether the bot was still serving when the grader stopped it (its harness then exits well).
fn still_served(got: &Conversations) -> bool {
    matches!(&got.run.ending, Ending::Exited(status) if status.success())
}

/// The expected and actual transcripts of the differing chats, one after the other.
fn side_by_side(differing: &[Differing]) -> String {
    differing
        .iter()
        .map(|one| {
            format!(
                "{}\n{}\n{}\n{}",
                tr!("bot-details-expected", chat = one.chat.id),
                one.expected,
                tr!("bot-details-yours"),
                one.got
            )
        })
        .collect::<Vec<_>>()
        .join("\n\n")
}

/// The first differing chat, in words, and how many others differ.
fn differences(differing: &[Differing], got: &Conversations) -> Option<String> {
    let first = differing.first()?;
    Some(chat_differs(first, differing.len() - 1, got))
}

/// "In chat 103 (the person sent text "cat"), the bot's replies are not the expected ones:
/// ...", naming how many `others` differ too.
fn chat_differs(one: &Differing, others: usize, got: &Conversations) -> String {
    let sent = one
        .chat
        .messages
        .first()
        .map(incoming_in_words)
        .unwrap_or_default();
    let difference = first_difference(one, got);
    match others {
        0 => tr!(
            "bot-replies-differ",
            chat = one.chat.id,
            sent = sent,
            difference = difference
        ),
        others => tr!(
            "bot-replies-differ-elsewhere",
            chat = one.chat.id,
            sent = sent,
            others = others,
            difference = difference
        ),
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

/// The first line where two transcripts differ, in words; a message left with no reply says
/// what the bot did instead, when it did something.
fn first_difference(one: &Differing, got: &Conversations) -> String {
    let (want_lines, have_lines): (Vec<&str>, Vec<&str>) =
        (one.expected.lines().collect(), one.got.lines().collect());
    for index in 0..want_lines.len().max(have_lines.len()) {
        let (w, h) = (want_lines.get(index), have_lines.get(index));
        if w != h {
            return match (w, h) {
                (Some(w), Some(h)) if h.trim() == NO_REPLY => no_reply(one, w.trim(), got),
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

/// How a transcript marks a message nothing replied to, and a reply to no message.
const NO_REPLY: &str = "(no reply)";
const NOT_A_REPLY: &str = ", not as a reply";

/// A message with no reply where `expected` was expected: what the bot did instead. It sent
/// something that is not a reply; or Telegram refused what it called (`sendDocument`, which the
/// local Telegram does not have); or it sent its requests elsewhere; or nothing at all.
fn no_reply(one: &Differing, expected: &str, got: &Conversations) -> String {
    if let Some(line) = one.got.lines().find(|line| line.ends_with(NOT_A_REPLY)) {
        return tr!(
            "bot-difference-not-a-reply",
            expected = expected,
            got = line.trim()
        );
    }
    let refused = got
        .calls
        .iter()
        .find(|call| call.chat_id == Some(one.chat.id) && call.status >= 400 && call.status != 429);
    if let Some(call) = refused {
        if call.method == "senddocument" {
            return tr!("bot-difference-document", expected = expected);
        }
        return tr!(
            "bot-difference-refused",
            expected = expected,
            method = method_name(&call.method),
            status = call.status,
            why = call.refused.clone().unwrap_or_default()
        );
    }
    if let Some(host) = got.elsewhere.first() {
        return tr!(
            "bot-difference-elsewhere",
            expected = expected,
            host = host.as_str()
        );
    }
    tr!(
        "bot-difference-changed",
        expected = expected,
        got = NO_REPLY
    )
}

/// The teloxide name of a Bot API method the mock has seen in lowercase.
fn method_name(method: &str) -> String {
    let known = [
        ("sendmessage", "send_message"),
        ("sendphoto", "send_photo"),
        ("senddocument", "send_document"),
        ("sendsticker", "send_sticker"),
        ("sendanimation", "send_animation"),
        ("sendmediagroup", "send_media_group"),
        ("copymessage", "copy_message"),
        ("forwardmessage", "forward_message"),
    ];
    known
        .iter()
        .find(|(lowercase, _)| *lowercase == method)
        .map_or(method, |(_, name)| name)
        .to_string()
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

/// The first text the person sent in `chat`, as the plan has it.
fn person_wrote(chats: &[Chat], chat: i64) -> &str {
    chats
        .iter()
        .find(|one| one.id == chat)
        .and_then(|one| one.messages.first())
        .and_then(|message| match message {
            FromPerson::Text(text) => Some(text.as_str()),
            _ => None,
        })
        .unwrap_or_default()
}

/// Whether two replies are one reply with the person's words in it (`No picture for "/start"`
/// and `No picture for "zebra"`): their words, lowercased, are the same once every word the
/// person wrote in either chat is taken out.
fn same_but_for_their_words(replies: [&str; 2], they_wrote: [&str; 2]) -> bool {
    let words = |text: &str| -> Vec<String> {
        text.split(|c: char| !c.is_alphanumeric())
            .filter(|word| !word.is_empty())
            .map(str::to_lowercase)
            .collect()
    };
    let theirs: Vec<String> = they_wrote.iter().flat_map(|text| words(text)).collect();
    let template = |reply: &str| -> Vec<String> {
        words(reply)
            .into_iter()
            .filter(|word| !theirs.contains(word))
            .collect()
    };
    template(replies[0]) == template(replies[1])
}

/// `/start`, `/help` and `/help@botname` each need a welcome: a reply that is not the one to an
/// unknown word, even with the person's words taken out.
fn commands_like_unknown_word(got: &Conversations) -> Option<String> {
    let chats = folder_chats();
    let unknown = first_text(got, UNKNOWN_WORD_CHAT)?;
    let word = person_wrote(&chats, UNKNOWN_WORD_CHAT);
    let alike: Vec<(i64, &str, &str)> = COMMAND_CHATS
        .iter()
        .filter_map(|&chat| {
            let command = person_wrote(&chats, chat);
            let reply = first_text(got, chat)?;
            same_but_for_their_words([reply, unknown], [command, word])
                .then_some((chat, command, reply))
        })
        .collect();
    let (_, _, reply) = alike.first()?;
    let commands = alike
        .iter()
        .map(|(chat, command, _)| tr!("bot-command-in-chat", command = *command, chat = *chat))
        .collect::<Vec<_>>()
        .join(", ");
    Some(if *reply == unknown {
        tr!(
            "bot-commands-same-as-unknown-word",
            commands = commands,
            count = alike.len(),
            unknown_chat = UNKNOWN_WORD_CHAT,
            reply = shown(reply)
        )
    } else {
        tr!(
            "bot-commands-like-unknown-word",
            commands = commands,
            count = alike.len(),
            unknown_chat = UNKNOWN_WORD_CHAT,
            reply = shown(reply),
            unknown = shown(unknown)
        )
    })
}

/// The apology for a failed search is not the "nothing found" reply, even with the person's
/// words taken out.
fn apology_like_nothing_found(got: &Conversations) -> Option<String> {
    let chats = search_chats();
    let apology = first_text(got, FAILED_SEARCH_CHAT)?;
    let nothing = first_text(got, NOTHING_FOUND_CHAT)?;
    let they_wrote = [
        person_wrote(&chats, FAILED_SEARCH_CHAT),
        person_wrote(&chats, NOTHING_FOUND_CHAT),
    ];
    if !same_but_for_their_words([apology, nothing], they_wrote) {
        return None;
    }
    Some(if apology == nothing {
        tr!(
            "bot-apology-same-as-nothing-found",
            apology_chat = FAILED_SEARCH_CHAT,
            nothing_chat = NOTHING_FOUND_CHAT,
            text = shown(apology)
        )
    } else {
        tr!(
            "bot-apology-like-nothing-found",
            apology_chat = FAILED_SEARCH_CHAT,
            nothing_chat = NOTHING_FOUND_CHAT,
            apology = shown(apology),
            nothing = shown(nothing)
        )
    })
}

/// The quick search's chat must be answered while the slow one's search is still running.
fn one_at_a_time(search: &Conversations) -> Option<String> {
    let first_reply = |chat: i64| {
        search
            .sent
            .iter()
            .filter(|reply| reply.chat_id == chat)
            .map(|reply| reply.at)
            .min()
    };
    match (first_reply(QUICK_CHAT), first_reply(SLOW_CHAT)) {
        (Some(quick), Some(slow)) if quick < slow => None,
        _ => Some(tr!(
            "bot-one-at-a-time",
            quick_chat = QUICK_CHAT,
            slow_chat = SLOW_CHAT,
            seconds = SLOW_SEARCH.as_secs()
        )),
    }
}

/// The long message's caption is cut to 1,024 characters, and the reply that got a 429 arrives
/// after `retry_after`: a fault for each chat that went wrong, said as precisely as the calls
/// allow. `panicked`: the bot's panic is already a fault, and explains a long message left
/// without a reply.
fn resilience(got: &Conversations, differing: &[Differing], panicked: bool, faults: &mut Faults) {
    let refused = got
        .calls
        .iter()
        .find(|call| call.method == "sendphoto" && call.status == 429)
        .map(|call| call.at);
    let caption_refused = got.calls.iter().any(|call| {
        call.method == "sendphoto" && call.status == 400 && call.chat_id == Some(LONG_CHAT)
    });
    for one in differing {
        let lost = one.got.contains(NO_REPLY);
        let fault = match one.chat.id {
            LONG_CHAT if caption_refused && lost => {
                tr!("bot-caption-too-long", max = telegram::MAX_CAPTION)
            }
            LONG_CHAT if panicked && lost => continue,
            REFUSED_CHAT if refused.is_some() && lost => tr!(
                "bot-retry-lost",
                chat = REFUSED_CHAT,
                retry_after = RETRY_AFTER
            ),
            _ => chat_differs(one, 0, got),
        };
        faults.add(Some(fault));
    }
    if !differing.is_empty() {
        return;
    }
    let retried = got
        .sent
        .iter()
        .find(|reply| reply.chat_id == REFUSED_CHAT)
        .map(|reply| reply.at);
    match (refused, retried) {
        (Some(refused), Some(retried)) if retried >= refused + Duration::from_secs(RETRY_AFTER) => {
        }
        _ => faults.add(Some(tr!(
            "bot-retry-too-soon",
            chat = REFUSED_CHAT,
            retry_after = RETRY_AFTER
        ))),
    }
}
