//! Runs one scenario of compute-sum on tokio's paused clock, for the grader.
//!
//! `compute-sum-harness compute A B` runs `compute(A, B)` alone (its result is reported);
//! `compute-sum-harness print-sum A B` runs `print_sum(A, B)`. What it prints is the student's
//! output interleaved with `grader_kit`'s markers; the grader reads it back as a timeline.
//! `course.toml` says which scenarios each check runs.

grader_kit::harness! {
    exercise: compute_sum,
    solution: compute_sum_solution,
    scenarios: {
        "compute" (a: i64, b: i64) => subject::compute(a, b).await,
        "print-sum" (a: i64, b: i64) => subject::print_sum(a, b).await,
    }
}
