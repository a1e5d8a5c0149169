use std::time::Duration;

use tokio::time::sleep;

pub async fn say_after(delay: Duration, what: &str) {
    sleep(delay).await;
    println!("{what}");
}

pub async fn one_after_another() {
    say_after(Duration::from_secs(1), "hello").await;
    say_after(Duration::from_secs(2), "world").await;
}

pub async fn together() {
    let hello = say_after(Duration::from_secs(1), "hello");
    let world = say_after(Duration::from_secs(2), "world");
    let ((), ()) = tokio::join!(hello, world);
}
