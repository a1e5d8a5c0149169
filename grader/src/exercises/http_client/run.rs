//! Runs the http-client exercise's cases: a mock server (`mock::scripted`) with a route per
//! case, the harness called on their URLs, one after another, in one run.

use std::time::Duration;

use serde_json::json;

use super::plan::{CALL_LIMIT, CLIENT_TIMEOUT, Case, What};
use crate::child::Limits;
use crate::harness::{Harness, Run};
use crate::mock::scripted::{self, Behaviour, Route};

/// What one group of cases gave: the harness's run, and its limits (for the verdicts of a run
/// that ended badly).
pub(super) struct Ran {
    pub(super) run: Run,
    pub(super) limits: Limits,
}

pub(super) async fn run_cases(harness: &Harness, cases: &[Case]) -> Result<Ran, String> {
    let routes = cases
        .iter()
        .filter_map(|case| {
            let behaviour = match &case.what {
                What::Refused => return None,
                What::Text | What::Short => page(200, "text/plain; charset=utf-8", &case.body),
                What::Html => page(200, "text/html; charset=utf-8", &case.body),
                What::ErrorStatus(status) => page(*status, "text/html; charset=utf-8", &case.body),
                What::Hangup => Behaviour::Hangup,
                What::Silent => Behaviour::Silent,
            };
            Some(Route {
                path: case.path.clone(),
                delay: Duration::ZERO,
                behaviour,
            })
        })
        .collect();
    let server = scripted::serve(routes)
        .await
        .map_err(|error| format!("cannot start a mock server on 127.0.0.1: {error}"))?;
    let mut urls = Vec::new();
    for case in cases {
        urls.push(match case.what {
            What::Refused => refused_url().await?,
            _ => server.url(&case.path),
        });
    }
    let scenario = json!({
        "urls": urls,
        "timeout_ms": CLIENT_TIMEOUT.as_millis() as u64,
        "call_limit_ms": CALL_LIMIT.as_millis() as u64,
    });
    let run = harness.run(&[&scenario.to_string()]).await?;
    Ok(Ran {
        run,
        limits: harness.limits,
    })
}

fn page(status: u16, content_type: &str, body: &str) -> Behaviour {
    Behaviour::Answer {
        status,
        content_type: content_type.to_string(),
        body: body.to_string(),
    }
}

/// A URL where nothing listens: a port the system picked for a moment, and let go of.
async fn refused_url() -> Result<String, String> {
    let listener = tokio::net::TcpListener::bind(("127.0.0.1", 0))
        .await
        .map_err(|error| format!("cannot bind a port on 127.0.0.1: {error}"))?;
    let addr = listener
        .local_addr()
        .map_err(|error| format!("no address for a port on 127.0.0.1: {error}"))?;
    drop(listener);
    Ok(format!("http://{addr}/"))
}
