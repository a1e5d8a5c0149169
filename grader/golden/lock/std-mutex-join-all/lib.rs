//! Wrong: join_all over depositors sharing a std::sync::Mutex, its guard held across the .await.
//! No spawn of its own, but `spawn_deposit_all` in given.rs spawns `deposit_all`: no compile.
mod given;

use std::sync::Mutex;

pub use given::{COUNTER, Deposit, spawn_deposit_all};

async fn deposit(account: &Mutex<u64>, d: &Deposit) {
    println!("Task {}: walks to the bank with {}", d.name, d.amount);
    tokio::time::sleep(d.walk).await;
    println!("Task {}: waits for the lock", d.name);
    let mut balance = account.lock().unwrap();
    println!("Task {}: enters, reads the balance", d.name);
    let read = *balance;
    tokio::time::sleep(COUNTER).await;
    *balance = read + d.amount;
    println!("Task {}: leaves, adds {}", d.name, d.amount);
}

pub async fn deposit_all(deposits: Vec<Deposit>) -> u64 {
    let account = Mutex::new(0);
    futures::future::join_all(deposits.iter().map(|d| deposit(&account, d))).await;
    account.into_inner().unwrap()
}
