//! Correct: tokio::spawn, then await the handles in order.
use std::time::Duration;

pub async fn factorial(name: &str, number: u64) -> u64 {
    let mut f = 1;
    for i in 2..=number {
        println!("Task {name}: Compute factorial({i})...");
        tokio::time::sleep(Duration::from_secs(1)).await;
        f *= i;
    }
    println!("Task {name}: factorial({number}) = {f}");
    f
}

pub async fn gather() -> [u64; 3] {
    let a = tokio::spawn(factorial("A", 2));
    let b = tokio::spawn(factorial("B", 3));
    let c = tokio::spawn(factorial("C", 4));
    [a.await.unwrap(), b.await.unwrap(), c.await.unwrap()]
}
