//! The fastest-ip exercise, the reference solution: ask every "what is my IP" service at once,
//! and keep the first answer that is right.
//!
//! Read this after your own version passes. The lesson does it with `asyncio.wait(...,
//! return_when=FIRST_COMPLETED)`; here it is a `FuturesUnordered`, which hands back each
//! request's result as soon as that request is done, whatever order they were started in.
//!
//! # Layout
//!
//! - [`given`]: the services and the error types, given with the exercise.
//! - [`fetch_ip`]: one request, and every way its answer can be wrong.
//! - [`fastest_ip`]: all the requests at once; the first *success* wins, and dropping the others
//!   cancels them.
//! - [`first_page_longer_than`]: the lesson's offline variant, the same pattern on web pages.

mod given;

use std::net::IpAddr;

use futures::StreamExt;
use futures::stream::FuturesUnordered;

pub use given::{AllFailed, FetchError, Service, default_services};

/// Asks one service. Fails on a non-2xx status, a body that is not JSON, a missing field, or a
/// value that is not an IP address.
pub async fn fetch_ip(client: &reqwest::Client, service: &Service) -> Result<IpAddr, FetchError> {
    // `?` turns a `reqwest::Error` into `FetchError::Request` through its `#[from]`.
    let response = client.get(&service.url).send().await?;
    let status = response.status();
    if !status.is_success() {
        return Err(FetchError::Status(status));
    }
    let body = response.text().await?;
    let json: serde_json::Value = serde_json::from_str(&body).map_err(FetchError::NotJson)?;
    let value = json
        .get(&service.ip_attr)
        .ok_or_else(|| FetchError::MissingField(service.ip_attr.clone()))?;
    // The address must be a JSON string that parses as one: `"1.2.3.4"`, not `1234` or `"n/a"`.
    let text = value
        .as_str()
        .ok_or_else(|| FetchError::NotAnIp(value.to_string()))?;
    text.parse()
        .map_err(|_| FetchError::NotAnIp(format!("{text:?}")))
}

/// Asks every service at once; returns the name and answer of the first that succeeds. The
/// requests still running are cancelled as soon as there is an answer. When every one fails,
/// `AllFailed` says why each failed.
pub async fn fastest_ip(
    client: &reqwest::Client,
    services: &[Service],
) -> Result<(String, IpAddr), AllFailed> {
    // Building the futures starts nothing; the `FuturesUnordered` polls them all together, so
    // every request is on its way before the first answer comes back.
    let mut requests: FuturesUnordered<_> = services
        .iter()
        .enumerate()
        .map(|(index, service)| async move { (index, fetch_ip(client, service).await) })
        .collect();

    let mut failures = Vec::new();
    while let Some((index, result)) = requests.next().await {
        match result {
            // Returning drops `requests`, and with it every request still running: in Rust,
            // dropping a future is how it is cancelled. Their connections close right away.
            Ok(ip) => return Ok((services[index].name.clone(), ip)),
            // A failure does not end the race: a slower service may still answer well.
            Err(error) => failures.push((index, error)),
        }
    }

    // They all failed. Report them in the order they were given, not the order they failed in.
    failures.sort_by_key(|(index, _)| *index);
    Err(AllFailed {
        failures: failures
            .into_iter()
            .map(|(index, error)| (services[index].name.clone(), error))
            .collect(),
    })
}

/// The offline variant: fetches every url at once and returns the url and the length of the
/// first page to arrive whose text is longer than `min_chars` characters (not bytes).
pub async fn first_page_longer_than(
    client: &reqwest::Client,
    urls: &[String],
    min_chars: usize,
) -> Option<(String, usize)> {
    let mut pages: FuturesUnordered<_> = urls
        .iter()
        .map(|url| async move {
            let text = client
                .get(url)
                .send()
                .await?
                .error_for_status()?
                .text()
                .await?;
            Ok::<_, reqwest::Error>((url, text))
        })
        .collect();
    while let Some(page) = pages.next().await {
        // A page that cannot be fetched is simply not the answer.
        let Ok((url, text)) = page else { continue };
        // `len()` counts bytes; a Cyrillic letter takes two of them in UTF-8.
        let chars = text.chars().count();
        if chars > min_chars {
            return Some((url.clone(), chars));
        }
    }
    None
}
