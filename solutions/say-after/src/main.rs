//! Runs the reference solution's two programs for real: about 3 s, then about 2 s.

use std::time::Instant;

#[tokio::main]
async fn main() {
    // The lesson prints the clock time at the start and at the end; the difference is what
    // counts, so this prints it directly.
    println!("one_after_another:");
    let started = Instant::now();
    say_after_solution::one_after_another().await;
    println!("took {:.1} s", started.elapsed().as_secs_f64());

    println!("together:");
    let started = Instant::now();
    say_after_solution::together().await;
    println!("took {:.1} s", started.elapsed().as_secs_f64());
}
