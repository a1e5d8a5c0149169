//! Wrong: the result line is never printed.
use std::time::Duration;

pub async fn factorial(name: &str, number: u64) -> u64 {
    let mut f = 1;
    for i in 2..=number {
        println!("Task {name}: Compute factorial({i})...");
        tokio::time::sleep(Duration::from_secs(1)).await;
        f *= i;
    }
    f
}

pub async fn gather() -> [u64; 3] {
    let (a, b, c) = tokio::join!(factorial("A", 2), factorial("B", 3), factorial("C", 4));
    [a, b, c]
}
