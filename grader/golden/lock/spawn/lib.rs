//! Correct: tokio::spawn per deposit, an Arc<tokio::sync::Mutex>, the handles awaited in turn.
mod given;

use std::sync::Arc;

use tokio::sync::Mutex;

pub use given::{COUNTER, Deposit, spawn_deposit_all};

pub async fn deposit_all(deposits: Vec<Deposit>) -> u64 {
    let account = Arc::new(Mutex::new(0u64));
    let handles: Vec<_> = deposits
        .into_iter()
        .map(|deposit| {
            let account = Arc::clone(&account);
            tokio::spawn(async move {
                println!(
                    "Task {}: walks to the bank with {}",
                    deposit.name, deposit.amount
                );
                tokio::time::sleep(deposit.walk).await;
                println!("Task {}: waits for the lock", deposit.name);
                let mut balance = account.lock().await;
                println!("Task {}: enters, reads the balance", deposit.name);
                let read = *balance;
                tokio::time::sleep(COUNTER).await;
                *balance = read + deposit.amount;
                println!("Task {}: leaves, adds {}", deposit.name, deposit.amount);
            })
        })
        .collect();
    for handle in handles {
        handle.await.unwrap();
    }
    let balance = *account.lock().await;
    balance
}
