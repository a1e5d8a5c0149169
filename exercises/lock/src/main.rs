//! Runs your `deposit_all` for real, in real seconds: `cargo run -p lock`.
//!
//! Nothing to change here; the exercise is in `lib.rs`. Grade it with
//! `cargo run -p grader -- lock`. Three deposits: with the lock where it belongs, it takes about
//! four seconds and the balance is what was deposited.

use std::time::Instant;

use lock::{Deposit, spawn_deposit_all};

#[tokio::main]
async fn main() {
    let deposits = vec![
        Deposit::new("Alice", 100, 1000),
        Deposit::new("Bob", 50, 1500),
        Deposit::new("Carol", 20, 1750),
    ];
    let deposited: u64 = deposits.iter().map(|deposit| deposit.amount).sum();
    let started = Instant::now();
    let balance = spawn_deposit_all(deposits)
        .await
        .expect("the deposits' task panicked");
    println!("Balance: {balance} (deposited: {deposited})");
    println!("Took {:.1} s", started.elapsed().as_secs_f64());
}
