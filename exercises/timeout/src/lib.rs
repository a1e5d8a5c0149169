//! The timeout exercise: waiting at most so long.
//!
//! A future may take far longer than you are ready to wait: a server that never answers, or the
//! lesson's `eternity()`, which sleeps an hour. `tokio::time::timeout` waits for a future at most
//! so long, and when the limit comes first, the future is dropped: cancelled, never to finish.
//! Fill in the three functions below, then grade your work:
//!
//! ```console
//! $ cargo run -p grader -- timeout
//! ```
//!
//! Before you write `factorial_with_timeout`, write down in `prediction.txt` what you expect it
//! to print. `README.md` beside this file explains the exercise.

// `given.rs` holds the lesson's `factorial`, ready to use; nothing to change there.
mod given;

use std::time::Duration;

pub use given::factorial;

/// Sleeps one hour, then prints `yay!`.
pub async fn eternity() {
    // TODO: sleep 3600 seconds with `tokio::time::sleep(..).await` (never `std::thread::sleep`,
    //       which blocks the whole thread), then print `yay!` with `println!`.
    todo!("sleep an hour, then print yay!")
}

/// Waits for [`eternity`] at most `limit`.
///
/// When the limit comes first, it prints `timeout!` at `limit`, and `yay!` never comes. When
/// eternity is done first (a limit of more than an hour), eternity has printed `yay!` and nothing
/// else is printed.
pub async fn wait_for_eternity(limit: Duration) {
    // TODO: wait for `eternity()`, but at most `limit`: `tokio::time::timeout` is the lesson's
    //       `asyncio.wait_for`. It gives `Ok(..)` when the future was done in time, and
    //       `Err(..)` when the limit came first.
    // TODO: on `Err`, print `timeout!`. Print it because the limit really came, never after a
    //       sleep of your own: with a limit over an hour, eternity wins.
    // TODO: leave nothing running behind you. A future that `timeout` drops is cancelled; a
    //       task started with `tokio::spawn` goes on running unless you abort it.
    let _ = limit;
    todo!("wait for eternity at most `limit`")
}

/// Waits at most `limit` for `factorial(name, number)`.
///
/// If the factorial is done in time, returns `Some(number!)`. Otherwise prints `timeout!` at
/// `limit` and returns `None`: the factorial's steps after the limit never run.
pub async fn factorial_with_timeout(name: &str, number: u64, limit: Duration) -> Option<u64> {
    // TODO: the same as `wait_for_eternity`, around `factorial(name, number)`; this time, give
    //       back the result when it came in time.
    let _ = (name, number, limit);
    todo!("wait for factorial(name, number) at most `limit`")
}
