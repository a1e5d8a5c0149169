//! Correct: `tokio::select!` against a sleep, and tasks aborted through an `AbortHandle`, then
//! awaited until they are gone.
mod given;

use std::time::Duration;

use tokio::task::JoinError;

pub use given::panic_after;

pub async fn set_after(delay: Duration, value: String) -> String {
    tokio::time::sleep(delay).await;
    value
}

pub async fn hello_world() {
    let world = tokio::spawn(set_after(Duration::from_secs(1), "... world".into()));
    println!("hello ...");
    let value = world.await.expect("set_after neither panics nor is aborted");
    println!("{value}");
}

pub async fn finished_before_and_after(delay: Duration, wait: Duration) -> (bool, bool) {
    let task = tokio::spawn(set_after(delay, "... world".into()));
    let states = (task.is_finished(), {
        tokio::time::sleep(wait).await;
        task.is_finished()
    });
    let _ = task.await;
    states
}

pub async fn abort_after(delay: Duration, wait: Duration) -> bool {
    let task = tokio::spawn(set_after(delay, "... world".into()));
    let abort = task.abort_handle();
    tokio::time::sleep(wait).await;
    abort.abort();
    matches!(task.await, Err(error) if error.is_cancelled())
}

pub async fn exception(delay: Duration, message: String) -> Option<String> {
    let ended: Result<String, JoinError> = tokio::spawn(panic_after(delay, message)).await;
    match ended {
        Err(error) if error.is_panic() => error.into_panic().downcast::<String>().ok().map(|m| *m),
        _ => None,
    }
}

pub async fn result_within(delay: Duration, limit: Duration) -> Option<String> {
    let mut task = tokio::spawn(set_after(delay, "... world".into()));
    tokio::select! {
        joined = &mut task => joined.ok(),
        () = tokio::time::sleep(limit) => {
            task.abort();
            let _ = task.await;
            println!("timeout!");
            None
        }
    }
}
