//! Runs one scenario of factorial-gather on tokio's paused clock, for the grader.
//!
//! `factorial-gather-harness gather` runs `gather()`; `factorial-gather-harness factorial NAME N`
//! runs `factorial(NAME, N)` alone. What it prints is the student's output interleaved with
//! `grader_kit`'s markers; the grader reads it back as a timeline. `course.toml` says which
//! scenarios each check runs.

grader_kit::harness! {
    exercise: factorial_gather,
    solution: factorial_gather_solution,
    scenarios: {
        "gather" () => subject::gather().await,
        "factorial" (name: String, number: u64) => subject::factorial(&name, number).await,
    }
}
