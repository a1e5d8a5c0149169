//! Runs the reference solution for real: about 3.5 s of wall-clock time (1 s, then 2.5 s).

use std::time::{Duration, Instant};

#[tokio::main]
async fn main() {
    let started = Instant::now();
    timeout_solution::wait_for_eternity(Duration::from_secs(1)).await;
    let result =
        timeout_solution::factorial_with_timeout("C", 4, Duration::from_millis(2500)).await;
    println!("Result: {result:?}");
    println!("Took {:.1} s", started.elapsed().as_secs_f64());
}
