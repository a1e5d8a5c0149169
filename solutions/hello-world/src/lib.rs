//! Hello, world, the reference solution: the lesson's first coroutine, in tokio.
//!
//! Read this after your own version passes. The lesson's Python is three lines:
//! `print('hello')`, `await asyncio.sleep(1)`, `print('world')`; so is the Rust.
//!
//! # Layout
//!
//! - [`hello_world`]: prints, *awaits* a one-second sleep, prints again. The `.await` is where
//!   the function hands the thread back to the runtime until its timer fires: on one thread,
//!   other tasks could run during that second.

use std::time::Duration;

/// Prints `hello`, waits one second, then prints `world`.
pub async fn hello_world() {
    println!("hello");
    // `tokio::time::sleep(..)` only builds a future, a value that describes the wait; nothing
    // waits until it is awaited. Without the `.await`, the future would be dropped at the `;`
    // and `world` would follow `hello` at once (the compiler warns: "futures do nothing unless
    // you `.await` or poll them"). `std::thread::sleep` would wait, but by blocking the thread,
    // and every task on it, for the whole second.
    tokio::time::sleep(Duration::from_secs(1)).await;
    println!("world");
}
