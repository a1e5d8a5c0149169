//! Reads a harness's output back as a timeline: which lines were printed at which virtual
//! instant, what the graded future returned, and whether it panicked or was stopped.
//!
//! The text form of a timeline ([`Timeline::render`]) is what the snapshots under `fixtures/`
//! hold: one block per instant, its lines sorted (tokio promises no order inside an instant),
//! then the instant the future returned at and what it returned.

use std::fmt::Write;

use grader_kit::protocol::{Event, Piece, split_line};

use crate::child::{Ending, RunOutput};
use crate::tr;

/// The lines printed at one virtual instant.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Moment {
    pub at_ms: u64,
    /// Sorted, so that two timelines compare per instant whatever order tokio ran the tasks in.
    pub lines: Vec<String>,
}

/// What the graded future returned, and when.
#[derive(Debug, Clone, PartialEq)]
pub struct Returned {
    pub at_ms: u64,
    pub value: serde_json::Value,
}

/// Printed lines by instant, and the returned value: what the snapshots hold.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Timeline {
    pub moments: Vec<Moment>,
    pub returned: Option<Returned>,
}

/// Everything one run of a harness told.
#[derive(Debug, Clone)]
pub struct Run {
    pub timeline: Timeline,
    /// The first panic, as `(message, location)`: the one that explains the rest.
    pub panic: Option<(String, Option<String>)>,
    /// The watchdog's report, when it ended the run (`Blocked`, `Stuck` or `TooLong`).
    pub watchdog: Option<Event>,
    /// Text that was printed without a line break after it (`print!` rather than `println!`).
    pub unterminated: Vec<String>,
    pub ending: Ending,
    pub stderr: String,
}

impl Run {
    /// Reads a harness's output; `token` is the run's marker token.
    ///
    /// A line is filed at the virtual instant of the marker before it: tokio's clock only moves
    /// while the runtime waits, between a `Park` and the next `Wake`, when no task prints.
    pub fn parse(output: &RunOutput, token: &str) -> Run {
        let mut timeline = Timeline::default();
        let mut panic = None;
        let mut watchdog = None;
        let mut unterminated = Vec::new();
        let mut now_ms = 0;
        for line in output.stdout.lines() {
            let pieces = split_line(token, line.strip_suffix('\r').unwrap_or(line));
            let shares_a_line = pieces.len() > 1;
            for piece in pieces {
                let event = match piece {
                    Piece::Text(text) => {
                        if shares_a_line {
                            unterminated.push(text.clone());
                        }
                        timeline.print(now_ms, text);
                        continue;
                    }
                    Piece::Marker(event) => event,
                };
                match event {
                    Event::Park { virtual_ms, .. } | Event::Wake { virtual_ms, .. } => {
                        now_ms = virtual_ms;
                    }
                    Event::Done {
                        virtual_ms, result, ..
                    } => {
                        now_ms = virtual_ms;
                        timeline.returned = Some(Returned {
                            at_ms: virtual_ms,
                            value: result,
                        });
                    }
                    Event::Panic { message, location } => {
                        panic.get_or_insert((message, location));
                    }
                    event @ (Event::Blocked { .. }
                    | Event::Stuck { .. }
                    | Event::TooLong { .. }) => {
                        watchdog = Some(event);
                    }
                }
            }
        }
        for moment in &mut timeline.moments {
            moment.lines.sort();
        }
        Run {
            timeline,
            panic,
            watchdog,
            unterminated,
            ending: output.ending.clone(),
            stderr: output.stderr.clone(),
        }
    }

    /// The panic, when it is a `todo!()` or `unimplemented!()` still in place: `Some` with its
    /// location, when the panic gave one.
    pub fn unfinished(&self) -> Option<Option<&str>> {
        let (message, location) = self.panic.as_ref()?;
        let unfinished =
            message.starts_with("not yet implemented") || message.starts_with("not implemented");
        unfinished.then_some(location.as_deref())
    }
}

impl Timeline {
    /// Files a printed line under the instant `at_ms`.
    fn print(&mut self, at_ms: u64, line: String) {
        match self.moments.last_mut() {
            Some(moment) if moment.at_ms == at_ms => moment.lines.push(line),
            _ => self.moments.push(Moment {
                at_ms,
                lines: vec![line],
            }),
        }
    }

    /// Every printed line, in order of instant.
    pub fn lines(&self) -> impl Iterator<Item = &str> {
        self.moments
            .iter()
            .flat_map(|moment| moment.lines.iter().map(String::as_str))
    }

