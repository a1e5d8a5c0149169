//! The join-handle exercise, the reference solution: a task started with `tokio::spawn`, and
//! everything its `JoinHandle` tells about it.
//!
//! Read this after your own version passes. The lesson's Python starts a task with
//! `asyncio.ensure_future(coroutine)` and gets a future back: it can ask whether it is `done()`,
//! `cancel()` it, and read its `result()` or its `exception()`. `tokio::spawn(future)` gives a
//! `JoinHandle`, which does the same:
//!
//! | Python                       | tokio                                                 |
//! |------------------------------|-------------------------------------------------------|
//! | `asyncio.ensure_future(c)`   | `tokio::spawn(f)`, a `JoinHandle<T>`                   |
//! | `fut.done()`                 | `handle.is_finished()`                                 |
//! | `await fut`, `fut.result()`  | `handle.await`: `Ok(value)`                            |
//! | `fut.cancel()`               | `handle.abort()`                                       |
//! | `fut.cancelled()`            | `handle.await`: `Err(e)` with `e.is_cancelled()`       |
//! | `fut.exception()`            | `handle.await`: `Err(e)` with `e.is_panic()`           |
//! | `wait_for(fut, timeout)`     | `tokio::time::timeout(limit, &mut handle)`             |
//!
//! # Layout
//!
//! - [`set_after`]: the lesson's coroutine, a value after a delay.
//! - [`hello_world`]: the lesson's `main`. The task starts at `spawn`, runs while `hello ...` is
//!   printed, and the handle is awaited for its result.
//! - [`finished_before_and_after`]: `is_finished()` while the task sleeps, and once it is done.
//!   It finishes while nobody awaits it: the runtime runs a spawned task on its own.
//! - [`abort_after`]: `abort()`, and the `JoinError` that says the task was cancelled.
//! - [`exception`]: a task that panics. The panic stays in the task; the handle hands it back
//!   as a `JoinError` for which `is_panic()` is true, with the panic's payload.
//! - [`result_within`]: a timeout on a handle. Giving up on a handle does not stop its task:
//!   abort it too.

mod given;

use std::time::Duration;

pub use given::panic_after;

/// What the lesson's `main` waits for.
const WORLD: &str = "... world";

/// Sleeps `delay`, then returns `value`.
pub async fn set_after(delay: Duration, value: String) -> String {
    tokio::time::sleep(delay).await;
    value
}

/// Spawns `set_after(1 s, "... world")`, prints `hello ...`, then waits for the task and prints
/// its result: `hello ...` at once, `... world` one second later.
pub async fn hello_world() {
    // `spawn` hands the future to the runtime, which starts running it on its own (here, as soon
    // as this task next waits). Nothing is awaited yet, so `hello ...` comes at once.
    let handle = tokio::spawn(set_after(Duration::from_secs(1), WORLD.to_string()));
    println!("hello ...");
    // Awaiting the handle waits for the task's end: `Ok(value)`, or a `JoinError` if it panicked
    // or was aborted (neither can happen to this one).
    match handle.await {
        Ok(value) => println!("{value}"),
        Err(error) => println!("the task failed: {error}"),
    }
}

/// Spawns `set_after(delay, "... world")` and returns whether it was finished right away, and
/// after sleeping `wait`. Then it waits for the task, so that nothing is left running: it returns
/// when both `wait` and `delay` have passed.
pub async fn finished_before_and_after(delay: Duration, wait: Duration) -> (bool, bool) {
    let handle = tokio::spawn(set_after(delay, WORLD.to_string()));
    // Just spawned: the task has not even started (Python's `done()` is `False`).
    let before = handle.is_finished();
    // While this task sleeps, the runtime runs the spawned one: nobody has to await it for it
    // to make progress. A `std::thread::sleep` here would stop both.
    tokio::time::sleep(wait).await;
    let after = handle.is_finished();
    // The value is not needed, but the task must not outlive this call.
    let _ = handle.await;
    (before, after)
}

/// Spawns `set_after(delay, "... world")`, aborts it after `wait`, then awaits its handle: returns
/// whether the task was cancelled. A task that was done before the abort is not cancelled: it
/// returns `false`, at `wait`.
pub async fn abort_after(delay: Duration, wait: Duration) -> bool {
    let handle = tokio::spawn(set_after(delay, WORLD.to_string()));
    tokio::time::sleep(wait).await;
    // `abort` asks the runtime to drop the task's future the next time it would run it, which
    // cancels it; the handle then gives `Err(e)` with `e.is_cancelled()`. On a finished task it
    // does nothing.
    handle.abort();
    match handle.await {
        Ok(_value) => false,
        Err(error) => error.is_cancelled(),
    }
}

/// Spawns `panic_after(delay, message)` and waits for it: returns the message the task panicked
/// with, or `None` if it did not panic.
pub async fn exception(delay: Duration, message: String) -> Option<String> {
    let handle = tokio::spawn(panic_after(delay, message));
    match handle.await {
        // A panic in a spawned task ends that task only. Its payload (what `panic!` was given)
        // comes back as a `Box<dyn Any + Send>`: a `String` for a formatted message, a `&str` for
        // a literal one.
        Err(error) if error.is_panic() => {
            let payload = error.into_panic();
            match payload.downcast::<String>() {
                Ok(text) => Some(*text),
                Err(payload) => payload.downcast_ref::<&str>().map(|text| text.to_string()),
            }
        }
        Ok(_) | Err(_) => None,
    }
}

/// Spawns `set_after(delay, "... world")` and waits for it at most `limit`: its value, if it is
/// done in time; otherwise it aborts the task, prints `timeout!` (at `limit`) and returns `None`.
pub async fn result_within(delay: Duration, limit: Duration) -> Option<String> {
    let mut handle = tokio::spawn(set_after(delay, WORLD.to_string()));
    // `&mut handle`: `timeout` takes the future it polls, and we want the handle back when the
    // limit comes first. Dropping a `JoinHandle` only detaches its task, which runs on.
    match tokio::time::timeout(limit, &mut handle).await {
        Ok(Ok(value)) => Some(value),
        Ok(Err(_join_error)) => None,
        Err(_elapsed) => {
            handle.abort();
            println!("timeout!");
            None
        }
    }
}
