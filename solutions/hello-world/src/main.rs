//! Runs the reference solution for real: `hello`, a second, `world`.

use std::time::Instant;

#[tokio::main]
async fn main() {
    let started = Instant::now();
    hello_world_solution::hello_world().await;
    println!("Took {:.1} s", started.elapsed().as_secs_f64());
}