    /// The instant the last line was printed, or the future returned, whichever is later.
    pub fn end_ms(&self) -> u64 {
        let last_line = self.moments.last().map_or(0, |moment| moment.at_ms);
        let returned = self.returned.as_ref().map_or(0, |returned| returned.at_ms);
        last_line.max(returned)
    }

    /// The text form, as stored in the snapshots.
    pub fn render(&self) -> String {
        let mut text = String::new();
        for moment in &self.moments {
            let _ = writeln!(text, "{}", format_ms(moment.at_ms));
            for line in &moment.lines {
                let _ = writeln!(text, "  {line}");
            }
        }
        match &self.returned {
            Some(returned) => {
                let _ = write!(
                    text,
                    "returned at {}: {}",
                    format_ms(returned.at_ms),
                    returned.value
                );
            }
            None => text.push_str("never returned"),
        }
        text
    }

    /// Reads back the text form of [`Timeline::render`].
    pub fn parse_rendered(text: &str) -> Result<Timeline, String> {
        let mut timeline = Timeline::default();
        for line in text.lines() {
            if let Some(rest) = line.strip_prefix("  ") {
                let moment = timeline
                    .moments
                    .last_mut()
                    .ok_or_else(|| format!("a line before any instant: {line:?}"))?;
                moment.lines.push(rest.to_string());
            } else if let Some(rest) = line.strip_prefix("returned at ") {
                let (at, value) = rest
                    .split_once(": ")
                    .ok_or_else(|| format!("no value in {line:?}"))?;
                timeline.returned = Some(Returned {
                    at_ms: parse_ms(at)?,
                    value: serde_json::from_str(value).map_err(|error| error.to_string())?,
                });
            } else if line == "never returned" || line.is_empty() {
            } else {
                timeline.moments.push(Moment {
                    at_ms: parse_ms(line)?,
                    lines: Vec::new(),
                });
            }
        }
        Ok(timeline)
    }
}

/// Two timelines side by side, aligned by instant: what the reference prints and what the
/// student's program printed. Rows that differ are marked with `!` in the middle column.
pub fn side_by_side(expected: &Timeline, actual: &Timeline) -> String {
    let mut rows: Vec<(String, String)> = vec![(
        tr!("fg-side-by-side-expected"),
        tr!("fg-side-by-side-yours"),
    )];
    let mut instants: Vec<u64> = expected
        .moments
        .iter()
        .chain(&actual.moments)
        .map(|moment| moment.at_ms)
        .collect();
    instants.sort_unstable();
    instants.dedup();
    let lines_at = |timeline: &Timeline, at_ms: u64| -> Vec<String> {
        timeline
            .moments
            .iter()
            .find(|moment| moment.at_ms == at_ms)
            .map(|moment| moment.lines.clone())
            .unwrap_or_default()
    };
    for at_ms in instants {
        let (left, right) = (lines_at(expected, at_ms), lines_at(actual, at_ms));
        let header = |lines: &Vec<String>| {
            if lines.is_empty() {
                String::new()
            } else {
                format_ms(at_ms)
            }
        };
        rows.push((header(&left), header(&right)));
        // Lines printed on both sides share a row (as many times as both print them); the rest
        // follow, each on its own side.
        let mut only_right: Vec<&String> = right.iter().collect();
        let mut common = Vec::new();
        let mut only_left = Vec::new();
        for line in &left {
            match only_right.iter().position(|other| *other == line) {
                Some(at) => common.push(only_right.remove(at)),
                None => only_left.push(line),
            }
        }
        for line in common {
            rows.push((format!("  {line}"), format!("  {line}")));
        }
        for row in 0..only_left.len().max(only_right.len()) {
            let side = |lines: &Vec<&String>| {
                lines
                    .get(row)
                    .map(|line| format!("  {line}"))
                    .unwrap_or_default()
            };
            rows.push((side(&only_left), side(&only_right)));
        }
    }
    let ending = |timeline: &Timeline| match &timeline.returned {
        Some(returned) => format!(
            "returned at {}: {}",
            format_ms(returned.at_ms),
            returned.value
        ),
        None => "never returned".to_string(),
    };
    rows.push((ending(expected), ending(actual)));

    let width = rows
        .iter()
        .map(|(left, _)| left.chars().count())
        .max()
        .unwrap_or(0);
    let mut text = String::new();
    for (index, (left, right)) in rows.iter().enumerate() {
        let mark = if index > 0 && left != right { '!' } else { '|' };
        let pad = width - left.chars().count();
        let _ = writeln!(text, "{left}{:pad$} {mark} {right}", "");
    }
    text.lines()
        .map(str::trim_end)
        .collect::<Vec<_>>()
        .join("\n")
}

