//! The image-bot exercise: scripted conversations with the student's bot, through a mock
//! Telegram (`mock::telegram`), with the pictures from a folder and from a mock search.
//!
//! Each chat's messages go in, the bot's replies come out; the replies are normalised into a
//! transcript (which message each replies to, text or photo, which picture, what caption) and
//! compared, chat by chat, with the snapshot that the reference solution produced. The order
//! across chats is free: the dispatcher serves chats concurrently. The words of a text reply
//! are the student's own, so only its being a text reply is compared; but replies that must
//! differ (a welcome, and the reply to an unknown word) may not be one sentence with the
//! person's words in it. What the bot prints is searched for its token. Nothing the bot asks
//! for leaves 127.0.0.1: a proxy that refuses every request stands for the rest of the internet,
//! and says where the bot tried to go.
//!
//! The transcripts are the snapshots' format, so they stay in English whatever the language of
//! the verdict; the sentences around them come from `locales/*/image-bot.ftl`.
//!
//! # Layout
//!
//! - `plan`: the chats of the two runs, what the person sends in each and for which check;
//!   the reply Telegram refuses first; what the mock search answers.
//! - `run`: the bot against the mocks, the messages sent and the replies waited for, and the
//!   replies as transcripts ([`converse_with_folder`], [`converse_with_search`]: the snapshot
//!   tests record them).
//! - `judge`: the transcripts compared with the snapshots, and what they cannot show (the
//!   welcome's words, the timings), as an outcome per check, with every fault found.
//! - `token`: what the bot printed, searched for its token (the check `token-secret`).

mod judge;
mod plan;
mod run;
mod token;

pub use run::{Conversations, converse_with_folder, converse_with_search};

use crate::checks::Context;
use crate::harness::{Harness, expected_text};
use crate::verdict::Outcome;

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
    "token-secret",
];

/// The snapshots of the two runs' transcripts.
pub const FOLDER_SNAPSHOT: &str = "folder";
pub const SEARCH_SNAPSHOT: &str = "search";

pub async fn grade(
    context: &Context<'_>,
    harness: &Harness,
) -> Result<Vec<(String, Outcome)>, String> {
    let expected_folder =
        run::parse_transcripts(&expected_text(&context.snapshots(), FOLDER_SNAPSHOT)?);
    let expected_search =
        run::parse_transcripts(&expected_text(&context.snapshots(), SEARCH_SNAPSHOT)?);
    let (folder, search) = tokio::join!(
        converse_with_folder(harness, &context.fixtures),
        converse_with_search(harness, &context.fixtures),
    );
    let (folder, search) = (folder?, search?);

    let mut outcomes = Vec::new();
    for check in CHECKS {
        let outcome = judge::judge_check(
            check,
            (&folder, &expected_folder),
            (&search, &expected_search),
        );
        outcomes.push((check.to_string(), outcome));
    }
    Ok(outcomes)
}
