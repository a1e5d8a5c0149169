//! Factorial gather, the reference solution: three factorial tasks that take turns on one thread.
//!
//! Read this after your own version passes. The lesson's Python runs the tasks with
//! `asyncio.gather`; here the same idea is `tokio::join!`.
//!
//! # Layout
//!
//! - [`factorial`]: one task. Each step prints, then *waits* one second with
//!   `tokio::time::sleep(..).await`. The `.await` is where the task hands the thread back to the
//!   runtime, so that the other tasks can make progress while this one sleeps.
//! - [`gather`]: starts the three tasks together and waits for all of them. The total time is
//!   that of the longest task (3 s), not the sum (1 + 2 + 3 = 6 s), because the sleeps overlap.

use std::time::Duration;

/// Computes `number!` slowly: one step per second, printing as it goes.
///
/// For each `i` in `2..=number` it prints `Task {name}: Compute factorial({i})...`, sleeps one
/// second and multiplies; then it prints `Task {name}: factorial({number}) = {f}` and returns `f`.
pub async fn factorial(name: &str, number: u64) -> u64 {
    let mut f = 1;
    for i in 2..=number {
        println!("Task {name}: Compute factorial({i})...");
        // `tokio::time::sleep` returns a future: nothing waits until it is awaited. While this
        // task waits, the runtime polls the others. `std::thread::sleep` would instead block
        // the whole thread, and every other task with it.
        tokio::time::sleep(Duration::from_secs(1)).await;
        f *= i;
    }
    println!("Task {name}: factorial({number}) = {f}");
    f
}

/// Runs `factorial("A", 2)`, `factorial("B", 3)` and `factorial("C", 4)` concurrently and returns
/// their results in that order: `[2, 6, 24]`.
pub async fn gather() -> [u64; 3] {
    // `join!` polls the three futures in turn on this task until all of them are done, and
    // hands back their outputs in the order they were written, whatever order they finished in.
    // Calling `factorial(..)` alone only *creates* a future; `join!` is what drives them.
    let (a, b, c) = tokio::join!(factorial("A", 2), factorial("B", 3), factorial("C", 4));
    [a, b, c]
}
