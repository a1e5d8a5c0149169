use std::time::Duration;

pub async fn hello_world() {
    let mut ticks = tokio::time::interval(Duration::from_secs(1));
    ticks.tick().await;
    println!("hello");
    ticks.tick().await;
    println!("world");
}
