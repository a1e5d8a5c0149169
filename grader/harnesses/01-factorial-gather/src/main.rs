//! Runs one scenario of exercise 1 on tokio's paused clock, for the grader.
//!
//! `factorial-gather-harness gather` runs `gather()`; `factorial-gather-harness factorial NAME N`
//! runs `factorial(NAME, N)` alone. What it prints is the student's output interleaved with
//! `grader_kit`'s markers; the grader reads it back as a timeline.

use std::process::ExitCode;

// The grader builds this harness with exactly one of the two features.
#[cfg(not(feature = "solution"))]
use factorial_gather as subject;
#[cfg(feature = "solution")]
use factorial_gather_solution as subject;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.as_slice() {
        [scenario] if scenario == "gather" => grader_kit::run_on_paused_clock(subject::gather()),
        [scenario, name, number] if scenario == "factorial" => match number.parse::<u64>() {
            Ok(number) => {
                let name = name.clone();
                grader_kit::run_on_paused_clock(
                    async move { subject::factorial(&name, number).await },
                )
            }
            Err(_) => usage(),
        },
        _ => usage(),
    }
}

fn usage() -> ExitCode {
    eprintln!("usage: factorial-gather-harness gather | factorial NAME NUMBER");
    ExitCode::from(2)
}
