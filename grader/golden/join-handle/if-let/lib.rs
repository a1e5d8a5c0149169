//! Correct: the handle's results taken apart with `if let`, `is_some_and` and `downcast_ref`.
mod given;

use std::time::Duration;

pub use given::panic_after;

pub async fn set_after(delay: Duration, value: String) -> String {
    tokio::time::sleep(delay).await;
    value
}

pub async fn hello_world() {
    let handle = tokio::spawn(set_after(Duration::from_secs(1), "... world".to_string()));
    println!("hello ...");
    if let Ok(value) = handle.await {
        println!("{value}");
    }
}

pub async fn finished_before_and_after(delay: Duration, wait: Duration) -> (bool, bool) {
    let handle = tokio::spawn(set_after(delay, "... world".to_string()));
    let before = handle.is_finished();
    tokio::time::sleep(wait).await;
    let after = handle.is_finished();
    handle.await.ok();
    (before, after)
}

pub async fn abort_after(delay: Duration, wait: Duration) -> bool {
    let handle = tokio::spawn(set_after(delay, "... world".to_string()));
    tokio::time::sleep(wait).await;
    handle.abort();
    handle.await.err().is_some_and(|error| error.is_cancelled())
}

pub async fn exception(delay: Duration, message: String) -> Option<String> {
    if let Err(error) = tokio::spawn(panic_after(delay, message)).await
        && error.is_panic()
    {
        return error.into_panic().downcast_ref::<String>().cloned();
    }
    None
}

pub async fn result_within(delay: Duration, limit: Duration) -> Option<String> {
    let mut handle = tokio::spawn(set_after(delay, "... world".to_string()));
    if let Ok(joined) = tokio::time::timeout(limit, &mut handle).await {
        return joined.ok();
    }
    handle.abort();
    println!("timeout!");
    None
}
