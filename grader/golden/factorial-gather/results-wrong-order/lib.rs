//! Wrong: the results come back in the order C, B, A.
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
    let (c, b, a) = tokio::join!(factorial("C", 4), factorial("B", 3), factorial("A", 2));
    [c, b, a]
}
