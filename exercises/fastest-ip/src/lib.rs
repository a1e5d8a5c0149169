//! The fastest-ip exercise: the fastest IP.
//!
//! Which address does this machine have on the internet? Many services answer that question;
//! some are fast, some slow, some down, some answer nonsense. Ask them all at once and take the
//! first answer that is right: the result comes as fast as the fastest *good* service.
//!
//! `given.rs` holds what is given: [`Service`], [`default_services`], and the errors
//! [`FetchError`] and [`AllFailed`]. Fill in the three functions below, then grade your work:
//!
//! ```console
//! $ cargo run -p grader -- fastest-ip
//! ```
//!
//! `README.md` beside this file explains the exercise.

mod given;

use std::net::IpAddr;

pub use given::{AllFailed, FetchError, Service, default_services};

/// Asks one service. Fails on a non-2xx status, a body that is not JSON, a missing field, or a
/// value that is not an IP address.
pub async fn fetch_ip(client: &reqwest::Client, service: &Service) -> Result<IpAddr, FetchError> {
    // TODO: send a GET request to `service.url` with `client`. A `reqwest::Error` converts into
    //       `FetchError::Request` with `?`.
    // TODO: a status that is not a success (`status.is_success()`) is `FetchError::Status`.
    // TODO: read the body as text and parse it with `serde_json::from_str::<serde_json::Value>`
    //       (`FetchError::NotJson` when that fails).
    // TODO: take the field named `service.ip_attr` (`FetchError::MissingField` when it is not
    //       there); it must be a string that parses as an `IpAddr` (else `FetchError::NotAnIp`).
    todo!("ask {} at {} with {client:?}", service.name, service.url)
}

/// Asks every service at once; returns the name and answer of the first that succeeds. The
/// requests still running are cancelled as soon as there is an answer. When every one fails,
/// `AllFailed` says why each failed.
pub async fn fastest_ip(
    client: &reqwest::Client,
    services: &[Service],
) -> Result<(String, IpAddr), AllFailed> {
    // TODO: start every request at once: make one `fetch_ip` future per service and poll them
    //       together (`futures::stream::FuturesUnordered`, `tokio::task::JoinSet`, ...).
    // TODO: take the results as they come. The first `Ok` wins; an `Err` does not end the race
    //       (a fast failure must not win): keep it, with its service's name, and wait on.
    // TODO: once there is a winner, the other requests must stop: dropping their futures (or
    //       aborting their tasks) cancels them.
    // TODO: when every request has failed, return `AllFailed` with one reason per service.
    todo!(
        "ask all {} services at once with {client:?}",
        services.len()
    )
}

/// The offline variant: fetches every url at once and returns the url and the length of the
/// first page to arrive whose text is longer than `min_chars` characters (not bytes).
pub async fn first_page_longer_than(
    client: &reqwest::Client,
    urls: &[String],
    min_chars: usize,
) -> Option<(String, usize)> {
    // TODO: fetch every page at once, as in `fastest_ip`.
    // TODO: the pages are in Russian: `text.len()` counts bytes, `text.chars().count()` counts
    //       characters. Return the first page to arrive with more than `min_chars` characters.
    // TODO: `None` when no page is long enough (a page that fails to load is not the answer).
    todo!(
        "fetch {} pages with {client:?}, longer than {min_chars}",
        urls.len()
    )
}
