//! Runs fastest-ip's scenarios: a mock server (`mock::scripted`) with a route per planned
//! service or page, the harness called on their URLs, and the mock's log of every request
//! once the harness has ended.

use std::collections::BTreeMap;
use std::time::Duration;

use serde_json::{Value, json};

use super::plan::{CLIENT_TIMEOUT, Kind, LINGER, Pages, Planned, fill_in};
use crate::child::Limits;
use crate::harness::{Harness, Run};
use crate::mock::http::{MockServer, Seen};
use crate::mock::scripted::{self, Behaviour, Route};

/// What one scenario gave: the harness's run and the mock's log of requests.
pub(super) struct Ran {
    pub(super) run: Run,
    pub(super) seen: Vec<Seen>,
    pub(super) limits: Limits,
    /// A service of the scenario that never answers, and the timeout of the client given to the
    /// student's code: only that timeout ends a request to it.
    pub(super) silent: Option<(String, Duration)>,
}

pub(super) async fn run_services(
    harness: &Harness,
    kinds: &BTreeMap<String, Kind>,
    planned: &[Planned],
    call: &str,
    timeout: Duration,
) -> Result<Ran, String> {
    let routes = planned
        .iter()
        .map(|service| {
            let kind = &kinds[&service.kind];
            Route {
                path: format!("/{}", service.name),
                delay: Duration::from_millis(service.delay_ms),
                behaviour: fill_in(&kind.behaviour, service.ip.as_deref().unwrap_or("")),
            }
        })
        .collect();
    let server = serve(routes).await?;
    let services: Vec<Value> = planned
        .iter()
        .map(|service| {
            json!({
                "name": service.name,
                "url": server.url(&format!("/{}", service.name)),
                "ip_attr": kinds[&service.kind].ip_attr,
            })
        })
        .collect();
    let scenario = json!({
        "call": call,
        "services": services,
        "timeout_ms": timeout.as_millis() as u64,
        "linger_ms": LINGER.as_millis() as u64,
    });
    let mut ran = finish(harness, &server, scenario).await?;
    ran.silent = planned
        .iter()
        .find(|service| kinds[&service.kind].behaviour == Behaviour::Silent)
        .map(|service| (service.name.clone(), timeout));
    Ok(ran)
}

pub(super) async fn run_pages(
    harness: &Harness,
    pages: &Pages,
    min_chars: usize,
) -> Result<Ran, String> {
    let routes = pages
        .pages
        .iter()
        .map(|(path, delay_ms, text)| Route {
            path: path.clone(),
            delay: Duration::from_millis(*delay_ms),
            behaviour: match text {
                Some(text) => Behaviour::Answer {
                    status: 200,
                    content_type: "text/html; charset=utf-8".into(),
                    body: text.clone(),
                },
                None => Behaviour::Answer {
                    status: 500,
                    content_type: "text/plain".into(),
                    body: "Internal Server Error".into(),
                },
            },
        })
        .collect();
    let server = serve(routes).await?;
    let urls: Vec<String> = pages
        .pages
        .iter()
        .map(|(path, ..)| server.url(path))
        .collect();
    let scenario = json!({
        "call": "first_page_longer_than",
        "urls": urls,
        "min_chars": min_chars,
        "timeout_ms": CLIENT_TIMEOUT.as_millis() as u64,
    });
    finish(harness, &server, scenario).await
}

async fn serve(routes: Vec<Route>) -> Result<MockServer, String> {
    scripted::serve(routes)
        .await
        .map_err(|error| format!("cannot start a mock server on 127.0.0.1: {error}"))
}

async fn finish(harness: &Harness, server: &MockServer, scenario: Value) -> Result<Ran, String> {
    let run = harness.run(&[&scenario.to_string()]).await?;
    // The harness has ended, so every connection is closed; give the server a moment to see it.
    let seen = server.log.settled(Duration::from_secs(2)).await;
    Ok(Ran {
        run,
        seen,
        limits: harness.limits,
        silent: None,
    })
}
