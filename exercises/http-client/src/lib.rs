//! The http-client exercise: fetch a page and show how it starts.
//!
//! The lesson fetches a page with aiohttp and prints its first 70 characters and `...`. Here
//! reqwest fetches it, and you decide what the program gets back: the page's first characters,
//! or an error that says why there is no page (an error status, or no answer at all). The page
//! is Russian, which makes "the first 70 characters" more interesting than it sounds.
//!
//! `given.rs` holds what is given: [`PREVIEW_CHARS`] and the error [`FetchError`]; `main.rs`
//! prints the result. Fill in the function below, then grade your work:
//!
//! ```console
//! $ cargo run -p grader -- http-client
//! ```
//!
//! `README.md` beside this file explains the exercise.

mod given;

pub use given::{FetchError, PREVIEW_CHARS};

/// Fetches the page at `url` with `client` and returns its first [`PREVIEW_CHARS`] characters
/// (the whole page, when it is shorter). An answer with an error status is
/// [`FetchError::Status`]; no answer at all is [`FetchError::Request`].
pub async fn first_chars(client: &reqwest::Client, url: &str) -> Result<String, FetchError> {
    // TODO: send a GET request to `url` with `client` (the one given: it has a timeout). A
    //       `reqwest::Error` converts into `FetchError::Request` with `?`: no `unwrap()`, a
    //       refused connection is an error to return, not a reason to crash.
    // TODO: look at the status before the body: a 404 or a 500 comes with a page too (an
    //       apology), which is not the page asked for. `status.is_success()`.
    // TODO: read the body as text (`response.text().await`).
    // TODO: keep its first `PREVIEW_CHARS` *characters*. `&text[..70]` counts bytes: a
    //       Cyrillic letter takes two, and a cut inside one panics. `text.chars()` walks
    //       characters.
    todo!("fetch {url} with {client:?}")
}
