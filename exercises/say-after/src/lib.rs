//! Say after: two awaits in a row, or two futures at once.
//!
//! `say_after(delay, what)` waits, then prints. Awaited one after another, two calls take the
//! sum of their delays; driven together, only the longest. Fill in the three functions below,
//! then grade your work:
//!
//! ```console
//! $ cargo run -p grader -- say-after
//! ```
//!
//! Before you write any code, write down in `one-after-another.txt` and `together.txt` how many
//! seconds you expect each of the two programs to take. `README.md` beside this file explains
//! the exercise.

// `tokio` and `futures` are this crate's dependencies: everything you need is in them and in
// `std`.
use std::time::Duration;

/// Waits `delay`, then prints `what`: the lesson's `say_after`.
///
/// For example `say_after(Duration::from_secs(1), "hello")` prints `hello` one second after it
/// is awaited.
pub async fn say_after(delay: Duration, what: &str) {
    // TODO: sleep for `delay` without blocking the thread (`tokio::time::sleep`, awaited).
    // TODO: then print `what` with `println!`.
    todo!("wait {delay:?}, then print {what}")
}

/// Says `hello` after one second, *then* `world` after two more: `hello` at 1 s, `world` at 3 s.
///
/// The lesson's first `main`: `await say_after(1, 'hello')`, then `await say_after(2, 'world')`.
pub async fn one_after_another() {
    // TODO: call `say_after` twice, with the lesson's delays and words, awaiting each call
    //       before making the next one.
    todo!("say hello after 1 s, then world after 2 s more")
}

/// Says `hello` after one second and `world` after two, both counted from the start, because
/// the two calls wait at the same time: `hello` at 1 s, `world` at 2 s.
///
/// The lesson's `asyncio.gather(say_after(1, 'hello'), say_after(2, 'world'))`.
pub async fn together() {
    // TODO: build the two `say_after` futures first; calling them starts nothing yet.
    // TODO: then drive both at once, so that their sleeps overlap: `tokio::join!` is the
    //       closest thing to Python's `asyncio.gather`.
    todo!("say hello after 1 s and world after 2 s, both at once")
}
