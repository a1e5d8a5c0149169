//! Runs one scenario of hello-world on tokio's paused clock, for the grader.
//!
//! `hello-world-harness hello-world` runs `hello_world()`. What it prints is the student's output
//! interleaved with `grader_kit`'s markers; the grader reads it back as a timeline.
//! `course.toml` says which scenarios each check runs.

grader_kit::harness! {
    exercise: hello_world,
    solution: hello_world_solution,
    scenarios: {
        "hello-world" () => subject::hello_world().await,
    }
}
