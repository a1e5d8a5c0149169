//! Runs your `hello_world` for real, in real seconds: `cargo run -p hello-world`.
//!
//! Nothing to change here; the exercise is in `lib.rs`. Grade it with
//! `cargo run -p grader -- hello-world`.

use std::time::Instant;

// `#[tokio::main]` starts tokio's runtime and runs `main` on it until it returns: Python's
// `loop.run_until_complete(main())`.
#[tokio::main]
async fn main() {
    let started = Instant::now();
    hello_world::hello_world().await;
    println!("Took {:.1} s", started.elapsed().as_secs_f64());
}
