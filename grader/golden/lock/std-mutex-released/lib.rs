//! Wrong: a std::sync::Mutex, its guard dropped before the .await so that it compiles: the read
//! and the write are no longer one critical section, and a deposit is lost.
mod given;

use std::sync::{Arc, Mutex};

pub use given::{COUNTER, Deposit, spawn_deposit_all};

pub async fn deposit_all(deposits: Vec<Deposit>) -> u64 {
    let account = Arc::new(Mutex::new(0u64));
    let mut handles = Vec::new();
    for deposit in deposits {
        let account = Arc::clone(&account);
        handles.push(tokio::spawn(async move {
            println!(
                "Task {}: walks to the bank with {}",
                deposit.name, deposit.amount
            );
            tokio::time::sleep(deposit.walk).await;
            println!("Task {}: waits for the lock", deposit.name);
            let read = {
                let balance = account.lock().unwrap();
                println!("Task {}: enters, reads the balance", deposit.name);
                *balance
            };
            tokio::time::sleep(COUNTER).await;
            *account.lock().unwrap() = read + deposit.amount;
            println!("Task {}: leaves, adds {}", deposit.name, deposit.amount);
        }));
    }
    for handle in handles {
        handle.await.unwrap();
    }
    *account.lock().unwrap()
}
