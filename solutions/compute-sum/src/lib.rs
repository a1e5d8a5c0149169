//! Compute and print_sum, the reference solution: one coroutine awaiting another.
//!
//! Read this after your own version passes. The lesson's Python is the same two coroutines:
//! `print_sum` awaits `compute`, which awaits `asyncio.sleep`.
//!
//! # Layout
//!
//! - [`compute`]: prints, sleeps a second, returns `a + b`. A return value of an `async fn` is
//!   the output of its future: the caller gets it from `.await`.
//! - [`print_sum`]: awaits `compute` and prints what it returns. The awaits nest: `print_sum`
//!   waits on `compute`, `compute` waits on the timer. While the timer runs, both functions are
//!   suspended where they stand, and the runtime could run other tasks on the thread.

use std::time::Duration;

/// Prints `Compute {a} + {b} ...`, waits one second, and returns `a + b`.
pub async fn compute(a: i64, b: i64) -> i64 {
    println!("Compute {a} + {b} ...");
    tokio::time::sleep(Duration::from_secs(1)).await;
    a + b
}

/// Gets the sum from `compute(a, b)` and prints `{a} + {b} = {sum}`.
pub async fn print_sum(a: i64, b: i64) {
    // `compute(a, b)` alone would only build a future (its type is `impl Future<Output = i64>`,
    // not `i64`): nothing would be printed and no timer set. `.await` runs it, suspends
    // `print_sum` until it is done, and hands back its output, the sum.
    let sum = compute(a, b).await;
    println!("{a} + {b} = {sum}");
}
