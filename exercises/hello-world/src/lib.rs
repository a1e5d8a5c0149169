//! Hello, world: the lesson's first coroutine.
//!
//! Print `hello`, wait one second, print `world`. It is the smallest async program there is,
//! and it already rests on the rule the whole course builds on: a future does nothing until it
//! is awaited. Fill in the function below, then grade your work:
//!
//! ```console
//! $ cargo run -p grader -- hello-world
//! ```
//!
//! `README.md` beside this file explains the exercise.

// `tokio` is this crate's dependency: everything you need is in it and in `std`. Add the `use`
// lines you need here (for example `use std::time::Duration;`).

/// Prints `hello`, waits one second, then prints `world`.
///
/// It is the lesson's first coroutine: `print('hello')`, `await asyncio.sleep(1)`,
/// `print('world')`. The second must pass *without blocking the thread*, so that other tasks
/// could run meanwhile.
pub async fn hello_world() {
    // TODO: print `hello` with `println!`.
    // TODO: wait one second. `tokio::time` has an async `sleep` that takes a `Duration`; calling
    //       it only builds a future. What makes this function actually wait for that future?
    //       (Not `std::thread::sleep`: that one blocks the whole thread.)
    // TODO: print `world`.
    todo!("print hello, wait one second, print world")
}
