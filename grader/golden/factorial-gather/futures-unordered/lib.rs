//! Correct: FuturesUnordered, with each future tagged with its position.
use futures::StreamExt;
use futures::stream::FuturesUnordered;
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
    let mut pending: FuturesUnordered<_> = [("A", 2), ("B", 3), ("C", 4)]
        .into_iter()
        .enumerate()
        .map(|(index, (name, number))| async move { (index, factorial(name, number).await) })
        .collect();
    let mut results = [0; 3];
    while let Some((index, value)) = pending.next().await {
        results[index] = value;
    }
    results
}
