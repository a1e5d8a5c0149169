//! The marker lines a harness writes among the student's output, and how the grader reads them.
//!
//! A marker is one line: the [`MARKER_START`] character, the run's token, a space and an
//! [`Event`] as JSON. The grader makes a fresh token for every run and writes it on the harness's
//! standard input (see [`TOKEN_ON_STDIN_VAR`]), which the harness reads before any student code
//! runs; a line that merely looks like a marker but has another token is student output.
//!
//! Lines are filed at the virtual instant of the marker *before* them: the clock only moves
//! while the runtime waits, between a [`Event::Park`] and the next [`Event::Wake`], when no task
//! runs.

use serde::{Deserialize, Serialize};

/// Set (to any value) when the grader writes the run's token as the first line of the harness's
/// standard input. The token itself never goes through the environment, where a program could
/// read it back (`/proc/self/environ` keeps the environment the process started with).
pub const TOKEN_ON_STDIN_VAR: &str = "GRADER_KIT_TOKEN_ON_STDIN";

/// Set by the grader to the virtual time (in ms) a scenario may run for, when it is not the
/// default [`crate::paused::VIRTUAL_LIMIT`]: the lesson's `eternity()` sleeps an hour.
pub const VIRTUAL_LIMIT_VAR: &str = "GRADER_KIT_VIRTUAL_LIMIT_MS";

/// The character that starts a marker (ASCII "record separator", never typed by accident).
pub const MARKER_START: char = '\u{1e}';

/// What a marker reports.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "event", rename_all = "snake_case")]
pub enum Event {
    /// The runtime is about to wait, at `virtual_ms` on tokio's clock.
    Park { virtual_ms: u64, real_ms: u64 },
    /// The runtime woke up, at `virtual_ms` (a paused clock jumps to the next timer meanwhile).
    Wake { virtual_ms: u64, real_ms: u64 },
    /// The graded future returned `result`, at `virtual_ms`, leaving `alive_tasks` spawned
    /// tasks still running (a task that outlives the call that started it is often a mistake).
    Done {
        virtual_ms: u64,
        real_ms: u64,
        result: serde_json::Value,
        #[serde(default)]
        alive_tasks: usize,
    },
    /// The student's code panicked (the message of `todo!()` starts with "not yet implemented").
    /// `expected` when it panicked inside [`crate::expecting_panics`]: a task that panics on
    /// purpose, as a lesson's example does, is not a run that ended badly.
    Panic {
        message: String,
        location: Option<String>,
        #[serde(default)]
        expected: bool,
    },
    /// The runtime's only thread ran for `real_ms` without ever waiting: something blocks it.
    /// `computing` tells a busy loop (`true`) from a blocking call such as `std::thread::sleep`
    /// (`false`), where the platform lets the watchdog see it.
    Blocked {
        real_ms: u64,
        computing: Option<bool>,
    },
    /// The runtime waited `real_ms` with no timer set: nothing will ever wake it.
    Stuck { real_ms: u64 },
    /// tokio's clock passed the scenario's limit (`limit_ms`): the program would run (nearly)
    /// for ever.
    TooLong {
        virtual_ms: u64,
        #[serde(default)]
        limit_ms: u64,
    },
}

/// Formats `event` as a marker line (without the line break) for the run's `token`.
pub fn marker_line(token: &str, event: &Event) -> String {
    let json = serde_json::to_string(event).expect("events always serialise");
    format!("{MARKER_START}{token} {json}")
}

/// One piece of a line of the harness's output: the student's text, or a marker.
#[derive(Debug, Clone, PartialEq)]
pub enum Piece {
    Text(String),
    Marker(Event),
}

/// Splits one line of output into the student's text and this run's markers.
///
/// A marker normally stands alone on its line, but after a `print!` without a line break it
/// follows the student's text on the same line; the text before it is kept as a line of its own.
pub fn split_line(token: &str, line: &str) -> Vec<Piece> {
    let prefix = format!("{MARKER_START}{token} ");
    let mut pieces = Vec::new();
    let mut rest = line;
    while let Some(at) = rest.find(&prefix) {
        let after = &rest[at + prefix.len()..];
        // A marker's JSON runs to the end of the line: the harness writes a line break after it.
        match serde_json::from_str::<Event>(after) {
            Ok(event) => {
                if at > 0 {
                    pieces.push(Piece::Text(rest[..at].to_string()));
                }
                pieces.push(Piece::Marker(event));
                return pieces;
            }
            Err(_) => {
                // Not a well-formed marker: it is the student's text, keep looking after it.
                let skip = at + prefix.len();
                pieces.push(Piece::Text(rest[..skip].to_string()));
                rest = &rest[skip..];
            }
        }
    }
    if pieces.is_empty() || !rest.is_empty() {
        pieces.push(Piece::Text(rest.to_string()));
    }
    merge_text(pieces)
}

/// Joins neighbouring text pieces back together (a false marker is part of the same text).
fn merge_text(pieces: Vec<Piece>) -> Vec<Piece> {
    let mut merged: Vec<Piece> = Vec::with_capacity(pieces.len());
    for piece in pieces {
        match (merged.last_mut(), piece) {
            (Some(Piece::Text(previous)), Piece::Text(text)) => previous.push_str(&text),
            (_, piece) => merged.push(piece),
        }
    }
    merged
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_marker_round_trips() {
        let event = Event::Park {
            virtual_ms: 1000,
            real_ms: 3,
        };
        let line = marker_line("t0k", &event);
        assert_eq!(split_line("t0k", &line), vec![Piece::Marker(event)]);
    }

    #[test]
    fn text_before_a_marker_is_kept() {
        let event = Event::Stuck { real_ms: 5 };
        let line = format!("half a line{}", marker_line("t0k", &event));
        assert_eq!(
            split_line("t0k", &line),
            vec![Piece::Text("half a line".into()), Piece::Marker(event)]
        );
    }

    #[test]
    fn a_marker_with_another_token_is_student_text() {
        let forged = marker_line("guess", &Event::Stuck { real_ms: 5 });
        assert_eq!(
            split_line("t0k", &forged),
            vec![Piece::Text(forged.clone())]
        );
    }

    #[test]
    fn a_malformed_marker_is_student_text() {
        let line = format!("{MARKER_START}t0k {{not json");
        assert_eq!(split_line("t0k", &line), vec![Piece::Text(line.clone())]);
    }

    #[test]
    fn a_plain_line_is_text() {
        assert_eq!(split_line("t0k", ""), vec![Piece::Text(String::new())]);
        assert_eq!(split_line("t0k", "hi"), vec![Piece::Text("hi".into())]);
    }
}
