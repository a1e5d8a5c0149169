//! Runs your two programs for real, in real seconds: `cargo run -p say-after`.
//!
//! Nothing to change here; the exercise is in `lib.rs`. Grade it with
//! `cargo run -p grader -- say-after`.

use std::time::Instant;

#[tokio::main]
async fn main() {
    // The lesson prints the clock time at the start and at the end; the difference is what
    // counts, so this prints it directly.
    println!("one_after_another:");
    let started = Instant::now();
    say_after::one_after_another().await;
    println!("took {:.1} s", started.elapsed().as_secs_f64());

    println!("together:");
    let started = Instant::now();
    say_after::together().await;
    println!("took {:.1} s", started.elapsed().as_secs_f64());
}
