//! Wrong: the balance is read under one lock and written under another; nobody holds it across
//! the second at the counter, so two depositors read the same balance (a lost update).
mod given;

use std::sync::Arc;

use tokio::sync::Mutex;
use tokio::task::JoinSet;

pub use given::{COUNTER, Deposit, spawn_deposit_all};

pub async fn deposit_all(deposits: Vec<Deposit>) -> u64 {
    let account = Arc::new(Mutex::new(0u64));
    let mut tasks = JoinSet::new();
    for deposit in deposits {
        let account = Arc::clone(&account);
        tasks.spawn(async move {
            let Deposit { name, amount, walk } = deposit;
            println!("Task {name}: walks to the bank with {amount}");
            tokio::time::sleep(walk).await;
            println!("Task {name}: waits for the lock");
            let read = *account.lock().await;
            println!("Task {name}: enters, reads the balance");
            tokio::time::sleep(COUNTER).await;
            *account.lock().await = read + amount;
            println!("Task {name}: leaves, adds {amount}");
        });
    }
    tasks.join_all().await;
    *account.lock().await
}
