//! Unifies the features of the workspace's dependencies, so that building any one crate (an
//! exercise, the grader, a harness) reuses the same compiled dependencies as every other build.
//! Managed by `cargo hakari`; see `README.md` beside this file.
