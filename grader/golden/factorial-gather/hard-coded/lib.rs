//! Wrong: the output of the lesson's program is written out by hand.
use std::time::Duration;

pub async fn factorial(_name: &str, _number: u64) -> u64 {
    println!("Task A: Compute factorial(2)...");
    tokio::time::sleep(Duration::from_secs(1)).await;
    println!("Task A: factorial(2) = 2");
    2
}

pub async fn gather() -> [u64; 3] {
    let second = Duration::from_secs(1);
    println!("Task A: Compute factorial(2)...");
    println!("Task B: Compute factorial(2)...");
    println!("Task C: Compute factorial(2)...");
    tokio::time::sleep(second).await;
    println!("Task A: factorial(2) = 2");
    println!("Task B: Compute factorial(3)...");
    println!("Task C: Compute factorial(3)...");
    tokio::time::sleep(second).await;
    println!("Task B: factorial(3) = 6");
    println!("Task C: Compute factorial(4)...");
    tokio::time::sleep(second).await;
    println!("Task C: factorial(4) = 24");
    [2, 6, 24]
}
