//! Correct: `tokio::select!` races each future against a sleep of `limit`.
mod given;

use std::time::Duration;

pub use given::factorial;

pub async fn eternity() {
    tokio::time::sleep(Duration::from_secs(3600)).await;
    println!("yay!");
}

pub async fn wait_for_eternity(limit: Duration) {
    tokio::select! {
        () = eternity() => {}
        () = tokio::time::sleep(limit) => println!("timeout!"),
    }
}

pub async fn factorial_with_timeout(name: &str, number: u64, limit: Duration) -> Option<u64> {
    tokio::select! {
        f = factorial(name, number) => Some(f),
        () = tokio::time::sleep(limit) => {
            println!("timeout!");
            None
        }
    }
}
