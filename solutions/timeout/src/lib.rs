//! The timeout exercise, the reference solution: waiting at most so long, and what happens to
//! the work that was cut short.
//!
//! Read this after your own version passes. The lesson's Python calls
//! `asyncio.wait_for(eternity(), timeout=1.0)` and catches `asyncio.TimeoutError`; here the same
//! idea is `tokio::time::timeout(limit, future).await`, which gives `Err(Elapsed)` when the limit
//! comes first.
//!
//! # Layout
//!
//! - [`eternity`]: a future that takes an hour. It only prints `yay!` if something waits for it
//!   that long.
//! - [`wait_for_eternity`]: the lesson's `main`: waits for `eternity()` at most `limit`. When the
//!   limit comes first, `timeout` *drops* the future, and dropping a future is how it is
//!   cancelled in Rust: it is never polled again, so `yay!` never comes.
//! - [`factorial_with_timeout`]: the same around the lesson's [`factorial`] (in `given.rs`):
//!   the steps before the limit are printed, the ones after it never run.

mod given;

use std::time::Duration;

pub use given::factorial;

/// Sleeps one hour, then prints `yay!`.
pub async fn eternity() {
    // An hour of tokio's time. On the grader's paused clock it passes at once whenever nothing
    // else is left to do; for real, it is an hour.
    tokio::time::sleep(Duration::from_secs(3600)).await;
    println!("yay!");
}

/// Waits for [`eternity`] at most `limit`. When the limit comes first it prints `timeout!` (at
/// `limit`); when eternity is done first (a limit over an hour), eternity has printed `yay!`.
pub async fn wait_for_eternity(limit: Duration) {
    // `timeout` polls `eternity()` itself, inside this task, together with a timer. Whichever
    // is ready first wins. On `Err(Elapsed)`, the future has already been dropped: nothing of
    // it is left running (a `tokio::spawn`ed task would be, unless aborted).
    match tokio::time::timeout(limit, eternity()).await {
        Ok(()) => {}
        Err(_elapsed) => println!("timeout!"),
    }
}

/// Waits at most `limit` for `factorial(name, number)`: its result, if it is done in time;
/// otherwise it prints `timeout!` (at `limit`) and returns `None`.
///
/// `factorial_with_timeout("C", 4, Duration::from_millis(2500))` prints C's lines of the first
/// 2.5 s, then `timeout!`: the step that would end at 3 s never ends.
pub async fn factorial_with_timeout(name: &str, number: u64, limit: Duration) -> Option<u64> {
    // The `Err` arm is the lesson's `except asyncio.TimeoutError:`. By the time it runs, the
    // factorial's future is gone, in the middle of its sleep: its last step never ends.
    match tokio::time::timeout(limit, factorial(name, number)).await {
        Ok(f) => Some(f),
        Err(_elapsed) => {
            println!("timeout!");
            None
        }
    }
}
