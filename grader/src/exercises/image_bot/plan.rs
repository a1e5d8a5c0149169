//! The conversations of image-bot: the chats of the two runs (what the person sends in each,
//! and for which check), the reply that Telegram first refuses, and what the mock search answers
//! each query. Nothing here runs: [`super::run`] starts the mocks and the bot, [`super::judge`]
//! reads what happened.

use std::time::Duration;

use crate::mock::search::SearchAnswer;
use crate::mock::telegram::{self, FromPerson};

/// How long the search takes for "cat": other chats must not wait for it.
pub(super) const SLOW_SEARCH: Duration = Duration::from_secs(2);
/// The `retry_after` of the 429 that one reply gets first.
pub(super) const RETRY_AFTER: u64 = 1;
/// The chats whose command needs a welcome, and the chat of an unknown word: the welcome must
/// not be the "nothing found" reply, even with the person's words taken out.
pub(super) const COMMAND_CHATS: [i64; 3] = [101, 111, 102];
pub(super) const UNKNOWN_WORD_CHAT: i64 = 105;
/// The chat of the long message, whose caption must be cut.
pub(super) const LONG_CHAT: i64 = 108;
/// The chat whose search fails, and the chat whose search finds nothing: the apology must not be
/// the "nothing found" reply.
pub(super) const FAILED_SEARCH_CHAT: i64 = 203;
pub(super) const NOTHING_FOUND_CHAT: i64 = 204;
/// The chats of a slow and a quick search, in the run with the search.
pub(super) const SLOW_CHAT: i64 = 201;
pub(super) const QUICK_CHAT: i64 = 202;

/// The chat whose photo Telegram first refuses with "too many requests" (`retry_after`
/// [`RETRY_AFTER`]): its reply must still arrive.
pub(super) const REFUSED_CHAT: i64 = 109;

/// One chat of a run: its id, the check it belongs to, what the person sends.
pub(super) struct Chat {
    pub(super) id: i64,
    pub(super) check: &'static str,
    pub(super) messages: Vec<FromPerson>,
}

fn text(text: &str) -> FromPerson {
    FromPerson::Text(text.to_string())
}

/// The chats of the run with the folder source.
pub(super) fn folder_chats() -> Vec<Chat> {
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
            id: UNKNOWN_WORD_CHAT,
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
            id: LONG_CHAT,
            check: "resilient",
            messages: vec![FromPerson::Text(long)],
        },
        Chat {
            id: REFUSED_CHAT,
            check: "resilient",
            messages: vec![text("sun ☀️")],
        },
        Chat {
            id: 110,
            check: "picture",
            messages: vec![text("🐱🐶")],
        },
        Chat {
            id: 111,
            check: "welcome",
            messages: vec![text("/help")],
        },
    ]
}

/// The chats of the run with the search source (see [`search_answer`] for the search's answers).
pub(super) fn search_chats() -> Vec<Chat> {
    vec![
        Chat {
            id: SLOW_CHAT,
            check: "search",
            messages: vec![text("cat")],
        },
        Chat {
            id: QUICK_CHAT,
            check: "concurrent",
            messages: vec![text("dog")],
        },
        Chat {
            id: FAILED_SEARCH_CHAT,
            check: "search",
            messages: vec![text("error"), text("dog")],
        },
        Chat {
            id: NOTHING_FOUND_CHAT,
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

/// What the mock search answers: "cat" after [`SLOW_SEARCH`], "dog" at once, "error" with a
/// 500, "nothing" with no results, "broken" with a picture that is not there.
pub(super) fn search_answer(query: &str) -> SearchAnswer {
    match query {
        "cat" => SearchAnswer::Picture {
            name: "cat.png",
            after: SLOW_SEARCH,
        },
        "dog" => SearchAnswer::Picture {
            name: "dog.png",
            after: Duration::ZERO,
        },
        "error" => SearchAnswer::ServerError,
        "broken" => SearchAnswer::Picture {
            name: "missing.png",
            after: Duration::ZERO,
        },
        _ => SearchAnswer::NoResults,
    }
}
