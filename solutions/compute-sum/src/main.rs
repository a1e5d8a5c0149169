//! Runs the reference solution's `print_sum(1, 2)` for real: about one second.

use std::time::Instant;

#[tokio::main]
async fn main() {
    let started = Instant::now();
    compute_sum_solution::print_sum(1, 2).await;
    println!("Took {:.1} s", started.elapsed().as_secs_f64());
}
