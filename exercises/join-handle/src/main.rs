//! Runs your functions for real, in real seconds: `cargo run -p join-handle` (about 6 s). The
//! task that panics on purpose prints its panic to stderr, as any panic does.
//!
//! Nothing to change here; the exercise is in `lib.rs`. Grade it with
//! `cargo run -p grader -- join-handle`.

use std::time::Duration;

use join_handle as lesson;

#[tokio::main]
async fn main() {
    let second = Duration::from_secs(1);
    // The lesson's main: `hello ...`, then `... world` a second later.
    lesson::hello_world().await;
    let (before, after) = lesson::finished_before_and_after(second, 2 * second).await;
    println!("is_finished: {before} right away, {after} two seconds later");
    let cancelled = lesson::abort_after(2 * second, second).await;
    println!("aborted after one second: cancelled = {cancelled}");
    let panic = lesson::exception(second, "something went wrong".to_string()).await;
    println!("the task panicked with: {panic:?}");
    let result = lesson::result_within(2 * second, second).await;
    println!("within one second: {result:?}");
}
