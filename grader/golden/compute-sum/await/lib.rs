use std::time::Duration;

use tokio::time::sleep;

pub async fn compute(a: i64, b: i64) -> i64 {
    println!("Compute {a} + {b} ...");
    sleep(Duration::from_secs(1)).await;
    a + b
}

pub async fn print_sum(a: i64, b: i64) {
    let result = compute(a, b).await;
    println!("{a} + {b} = {result}");
}
