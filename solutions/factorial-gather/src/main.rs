//! Runs the reference solution for real: it takes about three seconds of wall-clock time.

use std::time::Instant;

#[tokio::main]
async fn main() {
    let started = Instant::now();
    let results = factorial_gather_solution::gather().await;
    println!("Results: {results:?}");
    println!("Took {:.1} s", started.elapsed().as_secs_f64());
}
