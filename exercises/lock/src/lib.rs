//! Exercise: the lock.
//!
//! Several depositors pay into one bank account at once. Each one reads the balance, spends a
//! second at the counter, and writes the balance plus its amount back. If two of them are at the
//! counter together, both read the same balance and one deposit is lost. Put a lock around the
//! read and the write, and around nothing else, so that no deposit is lost and the walks to the
//! bank still overlap. Fill in `deposit_all` below, then grade your work:
//!
//! ```console
//! $ cargo run -p grader -- lock
//! ```
//!
//! `given.rs` holds what is given: [`Deposit`], [`COUNTER`] (the second at the counter) and
//! [`spawn_deposit_all`] (the task `main.rs` runs). `README.md` beside this file explains the
//! exercise.

mod given;

pub use given::{COUNTER, Deposit, spawn_deposit_all};

// `tokio` and `futures` are this crate's dependencies: everything you need is in them and in
// `std`. Add the `use` lines you need here (for example `use tokio::sync::Mutex;`).

/// Runs every deposit at once, into one account that starts at 0, and returns the final balance:
/// the sum of the amounts, since no deposit is lost.
///
/// Each depositor prints `Task {name}: walks to the bank with {amount}` and walks for its
/// `walk`; prints `Task {name}: waits for the lock` and takes the account's lock; prints
/// `Task {name}: enters, reads the balance`, reads it, stays [`COUNTER`] (one second) at the
/// counter, writes the balance plus its amount back, prints `Task {name}: leaves, adds {amount}`
/// and lets the lock go.
///
/// For example, with Alice (100, walks 1 s) and Bob (50, walks 1.5 s): Alice enters at 1 s; Bob
/// arrives at 1.5 s and waits; Alice leaves at 2 s and Bob enters; Bob leaves at 3 s, and the
/// call returns 150.
pub async fn deposit_all(deposits: Vec<Deposit>) -> u64 {
    // TODO: make the account: a balance of 0 behind a `tokio::sync::Mutex`. Tasks you spawn share
    //       it through an `Arc` (each gets its own clone); futures you drive together in this
    //       task (`futures::future::join_all`) can share a plain `&` reference.
    // TODO: write one depositor as an `async fn` of its own: print, walk
    //       (`tokio::time::sleep(deposit.walk).await`), print, take the lock, print, read, sleep
    //       `COUNTER`, write, print. Where the lock is taken and where its guard is dropped decides
    //       everything: hold it from the read to the write, and not while walking.
    // TODO: start every depositor at once (`tokio::spawn`, a `tokio::task::JoinSet`, or
    //       `join_all`), wait for all of them, then return the balance.
    todo!("{} deposits into one account", deposits.len())
}
