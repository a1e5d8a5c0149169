//! The checks of each exercise, one module per exercise, named after it.
//!
//! A module receives a [`Context`] (the exercise, its built harness or its compile errors, where
//! its files and snapshots are) and returns an [`Outcome`] for each check id that `course.toml`
//! lists for it. The course file gives the points; the test `every_check_is_graded` keeps the
//! two in step.

pub mod factorial_gather;
pub mod fastest_ip;
pub mod image_bot;

use std::path::PathBuf;

use grader_kit::paused::{BLOCKED_AFTER, STUCK_AFTER, VIRTUAL_LIMIT};
use grader_kit::protocol::Event;

use crate::cargo::{BuildError, BuildErrorKind};
use crate::child::{Ending, Limits, last_lines};
use crate::course::{Exercise, Variant};
use crate::harness::Harness;
use crate::timeline::Run;
use crate::tr;
use crate::verdict::{Outcome, Status};

/// What the checks of one exercise get to work with.
pub struct Context<'a> {
    pub exercise: &'a Exercise,
    pub variant: Variant,
    /// The built harness, or why it could not be built.
    pub harness: Result<Harness, BuildError>,
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
        image_bot::NAME => image_bot::grade(context).await,
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
        image_bot::NAME => Some(image_bot::CHECKS),
        _ => None,
    }
}

/// The outcome of a check that needs the harness, when it could not be built.
pub fn compile_error(error: &BuildError) -> Outcome {
    let message = match error.kind {
        BuildErrorKind::Crate => tr!("run-compile-error"),
        BuildErrorKind::Api => tr!("run-compile-error-api"),
        BuildErrorKind::TimedOut => {
            return Outcome::new(Status::TimedOut, tr!("run-compile-timed-out"));
        }
    };
    Outcome::new(Status::CompileError, message).with_details(&error.text)
}

/// The verdict for a run that ended before it could be compared with anything: a `todo!()`, a
/// panic, a blocked or stuck runtime, too much output, or the time limit. `None` when the run
/// ended normally.
pub fn ended_badly(run: &Run, limits: &Limits) -> Option<Outcome> {
    if let Some(location) = run.unfinished() {
        let message = match location {
            Some(location) => tr!("run-todo-at", location = location),
            None => tr!("run-todo"),
        };
        return Some(Outcome::new(Status::NotDone, message));
    }
    if run.ending == Ending::Flooded {
        return Some(Outcome::failed(tr!(
            "run-flooded",
            limit = bytes(limits.output_bytes)
        )));
    }
    // The times in these messages are the watchdog's limits, not measurements, so that the same
    // program always gets the same words.
    match run.watchdog {
        Some(Event::Blocked { computing, .. }) => {
            let cause = match computing {
                Some(true) => tr!("run-blocked-computing"),
                Some(false) => tr!("run-blocked-waiting"),
                None => tr!("run-blocked-either"),
            };
            return Some(Outcome::failed(tr!(
                "run-blocked",
                seconds = BLOCKED_AFTER.as_secs(),
                cause = cause
            )));
        }
        Some(Event::Stuck { .. }) => {
            return Some(Outcome::failed(tr!(
                "run-stuck",
                seconds = STUCK_AFTER.as_secs()
            )));
        }
        Some(Event::TooLong { .. }) => {
            return Some(Outcome::failed(tr!(
                "run-too-long",
                minutes = VIRTUAL_LIMIT.as_secs() / 60
            )));
        }
        _ => {}
    }
    if run.ending == Ending::TimedOut {
        return Some(Outcome::new(
            Status::TimedOut,
            tr!("run-timed-out", seconds = limits.time.as_secs()),
        ));
    }
    if let Some((message, location)) = &run.panic {
        let message = shown(message);
        return Some(Outcome::failed(match location {
            Some(at) => tr!("run-panicked-at", location = at.as_str(), message = message),
            None => tr!("run-panicked", message = message),
        }));
    }
    if let Ending::Exited(status) = &run.ending
        && !status.success()
    {
        return Some(
            Outcome::failed(match status.code() {
                Some(code) => tr!("run-exited-code", code = code),
                None => tr!("run-exited", status = status.to_string()),
            })
            .with_details(last_lines(&run.stderr, 20)),
        );
    }
    None
}

/// `1 MB`, `512 KB`.
fn bytes(count: usize) -> String {
    match count {
        n if n >= 1 << 20 && n % (1 << 20) == 0 => tr!("run-megabytes", count = n >> 20),
        n => tr!("run-kilobytes", count = n.div_ceil(1024)),
    }
}

/// A line of the student's output as a message shows it: control characters escaped, and cut
/// short when it is long.
pub fn shown(text: &str) -> String {
    const LONGEST: usize = 160;
    let escaped: String = text
        .chars()
        .flat_map(|c| {
            if c.is_control() {
                c.escape_default().collect::<Vec<_>>()
            } else {
                vec![c]
            }
        })
        .collect();
    match escaped.char_indices().nth(LONGEST) {
        Some((cut, _)) => tr!(
            "run-cut-short",
            start = &escaped[..cut],
            characters = text.chars().count()
        ),
        None => escaped,
    }
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
