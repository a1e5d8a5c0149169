//! Runs `first_chars` on the grader's mock pages, on the real clock.
//!
//! `http-client-harness SCENARIO_JSON`, where the scenario (see [`Scenario`]) lists the URLs.
//! The harness builds the `reqwest::Client` the way the grader wants it (a timeout, no proxy),
//! calls `first_chars` on each URL in turn, and [`grader_kit::report`]s what each call gave: a
//! page's start, an error, a panic, or no end at all. A panic or a hang on one URL does not hide
//! what the others gave.

use std::process::ExitCode;
use std::time::Duration;

use serde::{Deserialize, Serialize};

// The grader builds this harness with exactly one of the two features.
#[cfg(not(feature = "solution"))]
use http_client as subject;
#[cfg(feature = "solution")]
use http_client_solution as subject;

use subject::FetchError;

/// What to run: the grader writes it as JSON.
#[derive(Debug, Deserialize)]
struct Scenario {
    urls: Vec<String>,
    /// The client's timeout.
    timeout_ms: u64,
    /// How long one call may take before the harness gives up on it.
    call_limit_ms: u64,
}

/// What one call gave, as the grader reads it.
#[derive(Debug, Serialize)]
#[serde(rename_all = "snake_case")]
enum Called {
    Ok(String),
    Error {
        kind: &'static str,
        status: Option<u16>,
        message: String,
    },
    Panicked(String),
    Hung,
}

fn main() -> ExitCode {
    let Some(Ok(scenario)) = std::env::args()
        .nth(1)
        .map(|json| serde_json::from_str::<Scenario>(&json))
    else {
        eprintln!("usage: http-client-harness SCENARIO_JSON");
        return ExitCode::from(2);
    };
    grader_kit::run_on_real_clock(run(scenario))
}

async fn run(scenario: Scenario) {
    // The client the grader hands in: a timeout, and never a proxy (the mock is on 127.0.0.1).
    let client = reqwest::Client::builder()
        .timeout(Duration::from_millis(scenario.timeout_ms))
        .no_proxy()
        .build()
        .expect("a client with a timeout always builds");
    let mut called = Vec::new();
    for url in scenario.urls {
        let client = client.clone();
        // A task of its own, so that a panic is this call's result rather than the run's end
        // (a `todo!()` still ends the run: it is never expected).
        let call = grader_kit::expecting_panics(async move {
            tokio::spawn(async move { subject::first_chars(&client, &url).await }).await
        });
        called.push(
            match tokio::time::timeout(Duration::from_millis(scenario.call_limit_ms), call).await {
                Ok(Ok(Ok(start))) => Called::Ok(start),
                Ok(Ok(Err(error))) => error_of(&error),
                Ok(Err(join_error)) => Called::Panicked(panic_message(join_error)),
                Err(_) => Called::Hung,
            },
        );
    }
    grader_kit::report(called);
}

fn error_of(error: &FetchError) -> Called {
    let (kind, status) = match error {
        FetchError::Request(_) => ("request", None),
        FetchError::Status(status) => ("status", Some(status.as_u16())),
    };
    Called::Error {
        kind,
        status,
        message: error.to_string(),
    }
}

fn panic_message(error: tokio::task::JoinError) -> String {
    let Ok(payload) = error.try_into_panic() else {
        return "the task was cancelled".to_string();
    };
    payload
        .downcast_ref::<&str>()
        .map(|text| text.to_string())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "a panic without a message".to_string())
}
