//! Wrong: awaiting one after another takes 6 s.
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
    let a = factorial("A", 2).await;
    let b = factorial("B", 3).await;
    let c = factorial("C", 4).await;
    [a, b, c]
}
