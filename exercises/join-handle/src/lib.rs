//! The join-handle exercise: a task of its own, and what its handle tells about it.
//!
//! `tokio::spawn(future)` hands a future to the runtime, which runs it as a task of its own, and
//! gives back a `JoinHandle`: the lesson's `asyncio.ensure_future` and its future. Through the
//! handle you can ask whether the task is finished, abort it, and await its end: its value, or a
//! `JoinError` that says it was cancelled or that it panicked. Fill in the functions below, then
//! grade your work:
//!
//! ```console
//! $ cargo run -p grader -- join-handle
//! ```
//!
//! `README.md` beside this file explains the exercise.

// `given.rs` holds `panic_after`, a task that fails on purpose; nothing to change there.
mod given;

use std::time::Duration;

pub use given::panic_after;

/// Sleeps `delay`, then returns `value`.
pub async fn set_after(delay: Duration, value: String) -> String {
    // TODO: sleep `delay` with `tokio::time::sleep(..).await`, then return `value`.
    let _ = (delay, value);
    todo!("sleep `delay`, then return `value`")
}

/// Spawns `set_after(1 s, "... world")`, prints `hello ...`, then waits for the task and prints
/// its result: `hello ...` at once, `... world` one second later.
pub async fn hello_world() {
    // TODO: start the task with `tokio::spawn(..)`; keep the `JoinHandle` it returns.
    // TODO: print `hello ...` before you wait for anything.
    // TODO: then `.await` the handle: it gives `Ok(value)` when the task is done; print the value.
    todo!("spawn set_after, print hello ..., then print the task's result")
}

/// Spawns `set_after(delay, "... world")` and returns whether it was finished right away, and
/// after sleeping `wait`. Then it waits for the task, so that nothing is left running: it returns
/// when both `wait` and `delay` have passed.
pub async fn finished_before_and_after(delay: Duration, wait: Duration) -> (bool, bool) {
    // TODO: spawn the task, and ask its handle `is_finished()` at once.
    // TODO: sleep `wait` (asynchronously: the task can only run while this one waits), and ask
    //       again.
    // TODO: await the handle before you return both answers.
    let _ = (delay, wait);
    todo!("is_finished() right away, and after `wait`")
}

/// Spawns `set_after(delay, "... world")`, aborts it after `wait`, then awaits its handle: returns
/// whether the task was cancelled. A task that was done before the abort is not cancelled: it
/// returns `false`, at `wait`.
pub async fn abort_after(delay: Duration, wait: Duration) -> bool {
    // TODO: spawn the task, sleep `wait`, then `abort()` it through its handle.
    // TODO: await the handle: `Ok(..)` if the task had finished first, `Err(error)` otherwise;
    //       `error.is_cancelled()` says whether the abort is what ended it.
    let _ = (delay, wait);
    todo!("abort the task after `wait`; was it cancelled?")
}

/// Spawns `panic_after(delay, message)` and waits for it: returns the message the task panicked
/// with, or `None` if it did not panic.
pub async fn exception(delay: Duration, message: String) -> Option<String> {
    // TODO: spawn `panic_after(delay, message)` and await its handle. A panic in a spawned task
    //       ends that task only: you get `Err(error)`, with `error.is_panic()`. Never `unwrap()`
    //       it, which would panic again, here.
    // TODO: `error.into_panic()` gives what `panic!` was given, as a `Box<dyn Any + Send>`;
    //       `panic_after` panics with a `String`: `.downcast::<String>()` gets it back.
    let _ = (delay, message);
    todo!("the message the task panicked with")
}

/// Spawns `set_after(delay, "... world")` and waits for it at most `limit`: its value, if it is
/// done in time; otherwise it aborts the task, prints `timeout!` (at `limit`) and returns `None`.
pub async fn result_within(delay: Duration, limit: Duration) -> Option<String> {
    // TODO: `tokio::time::timeout(limit, &mut handle)` waits for the task at most `limit`, and
    //       leaves you the handle (`&mut`) when the limit comes first.
    // TODO: when it does, abort the task: giving up on a handle does not stop its task.
    let _ = (delay, limit);
    todo!("the task's value within `limit`, or timeout!")
}
