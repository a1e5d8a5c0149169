//! Correct: futures::future::join_all over depositors sharing a &tokio::sync::Mutex, in one task.
mod given;

use tokio::sync::Mutex;

pub use given::{COUNTER, Deposit, spawn_deposit_all};

async fn deposit(account: &Mutex<u64>, name: &str, amount: u64, walk: std::time::Duration) {
    println!("Task {name}: walks to the bank with {amount}");
    tokio::time::sleep(walk).await;
    println!("Task {name}: waits for the lock");
    let mut balance = account.lock().await;
    println!("Task {name}: enters, reads the balance");
    let read = *balance;
    tokio::time::sleep(COUNTER).await;
    *balance = read + amount;
    println!("Task {name}: leaves, adds {amount}");
}

pub async fn deposit_all(deposits: Vec<Deposit>) -> u64 {
    let account = Mutex::new(0);
    futures::future::join_all(
        deposits
            .iter()
            .map(|d| deposit(&account, &d.name, d.amount, d.walk)),
    )
    .await;
    account.into_inner()
}
