//! The image-bot exercise: a Telegram bot that answers a word with a picture.
//!
//! `/start` and `/help` get a welcome; any other text gets a picture that matches it (as a reply,
//! with the text as its caption), or a reply saying there is none; anything without text (a
//! sticker, a photo, a location) gets a reply asking for a word.
//!
//! `given.rs` holds what is given: [`Picture`], [`Pictures`], [`PictureError`], and the folder
//! source. Write the search source and the bot below, then grade your work (no Telegram, no
//! token needed: the grader plays Telegram on this machine):
//!
//! ```console
//! $ cargo run -p grader -- image-bot
//! ```
//!
//! `README.md` beside this file explains the exercise.

mod given;

use teloxide::prelude::*;

pub use given::{Picture, PictureError, Pictures, find_in_folder, words};

impl Pictures {
    /// `Ok(None)` when nothing matches; `PictureError` when the source fails.
    pub async fn find(
        &self,
        client: &reqwest::Client,
        query: &str,
    ) -> Result<Option<Picture>, PictureError> {
        match self {
            // Given: the first word of the query that names a picture in the folder.
            Pictures::Folder(folder) => find_in_folder(folder, query).await,
            Pictures::Search { base_url } => {
                // TODO: GET `{base_url}/v1/images/` with the query parameter `q` (`.query(&[("q",
                //       query)])` encodes it). A status that is not a success is
                //       `PictureError::Status`.
                // TODO: the answer is JSON: `{"results": [{"url": "..."}, ...]}`. No results:
                //       `Ok(None)`. No `results` list, or no `url`: `PictureError::BadAnswer`.
                // TODO: download the first result's `url`; its bytes and a file name with the
                //       right extension (the last part of the URL) make the `Picture`.
                todo!("search {base_url} for {query:?} with {client:?}")
            }
        }
    }
}

/// Runs the bot until the process is stopped: the handlers and the dispatcher set-up are yours.
/// The caller builds the `Bot` (the grader points it at its own Telegram).
pub async fn run(bot: Bot, pictures: Pictures) {
    // TODO: build a handler tree (`Update::filter_message()` with `.branch(...)`es):
    //       - `/start` and `/help` (also written `/help@botname`): a welcome that says what the
    //         bot does. `#[derive(BotCommands)]` on an enum and `filter_command` parse them.
    //       - any other text: `pictures.find(&client, text)`, within 10 seconds
    //         (`tokio::time::timeout`). A picture: `bot.send_photo(chat, InputFile::memory(..)
    //         .file_name(..))` with the text as caption (Telegram takes at most 1,024
    //         characters). Nothing: a text reply that says so (at most 4,096 characters). An
    //         error or a timeout: an apology; the bot goes on serving.
    //       - anything else (a sticker, a photo, a location): a reply asking for a word.
    //       Every answer is a reply: `.reply_parameters(ReplyParameters::new(message.id))`.
    // TODO: when Telegram answers "too many requests" (`RequestError::RetryAfter(wait)`), wait
    //       that long and send again: no reply may be lost.
    // TODO: run it with `Dispatcher::builder(bot, handler)`, passing the shared things (the
    //       pictures, one `reqwest::Client`) with `.dependencies(dptree::deps![...])`. Each chat
    //       is then served on its own: a slow search for one never delays another.
    // (Never format a `Bot` with `{:?}`: its debug output contains the secret token.)
    let _ = &bot;
    todo!("run the bot with {pictures:?}")
}
