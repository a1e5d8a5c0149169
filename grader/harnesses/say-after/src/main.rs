//! Runs one scenario of say-after on tokio's paused clock, for the grader.
//!
//! `say-after-harness say-after MS TEXT` runs `say_after(Duration::from_millis(MS), TEXT)` alone;
//! `one-after-another` and `together` run the two programs of the lesson. What it prints is the
//! student's output interleaved with `grader_kit`'s markers; the grader reads it back as a
//! timeline. `course.toml` says which scenarios each check runs.

grader_kit::harness! {
    exercise: say_after,
    solution: say_after_solution,
    scenarios: {
        "say-after" (delay_ms: u64, what: String) =>
            subject::say_after(::std::time::Duration::from_millis(delay_ms), &what).await,
        "one-after-another" () => subject::one_after_another().await,
        "together" () => subject::together().await,
    }
}
