//! The verdicts every kind of check shares: a crate that does not compile, and a run that ended
//! before it could be compared with anything (a `todo!()`, a panic, a blocked or stuck runtime,
//! too much output, the time limit).

use grader_kit::paused::{BLOCKED_AFTER, STUCK_AFTER, VIRTUAL_LIMIT};
use grader_kit::protocol::Event;

use crate::cargo::{BuildError, BuildErrorKind};
use crate::child::{Ending, Limits, last_lines};
use crate::course::Exercise;
use crate::harness::Run;
use crate::tr;
use crate::verdict::{Outcome, Status};

/// The outcome of a check that needs the harness, when it could not be built. An error the
/// exercise explains (`[[exercise.compile_error]]` in `course.toml`) is explained first.
pub fn compile_error(error: &BuildError, exercise: &Exercise) -> Outcome {
    let message = match error.kind {
        BuildErrorKind::Crate => tr!("run-compile-error"),
        BuildErrorKind::Api => tr!("run-compile-error-api"),
        BuildErrorKind::TimedOut => {
            return Outcome::new(Status::TimedOut, tr!("run-compile-timed-out"));
        }
    };
    let note = exercise.compile_errors.iter().find(|note| {
        let code = note
            .code
            .as_ref()
            .is_none_or(|code| error.text.contains(&format!("[{code}]")));
        code && error.text.contains(&note.contains)
    });
    let message = match note {
        Some(note) => format!("{} {message}", note.message.get()),
        None => message,
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
        Some(Event::TooLong { limit_ms, .. }) => {
            let limit_ms = match limit_ms {
                0 => VIRTUAL_LIMIT.as_millis() as u64,
                ms => ms,
            };
            return Some(Outcome::failed(tr!(
                "run-too-long",
                minutes = limit_ms / 60_000
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
            Some(at) => tr!(
                "run-panicked-at",
                location = crate_relative(at),
                message = message
            ),
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

/// A panic's location as a message gives it: in a dependency, from the crate's folder
/// (`teloxide-0.17.0/src/...`), not from the cargo registry of the machine that graded it; in
/// the standard library, from `library/`.
fn crate_relative(location: &str) -> String {
    let dependency = location.split_once("/registry/src/").and_then(|(_, rest)| {
        // `index.crates.io-<hash>/teloxide-0.17.0/src/...`
        rest.split_once('/').map(|(_, inside)| inside)
    });
    let standard = location
        .strip_prefix("/rustc/")
        .and_then(|rest| rest.split_once('/').map(|(_, inside)| inside));
    dependency.or(standard).unwrap_or(location).to_string()
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
    use super::*;

    #[test]
    fn a_dependency_s_panic_is_placed_in_its_crate() {
        assert_eq!(
            crate_relative(
                "/root/.cargo/registry/src/index.crates.io-1949cf8c6b5b557f/teloxide-core-0.13.0/src/bot.rs:319:43"
            ),
            "teloxide-core-0.13.0/src/bot.rs:319:43"
        );
        assert_eq!(
            crate_relative("/rustc/5980761/library/core/src/str/mod.rs:68:5"),
            "library/core/src/str/mod.rs:68:5"
        );
        assert_eq!(crate_relative("src/lib.rs:3:5"), "src/lib.rs:3:5");
    }
}
