use std::time::Duration;

pub async fn compute(a: i64, b: i64) -> i64 {
    todo!("compute {a} + {b}")
}

pub async fn print_sum(a: i64, b: i64) {
    println!("Compute {a} + {b} ...");
    tokio::time::sleep(Duration::from_secs(1)).await;
    println!("{a} + {b} = {}", a + b);
}
