//! Wrong: panics in the middle of the work.
pub async fn factorial(name: &str, number: u64) -> u64 {
    println!("Task {name}: Compute factorial(2)...");
    let steps: Vec<u64> = (2..=number).collect();
    steps[10]
}

pub async fn gather() -> [u64; 3] {
    [factorial("A", 2).await, 0, 0]
}
