//! Say after, the reference solution: the same two calls, awaited one after another and then
//! together.
//!
//! Read this after your own version passes. The lesson's Python awaits `say_after` twice in a
//! row, then hands both calls to `asyncio.gather`; here the second is `tokio::join!`.
//!
//! # Layout
//!
//! - [`say_after`]: one future that sleeps, then prints. Its `.await` on the sleep is where it
//!   lets go of the thread.
//! - [`one_after_another`]: two `.await`s in a row. The second call is not even *made* before
//!   the first has finished, so the delays add up: 1 + 2 = 3 s.
//! - [`together`]: both futures driven at once by `join!`. Their sleeps overlap, so the total is
//!   the longest delay, 2 s, not the sum.

use std::time::Duration;

/// Waits `delay`, then prints `what`: the lesson's `say_after`.
pub async fn say_after(delay: Duration, what: &str) {
    // While this sleeps, the runtime is free to poll any other future: in `together`, the other
    // `say_after`.
    tokio::time::sleep(delay).await;
    println!("{what}");
}

/// Says `hello` after one second, then `world` after two more: `hello` at 1 s, `world` at 3 s.
pub async fn one_after_another() {
    // Each `.await` finishes its future before the next line runs: `world`'s two seconds start
    // only once `hello` has been printed.
    say_after(Duration::from_secs(1), "hello").await;
    say_after(Duration::from_secs(2), "world").await;
}

/// Says `hello` after one second and `world` after two, both counted from the start: `hello` at
/// 1 s, `world` at 2 s.
pub async fn together() {
    // `join!` polls both futures on this task, in turn, until both are done: when one waits for
    // its timer, the other gets its chance. Python's `asyncio.gather` does the same. Spawning
    // each call with `tokio::spawn` and awaiting both handles would work too, as separate tasks.
    tokio::join!(
        say_after(Duration::from_secs(1), "hello"),
        say_after(Duration::from_secs(2), "world"),
    );
}
