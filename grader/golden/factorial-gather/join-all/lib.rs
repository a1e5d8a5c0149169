//! Correct: futures::future::join_all keeps the results in the order of its input.
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
    let tasks = vec![factorial("A", 2), factorial("B", 3), factorial("C", 4)];
    let results = futures::future::join_all(tasks).await;
    [results[0], results[1], results[2]]
}
