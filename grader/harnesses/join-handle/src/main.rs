//! Runs one scenario of the join-handle exercise on tokio's paused clock, for the grader.
//!
//! `join-handle-harness SCENARIO ARGS...`, as the table below says: durations in milliseconds.
//! What it prints is the student's output interleaved with `grader_kit`'s markers; the grader
//! reads it back as a timeline. `course.toml` says which scenarios each check runs.
//!
//! The task of `exception` panics on purpose (the lesson's `exception()`): that scenario runs
//! inside `grader_kit::expecting_panics`, so that its panic is not taken for the run ending
//! badly. That scope covers every panic while it lasts, so [`own_panic`] tells apart a panic that
//! reaches `exception` itself (a `JoinError` unwrapped, say): it panics again, outside the scope,
//! and the run ends with that message.

use std::future::Future;
use std::panic::AssertUnwindSafe;
use std::time::Duration;

use futures::FutureExt;

/// Runs a call, then lets the runtime run its other tasks once before the result is reported.
/// `JoinHandle::abort` only asks: an aborted task ends the next time the runtime runs it. A task
/// the call aborted is then gone, and only a task it left running counts as one.
async fn settled<F: Future>(call: F) -> F::Output {
    let output = call.await;
    tokio::task::yield_now().await;
    output
}

/// Runs the call inside `grader_kit::expecting_panics`; a panic that unwinds out of the call
/// itself (not one that stayed in a spawned task) is raised again outside that scope, so that the
/// run ends badly with its message.
async fn own_panic<F: Future>(call: &str, future: F) -> F::Output {
    match AssertUnwindSafe(grader_kit::expecting_panics(future))
        .catch_unwind()
        .await
    {
        Ok(output) => output,
        Err(payload) => {
            let message = payload
                .downcast_ref::<String>()
                .map(String::as_str)
                .or_else(|| payload.downcast_ref::<&str>().copied())
                .unwrap_or("a panic without a message");
            panic!("{call} panicked itself, not only the task it spawned: {message}");
        }
    }
}

grader_kit::harness! {
    exercise: join_handle,
    solution: join_handle_solution,
    scenarios: {
        "set-after" (delay_ms: u64, value: String) =>
            settled(subject::set_after(Duration::from_millis(delay_ms), value)).await,
        "hello-world" () => settled(subject::hello_world()).await,
        "finished" (delay_ms: u64, wait_ms: u64) =>
            settled(subject::finished_before_and_after(
                Duration::from_millis(delay_ms),
                Duration::from_millis(wait_ms),
            ))
            .await,
        "abort" (delay_ms: u64, wait_ms: u64) =>
            settled(subject::abort_after(
                Duration::from_millis(delay_ms),
                Duration::from_millis(wait_ms),
            ))
            .await,
        "exception" (delay_ms: u64, message: String) =>
            own_panic(
                "exception()",
                settled(subject::exception(Duration::from_millis(delay_ms), message)),
            )
            .await,
        "result-within" (delay_ms: u64, limit_ms: u64) =>
            settled(subject::result_within(
                Duration::from_millis(delay_ms),
                Duration::from_millis(limit_ms),
            ))
            .await,
    }
}
