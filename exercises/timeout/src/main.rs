//! Runs your functions for real, in real seconds: `cargo run -p timeout` (about 3.5 s).
//!
//! Nothing to change here; the exercise is in `lib.rs`. Grade it with
//! `cargo run -p grader -- timeout`.

use std::time::{Duration, Instant};

#[tokio::main]
async fn main() {
    let started = Instant::now();
    // The lesson's `main`: wait for eternity at most one second.
    timeout::wait_for_eternity(Duration::from_secs(1)).await;
    // The lesson's factorial of C, 4, cut short after 2.5 s.
    let result = timeout::factorial_with_timeout("C", 4, Duration::from_millis(2500)).await;
    println!("Result: {result:?}");
    println!("Took {:.1} s", started.elapsed().as_secs_f64());
}
