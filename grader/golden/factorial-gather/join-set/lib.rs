//! Correct: a JoinSet yields in completion order, so each task carries its index.
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
    let mut set = tokio::task::JoinSet::new();
    for (index, (name, number)) in [("A", 2), ("B", 3), ("C", 4)].into_iter().enumerate() {
        set.spawn(async move { (index, factorial(name, number).await) });
    }
    let mut results = [0; 3];
    while let Some(joined) = set.join_next().await {
        let (index, value) = joined.expect("a task panicked");
        results[index] = value;
    }
    results
}
