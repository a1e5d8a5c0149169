//! The lock, the reference solution: deposits into one shared account, each one's read and write
//! kept together by a `tokio::sync::Mutex`.
//!
//! Read this after your own version passes. The lesson's Python guards shared state with
//! `async with lock:`; here the lock is a `tokio::sync::Mutex` around the balance, and the
//! `async with` block is the life of its guard: the lock is held from `lock().await` until the
//! guard is dropped.
//!
//! # Layout
//!
//! - `given.rs`: what the exercise gives: [`Deposit`], [`COUNTER`] (the second at the counter)
//!   and [`spawn_deposit_all`] (the task `main.rs` runs).
//! - `make_deposit`: one depositor. It walks to the bank, a wait that needs no lock, so that everyone
//!   walks at the same time; then it takes the lock for the read, the second at the counter and
//!   the write. That is its *critical section*: no other depositor may be inside meanwhile, or
//!   two of them would read the same balance and one deposit would be lost.
//! - [`deposit_all`]: one task per deposit, all at once, sharing the account through an `Arc`.

mod given;

use std::sync::Arc;

use tokio::sync::Mutex;
use tokio::task::JoinSet;

pub use given::{COUNTER, Deposit, spawn_deposit_all};

/// Runs every deposit at once, into one account that starts at 0, and returns the final balance:
/// the sum of the amounts, since no deposit is lost.
///
/// Each depositor prints `Task {name}: walks to the bank with {amount}` and walks for its
/// `walk`; prints `Task {name}: waits for the lock` and takes the account's lock; prints
/// `Task {name}: enters, reads the balance`, reads it, stays [`COUNTER`] (one second) at the
/// counter, writes the balance plus its amount back, prints `Task {name}: leaves, adds {amount}`
/// and lets the lock go.
pub async fn deposit_all(deposits: Vec<Deposit>) -> u64 {
    // `tokio::spawn` wants a future that owns what it uses (`'static`): each task gets its own
    // `Arc`, a shared handle to the one account.
    let account = Arc::new(Mutex::new(0));
    let mut tasks = JoinSet::new();
    for deposit in deposits {
        let account = Arc::clone(&account);
        tasks.spawn(async move { make_deposit(&account, &deposit).await });
    }
    // Every deposit is done once every task is: only then is the balance final.
    tasks.join_all().await;
    *account.lock().await
}

/// One depositor: walks to the bank, then reads, waits and writes the balance under the lock.
async fn make_deposit(account: &Mutex<u64>, deposit: &Deposit) {
    let Deposit { name, amount, walk } = deposit;
    println!("Task {name}: walks to the bank with {amount}");
    // No lock yet: while this depositor walks, the others walk too, or stand at the counter.
    // Taking the lock before walking would make everyone walk in turn.
    tokio::time::sleep(*walk).await;

    println!("Task {name}: waits for the lock");
    {
        // `async with lock:`. `lock().await` waits without blocking the thread: while the lock
        // is taken, this task is parked and the others run. tokio's `Mutex` is fair, so
        // depositors go in the order they came.
        let mut balance = account.lock().await;
        println!("Task {name}: enters, reads the balance");
        let read = *balance;
        // The guard is held across this `.await`, which is what `tokio::sync::Mutex` is for. A
        // `std::sync::MutexGuard` could not be: it is not `Send`, so `tokio::spawn` would refuse
        // the future; and a second task locking it on the same thread would block that thread
        // for good.
        tokio::time::sleep(COUNTER).await;
        *balance = read + amount;
        println!("Task {name}: leaves, adds {amount}");
    } // The guard is dropped here, and the lock goes to the next depositor in the queue.
}
