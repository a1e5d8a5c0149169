use std::time::Duration;

use tokio::time::sleep;

pub async fn say_after(delay: Duration, what: &str) {
    todo!("wait {delay:?}, then print {what}")
}

pub async fn one_after_another() {
    sleep(Duration::from_secs(1)).await;
    println!("hello");
    sleep(Duration::from_secs(2)).await;
    println!("world");
}

pub async fn together() {
    sleep(Duration::from_secs(1)).await;
    println!("hello");
    sleep(Duration::from_secs(1)).await;
    println!("world");
}
