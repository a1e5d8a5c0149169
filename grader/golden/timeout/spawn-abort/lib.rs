//! Correct: spawned tasks, a timeout on the handle, and `abort()` when the limit comes first.
mod given;

use std::time::Duration;

pub use given::factorial;

pub async fn eternity() {
    tokio::time::sleep(Duration::from_secs(3600)).await;
    println!("yay!");
}

pub async fn wait_for_eternity(limit: Duration) {
    let mut handle = tokio::spawn(eternity());
    if tokio::time::timeout(limit, &mut handle).await.is_err() {
        handle.abort();
        println!("timeout!");
    }
}

pub async fn factorial_with_timeout(name: &str, number: u64, limit: Duration) -> Option<u64> {
    let name = name.to_string();
    let mut handle = tokio::spawn(async move { factorial(&name, number).await });
    match tokio::time::timeout(limit, &mut handle).await {
        Ok(result) => Some(result.expect("the factorial task does not panic")),
        Err(_) => {
            handle.abort();
            println!("timeout!");
            None
        }
    }
}
