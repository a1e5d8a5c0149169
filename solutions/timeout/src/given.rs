//! Given: the lesson's `factorial`, as factorial-gather has it (nothing to change here).
//!
//! For each `i` in `2..=number` it prints `Task {name}: Compute factorial({i})...`, sleeps one
//! second and multiplies; then it prints `Task {name}: factorial({number}) = {f}` and returns
//! `f`. The factorial-gather exercise asked you to write it; here it is the slow work that a
//! timeout cuts short.

use std::time::Duration;

/// Computes `number!` slowly: one step per second, printing as it goes.
pub async fn factorial(name: &str, number: u64) -> u64 {
    let mut f = 1;
    for i in 2..=number {
        println!("Task {name}: Compute factorial({i})...");
        tokio::time::sleep(Duration::from_secs(1)).await;
        f *= i;
    }
    println!("Task {name}: factorial({number}) = {f}");
    f
}
