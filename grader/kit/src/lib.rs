//! The part of the grader that runs *inside* the student's program.
//!
//! A harness (one small binary per exercise, under `grader/harnesses/`) links the student's
//! crate and calls [`run_on_paused_clock`] with the future to grade. The grader runs the harness
//! as a child process and reads its standard output, where the student's own lines are
//! interleaved with the [`protocol`]'s marker lines.
//!
//! # Layout
//!
//! - [`protocol`]: the marker lines, written here and parsed by the grader. Each carries a random
//!   per-run token, so that nothing the student prints can pass for one.
//! - [`real`]: a runtime on the real clock, for exercises that talk to the grader's mock
//!   servers over real sockets; the harness [`report`]s the graded call's result.
//! - [`scenarios`]: the [`harness!`] macro, which writes a timeline exercise's harness from a
//!   table of scenarios.
//! - [`paused`]: the runtime with tokio's paused clock, its park hook that closes each batch of
//!   printed lines at the virtual instant they were printed at, the panic hook, and a watchdog
//!   that ends the run when the runtime's thread is blocked or waits for nothing.

mod output;
pub mod paused;
pub mod protocol;
pub mod real;
pub mod scenarios;

pub use output::{expecting_panics, report};
pub use paused::run_on_paused_clock;
pub use real::run_on_real_clock;
