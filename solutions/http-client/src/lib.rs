//! The http-client exercise, the reference solution: fetch a page and show how it starts.
//!
//! Read this after your own version passes. The lesson's aiohttp version is three lines, and so
//! is the heart of this one; what Rust adds is that every way the request can go wrong is a
//! value of the function's `Result`, which the caller (`main.rs`) must look at.
//!
//! # Layout
//!
//! - [`given`]: how much to show, and the error type, given with the exercise.
//! - [`first_chars`]: one request, its status checked, its body cut by characters.

mod given;

pub use given::{FetchError, PREVIEW_CHARS};

/// Fetches the page at `url` with `client` and returns its first [`PREVIEW_CHARS`] characters
/// (the whole page, when it is shorter). An answer with an error status is
/// [`FetchError::Status`]; no answer at all is [`FetchError::Request`].
pub async fn first_chars(client: &reqwest::Client, url: &str) -> Result<String, FetchError> {
    // `send()` only fails when there is no answer: refused, cut off, or past the client's
    // timeout. `?` turns that `reqwest::Error` into `FetchError::Request` (its `#[from]`).
    let response = client.get(url).send().await?;

    // A 404 or a 500 is an answer too, and it comes with a body: an apology page that looks
    // like any other. reqwest does not treat it as an error; the status says what it is.
    let status = response.status();
    if !status.is_success() {
        return Err(FetchError::Status(status));
    }

    // The body arrives as bytes; `text()` decodes it as UTF-8 into a `String`.
    let text = response.text().await?;

    // A `String` is UTF-8 bytes, and `&text[..70]` would cut after 70 *bytes*: about 35
    // Cyrillic letters, and a panic when the cut falls inside one. `chars()` walks characters,
    // so `take` counts what a reader counts, and a shorter page is simply taken whole.
    // (`format!("{text:.70}")`, the lesson's own `'{:.70}'`, counts characters too.)
    Ok(text.chars().take(PREVIEW_CHARS).collect())
}
