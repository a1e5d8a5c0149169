//! The checks of each exercise, one module per exercise, named after it.
//!
//! A module receives a [`Context`] (the exercise, its built harness or its compile errors, where
//! its files and snapshots are) and returns an [`Outcome`] for each check id that `course.toml`
//! lists for it. The course file gives the points; the test `every_check_is_graded` keeps the
//! two in step.

pub mod factorial_gather;
pub mod fastest_ip;

use std::path::PathBuf;

use grader_kit::paused::{BLOCKED_AFTER, STUCK_AFTER};
use grader_kit::protocol::Event;

use crate::child::{Ending, last_lines};
use crate::course::{Exercise, Variant};
use crate::harness::Harness;
use crate::timeline::Run;
use crate::verdict::{Outcome, Status};

/// What the checks of one exercise get to work with.
pub struct Context<'a> {
    pub exercise: &'a Exercise,
    pub variant: Variant,
    /// The built harness, or the compiler's errors.
    pub harness: Result<Harness, String>,
    /// The graded crate's folder (the student's stub, or the solution).
    pub crate_dir: PathBuf,
    /// `fixtures/<dir>`: the exercise's data, and its snapshots under `snapshots/`.
    pub fixtures: PathBuf,
    /// Seeds whatever a check draws at random, so that a run can be replayed.
    pub seed: u64,
}

impl Context<'_> {
    /// `fixtures/<dir>/snapshots`.
    pub fn snapshots(&self) -> PathBuf {
        self.fixtures.join("snapshots")
    }
}

/// Grades one exercise: an outcome for each of its checks, by id. Fails only when the grader
/// itself lacks something (checks for this exercise, a snapshot): a student's mistake is an
/// outcome, never an error.
pub async fn grade(context: &Context<'_>) -> Result<Vec<(String, Outcome)>, String> {
    match context.exercise.name.as_str() {
        factorial_gather::NAME => factorial_gather::grade(context).await,
        fastest_ip::NAME => fastest_ip::grade(context).await,
        other => Err(format!(
            "this grader has no checks for an exercise named `{other}`"
        )),
    }
}

/// The check ids each exercise's module grades, for the consistency test with `course.toml`.
pub fn check_ids(exercise: &str) -> Option<&'static [&'static str]> {
    match exercise {
        factorial_gather::NAME => Some(factorial_gather::CHECKS),
        fastest_ip::NAME => Some(fastest_ip::CHECKS),
        _ => None,
    }
}

/// The outcome of a check that needs the harness, when it did not compile.
pub fn compile_error(errors: &str) -> Outcome {
    Outcome::new(
        Status::CompileError,
        "The crate does not compile, so this check could not run. The first errors:",
    )
    .with_details(errors)
}

/// The verdict for a run that ended before it could be compared with anything: a `todo!()`, a
/// panic, a blocked or stuck runtime, too much output, or the time limit. `None` when the run
/// ended normally.
pub fn ended_badly(run: &Run) -> Option<Outcome> {
    if let Some(location) = run.unfinished() {
        return Some(Outcome::new(
            Status::NotDone,
            format!("Not done yet: `todo!()` is still in place ({location})."),
        ));
    }
    if run.ending == Ending::Flooded {
        return Some(Outcome::failed(
            "The program printed more than 1 MB and was stopped. Is a loop printing without end?",
        ));
    }
    match run.watchdog {
        Some(Event::Blocked { real_ms, cpu_ms }) => {
            // The times in these messages are the watchdog's limits, not measurements, so that
            // the same program always gets the same words.
            // A blocking sleep uses next to no CPU; a busy loop uses its core, or a good share of
            // it on a loaded machine.
            let busy = cpu_ms.is_some_and(|cpu| cpu * 4 > real_ms);
            let cause = if busy {
                "It was computing the whole time: a loop that never reaches an `.await`."
            } else {
                "It was waiting without telling tokio: `std::thread::sleep` (or another blocking \
                 call) stops the whole thread, and every task on it. Use \
                 `tokio::time::sleep(..).await`, which lets the other tasks run meanwhile."
            };
            return Some(Outcome::failed(format!(
                "The runtime's only thread was blocked for more than {} s of real time and the \
                 run was stopped. {cause}",
                BLOCKED_AFTER.as_secs()
            )));
        }
        Some(Event::Stuck { .. }) => {
            return Some(Outcome::failed(format!(
                "The program waited more than {} s for something that never happens (no timer \
                 was set, nothing could wake it) and was stopped. Is a task waiting for itself, \
                 or for a future that is never driven?",
                STUCK_AFTER.as_secs()
            )));
        }
        _ => {}
    }
    if run.ending == Ending::TimedOut {
        return Some(Outcome::new(
            Status::TimedOut,
            "The program ran past its time limit and was stopped.",
        ));
    }
    if let Some((message, location)) = &run.panic {
        let at = location
            .as_deref()
            .map(|at| format!(" at {at}"))
            .unwrap_or_default();
        return Some(Outcome::failed(format!(
            "The program panicked{at}: {message}"
        )));
    }
    if let Ending::Exited(status) = &run.ending
        && !status.success()
    {
        return Some(
            Outcome::failed(format!("The program stopped with {status}."))
                .with_details(last_lines(&run.stderr, 20)),
        );
    }
    None
}

#[cfg(test)]
mod tests {
    use crate::course::Course;

    #[test]
    fn every_check_is_graded() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
        let course = Course::load(&root).unwrap();
        for exercise in &course.exercises {
            let graded = super::check_ids(&exercise.name)
                .unwrap_or_else(|| panic!("no checks for `{}`", exercise.name));
            let listed: Vec<&str> = exercise.checks.iter().map(|c| c.id.as_str()).collect();
            assert_eq!(
                listed, graded,
                "course.toml and the checks of `{}`",
                exercise.name
            );
        }
    }
}
