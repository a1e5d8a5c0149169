//! What the exercise gives: how much of the page to show, and the error that says why there is
//! no page to show.

/// How many characters of the page [`crate::first_chars`] keeps: the lesson's `'{:.70}'`.
pub const PREVIEW_CHARS: usize = 70;

/// Why there is no page to show.
#[derive(Debug, thiserror::Error)]
pub enum FetchError {
    /// No answer: the connection was refused, closed before an answer came, or the client's
    /// timeout ran out.
    #[error("no answer: {}", with_causes(.0))]
    Request(#[from] reqwest::Error),
    /// An answer, but an error instead of the page: 404 Not Found, 500 Internal Server Error...
    #[error("the server answered {0}")]
    Status(reqwest::StatusCode),
}

/// An error and the errors that caused it, in one line: reqwest's own message ("error sending
/// request") only says *that* it failed; its causes say why (no DNS, connection refused...).
fn with_causes(error: &dyn std::error::Error) -> String {
    let mut text = error.to_string();
    let mut cause = error.source();
    while let Some(error) = cause {
        text.push_str(": ");
        text.push_str(&error.to_string());
        cause = error.source();
    }
    text
}
