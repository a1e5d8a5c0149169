//! Correct: deadlines computed from std::time::Instant land a few real milliseconds off.
use std::time::{Duration, Instant};

pub async fn factorial(name: &str, number: u64) -> u64 {
    let start = Instant::now();
    let mut f = 1;
    for i in 2..=number {
        println!("Task {name}: Compute factorial({i})...");
        let deadline = start + Duration::from_secs(i - 1);
        tokio::time::sleep_until(deadline.into()).await;
        f *= i;
    }
    println!("Task {name}: factorial({number}) = {f}");
    f
}

pub async fn gather() -> [u64; 3] {
    let (a, b, c) = tokio::join!(factorial("A", 2), factorial("B", 3), factorial("C", 4));
    [a, b, c]
}
