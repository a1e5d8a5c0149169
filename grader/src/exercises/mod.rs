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
        BuildErrorKind::Crate => {
            "The crate does not compile, so this check could not run. The first errors:"
        }
        BuildErrorKind::Api => {
            "Your crate compiles, but the grader cannot call it: a public function, type or \
             signature differs from the stub's. Keep them as the stub gives them (its doc \
             comments say what each must be). The compiler's first errors, in the grader's \
             code that calls yours:"
        }
        BuildErrorKind::TimedOut => {
            return Outcome::new(
                Status::TimedOut,
                "Compiling took longer than the grader allows, and was stopped. Does a build \
                 script loop?",
            );
        }
    };
    Outcome::new(Status::CompileError, message).with_details(&error.text)
}

/// The verdict for a run that ended before it could be compared with anything: a `todo!()`, a
/// panic, a blocked or stuck runtime, too much output, or the time limit. `None` when the run
/// ended normally.
pub fn ended_badly(run: &Run, limits: &Limits) -> Option<Outcome> {
    if let Some(location) = run.unfinished() {
        return Some(Outcome::new(
            Status::NotDone,
            format!("Not done yet: a `todo!()` is still in place ({location})."),
        ));
    }
    if run.ending == Ending::Flooded {
        return Some(Outcome::failed(format!(
            "The program printed more than {} and was stopped. Is a loop printing without end?",
            bytes(limits.output_bytes)
        )));
    }
    // The times in these messages are the watchdog's limits, not measurements, so that the same
    // program always gets the same words.
    match run.watchdog {
        Some(Event::Blocked { computing, .. }) => {
            let cause = match computing {
                Some(true) => {
                    "It was computing the whole time: a loop that never reaches an `.await` that \
                     waits (a `yield_now()` or a zero-length sleep does not wait)."
                }
                Some(false) => {
                    "It was waiting without telling tokio: `std::thread::sleep` (or another \
                     blocking call) stops the whole thread, and every task on it. Use \
                     `tokio::time::sleep(..).await`, which lets the other tasks run meanwhile."
                }
                None => {
                    "Either it waited without telling tokio (`std::thread::sleep` or another \
                     blocking call: use `tokio::time::sleep(..).await`), or it ran a loop that \
                     never reaches an `.await`."
                }
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
        Some(Event::TooLong { .. }) => {
            return Some(Outcome::failed(format!(
                "The program was still running after {} minutes of tokio's time and was \
                 stopped. Does a loop go on sleeping for ever?",
                VIRTUAL_LIMIT.as_secs() / 60
            )));
        }
        _ => {}
    }
    if run.ending == Ending::TimedOut {
        return Some(Outcome::new(
            Status::TimedOut,
            format!(
                "The program ran past its time limit ({} s) and was stopped.",
                limits.time.as_secs()
            ),
        ));
    }
    if let Some((message, location)) = &run.panic {
        let at = location
            .as_deref()
            .map(|at| format!(" at {at}"))
            .unwrap_or_default();
        return Some(Outcome::failed(format!(
            "The program panicked{at}: {}",
            shown(message)
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

/// `1 MB`, `512 KB`.
fn bytes(count: usize) -> String {
    match count {
        n if n >= 1 << 20 && n % (1 << 20) == 0 => format!("{} MB", n >> 20),
        n => format!("{} KB", n.div_ceil(1024)),
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
        Some((cut, _)) => format!(
            "{}... ({} characters)",
            &escaped[..cut],
            text.chars().count()
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