/// `t=3s`, or `t=1.25s` for an instant between whole seconds.
pub fn format_ms(ms: u64) -> String {
    if ms.is_multiple_of(1000) {
        format!("t={}s", ms / 1000)
    } else {
        let text = format!("{:.3}", ms as f64 / 1000.0);
        format!("t={}s", text.trim_end_matches('0'))
    }
}

fn parse_ms(text: &str) -> Result<u64, String> {
    let seconds = text
        .strip_prefix("t=")
        .and_then(|rest| rest.strip_suffix('s'))
        .and_then(|number| number.parse::<f64>().ok())
        .ok_or_else(|| format!("not an instant: {text:?}"))?;
    Ok((seconds * 1000.0).round() as u64)
}

#[cfg(test)]
mod tests {
    use super::*;
    use grader_kit::protocol::marker_line;

    fn output(stdout: String) -> RunOutput {
        RunOutput {
            stdout,
            stderr: String::new(),
            ending: Ending::TimedOut,
            elapsed: std::time::Duration::ZERO,
        }
    }

    fn park(virtual_ms: u64) -> String {
        marker_line(
            "k",
            &Event::Park {
                virtual_ms,
                real_ms: 0,
            },
        )
    }

    fn wake(virtual_ms: u64) -> String {
        marker_line(
            "k",
            &Event::Wake {
                virtual_ms,
                real_ms: 0,
            },
        )
    }

    #[test]
    fn lines_are_filed_under_the_instant_of_the_marker_before_them() {
        let done = marker_line(
            "k",
            &Event::Done {
                virtual_ms: 1000,
                real_ms: 2,
                result: serde_json::json!([2]),
            },
        );
        let stdout = format!("b\na\n{}\n{}\nc\n{done}\n", park(0), wake(1000));
        let run = Run::parse(&output(stdout), "k");
        assert_eq!(
            run.timeline.render(),
            "t=0s\n  a\n  b\nt=1s\n  c\nreturned at t=1s: [2]"
        );
    }

    #[test]
    fn lines_after_the_last_marker_are_at_its_instant() {
        let stdout = format!("a\n{}\n{}\nb\n", park(0), wake(3000));
        let run = Run::parse(&output(stdout), "k");
        assert_eq!(
            run.timeline.render(),
            "t=0s\n  a\nt=3s\n  b\nnever returned"
        );
    }

    #[test]
    fn text_sharing_a_line_with_a_marker_was_printed_without_a_line_break() {
        let stdout = format!("half{}\n", park(0));
        let run = Run::parse(&output(stdout), "k");
        assert_eq!(run.unterminated, vec!["half".to_string()]);
    }

    #[test]
    fn the_text_form_reads_back() {
        let text = "t=0s\n  a\nt=1.5s\n  b\n  c\nreturned at t=1.5s: [1,2]";
        let timeline = Timeline::parse_rendered(text).unwrap();
        assert_eq!(timeline.render(), text);
        assert_eq!(timeline.end_ms(), 1500);
    }

    #[test]
    fn side_by_side_marks_the_rows_that_differ() {
        let expected = Timeline::parse_rendered("t=0s\n  a\n  b\nreturned at t=0s: 1").unwrap();
        let actual = Timeline::parse_rendered("t=0s\n  b\nt=1s\n  a\nreturned at t=1s: 1").unwrap();
        let text = side_by_side(&expected, &actual);
        assert_eq!(
            text,
            [
                "expected            | yours",
                "t=0s                | t=0s",
                "  b                 |   b",
                "  a                 !",
                "                    ! t=1s",
                "                    !   a",
                "returned at t=0s: 1 ! returned at t=1s: 1",
            ]
            .join("\n")
        );
    }

    #[test]
    fn todo_is_told_apart_from_other_panics() {
        let panic = marker_line(
            "k",
            &Event::Panic {
                message: "not yet implemented: later".into(),
                location: Some("src/lib.rs:3:5".into()),
            },
        );
        let run = Run::parse(&output(panic), "k");
        assert_eq!(run.unfinished(), Some(Some("src/lib.rs:3:5")));
    }
}
