//! Compute and print_sum: a coroutine that awaits another.
//!
//! `print_sum` needs a sum that `compute` takes a second to produce. It awaits `compute`, which
//! awaits its sleep: while the timer runs, both are suspended, and the thread is free. Fill in
//! the two functions below, then grade your work:
//!
//! ```console
//! $ cargo run -p grader -- compute-sum
//! ```
//!
//! `README.md` beside this file explains the exercise, and draws who waits for whom.

// `tokio` is this crate's dependency: everything you need is in it and in `std`. Add the `use`
// lines you need here (for example `use std::time::Duration;`).

/// Prints `Compute {a} + {b} ...`, waits one second, and returns `a + b`.
///
/// For example `compute(1, 2)` prints `Compute 1 + 2 ...` at once and returns 3 a second later.
pub async fn compute(a: i64, b: i64) -> i64 {
    // TODO: print the "Compute" line with `println!`.
    // TODO: wait one second without blocking the thread.
    // TODO: return the sum: the function's last expression, with no `;` after it.
    todo!("compute {a} + {b}")
}

/// Gets the sum from `compute(a, b)` and prints `{a} + {b} = {sum}`.
///
/// For example `print_sum(1, 2)` prints `Compute 1 + 2 ...` (that is `compute`'s line), then,
/// one second later, `1 + 2 = 3`.
pub async fn print_sum(a: i64, b: i64) {
    // TODO: call `compute(a, b)`. What the call gives back is a future, not a number yet: how
    //       do you wait for it and get its `i64`?
    // TODO: print the line with `println!`, once you have the sum.
    todo!("print {a} + {b} = the sum that compute returns")
}
