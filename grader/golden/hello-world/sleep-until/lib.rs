use std::time::Duration;
use tokio::time::{Instant, sleep_until};

pub async fn hello_world() {
    let deadline = Instant::now() + Duration::from_secs(1);
    println!("hello");
    sleep_until(deadline).await;
    println!("world");
}
