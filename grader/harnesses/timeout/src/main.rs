//! Runs one scenario of the timeout exercise on tokio's paused clock, for the grader.
//!
//! `timeout-harness eternity` runs `eternity()`; `timeout-harness wait-for-eternity MS` runs
//! `wait_for_eternity` with a limit of MS milliseconds; `timeout-harness factorial-with-timeout
//! NAME N MS` runs `factorial_with_timeout(NAME, N, MS ms)`. What it prints is the student's
//! output interleaved with `grader_kit`'s markers; the grader reads it back as a timeline.
//! `course.toml` says which scenarios each check runs.

use std::future::Future;
use std::time::Duration;

/// Runs a call, then lets the runtime run its other tasks once before the result is reported.
/// `JoinHandle::abort` only asks: an aborted task ends the next time the runtime runs it. A task
/// the call aborted is then gone, and only a task it left running counts as one.
async fn settled<F: Future>(call: F) -> F::Output {
    let output = call.await;
    tokio::task::yield_now().await;
    output
}

grader_kit::harness! {
    exercise: timeout,
    solution: timeout_solution,
    scenarios: {
        "eternity" () => settled(subject::eternity()).await,
        "wait-for-eternity" (limit_ms: u64) =>
            settled(subject::wait_for_eternity(Duration::from_millis(limit_ms))).await,
        "factorial-with-timeout" (name: String, number: u64, limit_ms: u64) =>
            settled(subject::factorial_with_timeout(&name, number, Duration::from_millis(limit_ms)))
                .await,
    }
}
