//! Given: a task that fails on purpose (nothing to change here).
//!
//! The lesson's futures may end with an exception, which `exception()` hands back. In Rust, a
//! task that fails *panics*; its `JoinHandle` reports it as a `JoinError` for which `is_panic()`
//! is true, and the panic stays inside that task: the caller goes on.

use std::time::Duration;

/// Sleeps `delay`, then panics with `message`: it never returns a value.
pub async fn panic_after(delay: Duration, message: String) -> String {
    tokio::time::sleep(delay).await;
    panic!("{message}");
}
