//! Runs your `print_sum(1, 2)` for real, in real seconds: `cargo run -p compute-sum`.
//!
//! Nothing to change here; the exercise is in `lib.rs`. Grade it with
//! `cargo run -p grader -- compute-sum`.

use std::time::Instant;

#[tokio::main]
async fn main() {
    let started = Instant::now();
    compute_sum::print_sum(1, 2).await;
    println!("Took {:.1} s", started.elapsed().as_secs_f64());
}
