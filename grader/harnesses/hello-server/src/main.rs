//! Runs hello-server's `serve` for the grader, which is its client, on the real clock.
//!
//! `hello-server-harness SCENARIO_JSON`. The harness binds a listener on 127.0.0.1, on a port
//! the system picks, and [`grader_kit::report`]s the port (the grader reads that report while
//! the harness runs, and connects). It calls `serve` with the listener and a `shutdown` future
//! that completes when the grader closes the harness's standard input. Then it reports how
//! `serve` ended: how long after the shutdown it returned, or that it had not returned
//! `linger_ms` later, or that it returned before any shutdown.

use std::io::Read;
use std::process::ExitCode;
use std::time::{Duration, Instant};

use serde::Deserialize;
use serde_json::json;

// The grader builds this harness with exactly one of the two features.
#[cfg(not(feature = "solution"))]
use hello_server as subject;
#[cfg(feature = "solution")]
use hello_server_solution as subject;

/// What to run: the grader writes it as JSON.
#[derive(Debug, Deserialize)]
struct Scenario {
    /// How long to wait for `serve` to return after the shutdown.
    linger_ms: u64,
}

fn main() -> ExitCode {
    let Some(Ok(scenario)) = std::env::args()
        .nth(1)
        .map(|json| serde_json::from_str::<Scenario>(&json))
    else {
        eprintln!("usage: hello-server-harness SCENARIO_JSON");
        return ExitCode::from(2);
    };
    grader_kit::run_on_real_clock(run(scenario))
}

async fn run(scenario: Scenario) {
    let listener = tokio::net::TcpListener::bind(("127.0.0.1", 0))
        .await
        .expect("a port on 127.0.0.1 to listen on");
    let port = listener
        .local_addr()
        .expect("a bound listener has an address")
        .port();

    // The shutdown: the grader closes stdin (after the token, which the kit has read). A thread
    // waits for that, and tells the instant it came.
    let (told, mut told_at) = tokio::sync::watch::channel(None::<Instant>);
    std::thread::spawn(move || {
        let _ = std::io::stdin().lock().read_to_end(&mut Vec::new());
        let _ = told.send(Some(Instant::now()));
    });
    let shutdown = {
        let mut told_at = told_at.clone();
        async move {
            let _ = told_at.wait_for(Option::is_some).await;
        }
    };

    grader_kit::report(json!({ "port": port }));
    let serving = subject::serve(listener, shutdown);
    tokio::pin!(serving);
    // Until the shutdown, or until `serve` returns: a `serve` that returns as soon as it sees
    // the shutdown may do so in the same poll, so the instant told is what decides.
    let returned = tokio::select! {
        biased;
        _ = told_at.wait_for(Option::is_some) => None,
        result = &mut serving => Some(result),
    };
    let shutdown_at = *told_at.borrow();
    match (returned, shutdown_at) {
        (Some(result), None) => {
            grader_kit::report(json!({ "returned_early": true, "error": error_of(result) }));
        }
        (Some(result), Some(shutdown_at)) => report_returned(shutdown_at, result),
        (None, Some(shutdown_at)) => {
            let linger = Duration::from_millis(scenario.linger_ms);
            match tokio::time::timeout_at((shutdown_at + linger).into(), &mut serving).await {
                Ok(result) => report_returned(shutdown_at, result),
                Err(_) => grader_kit::report(json!({ "still_running": true })),
            }
        }
        // The thread that waits for the end of stdin always tells an instant.
        (None, None) => {}
    }
    // Returning ends the runtime, and with it every task `serve` left behind: as the end of a
    // real `main` would.
}

/// `serve` returned, after the shutdown: how long after, and with which error, if any.
fn report_returned(shutdown_at: Instant, result: std::io::Result<()>) {
    grader_kit::report(json!({
        "returned_after_ms": shutdown_at.elapsed().as_millis() as u64,
        "error": error_of(result),
    }));
}

fn error_of(result: std::io::Result<()>) -> Option<String> {
    result.err().map(|error| error.to_string())
}
