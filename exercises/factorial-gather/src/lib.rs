//! Factorial gather: three tasks, three seconds.
//!
//! Three tasks compute factorials slowly, one step per second. Run one after another they take
//! six seconds; run concurrently, three. Fill in the two functions below, then grade your work:
//!
//! ```console
//! $ cargo run -p grader -- factorial-gather
//! ```
//!
//! Before you write any code, write down in `prediction.txt` what you expect the program to
//! print, and in which order. `README.md` beside this file explains the exercise.

// `tokio` and `futures` are this crate's dependencies: everything you need is in them and in
// `std`. Add the `use` lines you need here (for example `use std::time::Duration;`).

/// Computes `number!` slowly: one step per second, printing as it goes.
///
/// For each `i` in `2..=number` it prints `Task {name}: Compute factorial({i})...`, sleeps one
/// second and multiplies; then it prints `Task {name}: factorial({number}) = {f}` and returns `f`.
///
/// For example `factorial("A", 2)` prints `Task A: Compute factorial(2)...`, waits a second,
/// prints `Task A: factorial(2) = 2` and returns 2.
pub async fn factorial(name: &str, number: u64) -> u64 {
    // TODO: start with `let mut f = 1;` and loop over `2..=number`.
    // TODO: in the loop, print the "Compute" line with `println!`, then wait one second.
    //       Wait with `tokio::time::sleep(Duration::from_secs(1)).await`, never with
    //       `std::thread::sleep`: that one blocks the thread, and every other task with it.
    // TODO: after the loop, print the result line and return `f`.
    todo!("compute factorial({number}) for task {name}")
}

/// Runs `factorial("A", 2)`, `factorial("B", 3)` and `factorial("C", 4)` concurrently and returns
/// their results in that order: `[2, 6, 24]`.
///
/// It should take three seconds in all, not six.
pub async fn gather() -> [u64; 3] {
    // TODO: calling `factorial("A", 2)` only creates a future; nothing runs until it is awaited.
    //       Awaiting the three one after another would take 1 + 2 + 3 = 6 seconds.
    // TODO: drive the three futures at the same time instead, so their sleeps overlap:
    //       `tokio::join!` is the closest thing to Python's `asyncio.gather`.
    // TODO: return the three results in the order A, B, C.
    todo!("run the three factorial tasks concurrently")
}
