//! Runs the reference solution for real: three deposits, about four seconds of wall-clock time.

use std::time::Instant;

use lock_solution::{Deposit, spawn_deposit_all};

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
