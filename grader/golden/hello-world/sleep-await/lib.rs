use std::time::Duration;
use tokio::time::sleep;

pub async fn hello_world() {
    println!("hello");
    sleep(Duration::from_secs(1)).await;
    println!("world");
}
