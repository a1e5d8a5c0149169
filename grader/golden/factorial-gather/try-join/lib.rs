//! Correct: tokio::try_join! over fallible wrappers.
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

async fn checked(name: &str, number: u64) -> Result<u64, String> {
    Ok(factorial(name, number).await)
}

pub async fn gather() -> [u64; 3] {
    let (a, b, c) =
        tokio::try_join!(checked("A", 2), checked("B", 3), checked("C", 4)).expect("no errors");
    [a, b, c]
}
