//! What the exercise gives: a deposit, the time a depositor spends at the counter, and the task
//! that `main.rs` runs the day's deposits in.

use std::time::Duration;

use tokio::task::JoinHandle;

/// How long a depositor stays at the counter: between reading the balance and writing it back.
/// The lesson's examples sleep one second; so does the bank's clerk.
pub const COUNTER: Duration = Duration::from_secs(1);

/// One deposit: who makes it, how much, and how long they walk to the bank first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Deposit {
    pub name: String,
    pub amount: u64,
    pub walk: Duration,
}

impl Deposit {
    /// `Deposit::new("Alice", 100, 1000)`: Alice walks one second, then deposits 100.
    pub fn new(name: &str, amount: u64, walk_ms: u64) -> Deposit {
        Deposit {
            name: name.to_string(),
            amount,
            walk: Duration::from_millis(walk_ms),
        }
    }
}

/// Runs [`deposit_all`](crate::deposit_all) as a task of its own, as a server runs each request:
/// `main.rs` awaits its handle.
///
/// `tokio::spawn` needs a future that is `Send`: on the multi-threaded runtime of
/// `#[tokio::main]`, a task may go on on another thread after any `.await`. So this is where the
/// compiler stops a `deposit_all` that holds a `std::sync::MutexGuard` across an `.await` (such a
/// guard is not `Send`): "future cannot be sent between threads safely".
pub fn spawn_deposit_all(deposits: Vec<Deposit>) -> JoinHandle<u64> {
    tokio::spawn(crate::deposit_all(deposits))
}
