//! A timeline: which lines a run printed at which virtual instant, and what the graded future
//! returned, and when. [`crate::harness::Run`] reads one from a harness's output; the timeline
//! checks compare it with a snapshot's.
//!
//! The text form of a timeline ([`Timeline::render`]) is what the snapshots under `fixtures/`
//! hold: one block per instant, its lines sorted (tokio promises no order inside an instant),
//! then the instant the future returned at and what it returned.

use std::fmt::Write;

use crate::tr;

/// The lines printed at one virtual instant.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Moment {
    pub at_ms: u64,
    /// In the order a run printed them; a snapshot's are sorted, as tokio promises no order
    /// inside an instant (compare timelines with [`Timeline::sorted`]).
    pub lines: Vec<String>,
}

/// What the graded future returned, and when.
#[derive(Debug, Clone, PartialEq)]
pub struct Returned {
    pub at_ms: u64,
    pub value: serde_json::Value,
    /// The spawned tasks still running when it returned.
    pub alive_tasks: usize,
}

impl Returned {
    /// `returned at t=3s: [2,6,24]`, and how many tasks it left running, if any.
    fn render(&self) -> String {
        let mut text = format!("returned at {}: {}", format_ms(self.at_ms), self.value);
        if self.alive_tasks > 0 {
            let _ = write!(text, "{LEFT_RUNNING}{}", self.alive_tasks);
        }
        text
    }
}

/// How the text form notes the tasks a call left running.
const LEFT_RUNNING: &str = ", tasks left running: ";

/// Printed lines by instant, and the returned value: what the snapshots hold.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Timeline {
    pub moments: Vec<Moment>,
    pub returned: Option<Returned>,
}

impl Timeline {
    /// Files a printed line under the instant `at_ms`.
    pub(crate) fn print(&mut self, at_ms: u64, line: String) {
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

    /// The same timeline with each instant's lines sorted: how two timelines are compared, per
    /// instant, whatever order tokio ran the tasks in.
    pub fn sorted(&self) -> Timeline {
        let mut sorted = self.clone();
        for moment in &mut sorted.moments {
            moment.lines.sort();
        }
        sorted
    }

    /// The text form, as stored in the snapshots (each instant's lines sorted).
    pub fn render(&self) -> String {
        let mut text = String::new();
        for moment in &self.sorted().moments {
            let _ = writeln!(text, "{}", format_ms(moment.at_ms));
            for line in &moment.lines {
                let _ = writeln!(text, "  {line}");
            }
        }
        match &self.returned {
            Some(returned) => text.push_str(&returned.render()),
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
                let (value, alive_tasks) = match value.rsplit_once(LEFT_RUNNING) {
                    Some((value, count)) => (value, count.parse().map_err(|_| line.to_string())?),
                    None => (value, 0),
                };
                timeline.returned = Some(Returned {
                    at_ms: parse_ms(at)?,
                    value: serde_json::from_str(value).map_err(|error| error.to_string())?,
                    alive_tasks,
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
    let mut rows: Vec<(String, String)> = vec![(tr!("timeline-expected"), tr!("timeline-yours"))];
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
        // The student's lines in the order they were printed (which shows, say, tasks that ran
        // one after another inside one instant); a line the reference prints too shares its
        // row, and a line it does not is set beside the next of the reference's that was not
        // printed. What is left of the reference's follows.
        let mut unprinted: Vec<&String> = left.iter().collect();
        for line in &right {
            if let Some(at) = unprinted.iter().position(|other| *other == line) {
                unprinted.remove(at);
            }
        }
        let mut remaining: Vec<&String> = left.iter().collect();
        let mut unpaired = unprinted.into_iter();
        for line in &right {
            match remaining.iter().position(|other| *other == line) {
                Some(at) => {
                    remaining.remove(at);
                    rows.push((format!("  {line}"), format!("  {line}")));
                }
                None => {
                    let partner = unpaired.next();
                    if let Some(partner) = partner
                        && let Some(at) = remaining.iter().position(|other| *other == partner)
                    {
                        remaining.remove(at);
                    }
                    let left = partner.map(|line| format!("  {line}")).unwrap_or_default();
                    rows.push((left, format!("  {line}")));
                }
            }
        }
        for line in remaining {
            rows.push((format!("  {line}"), String::new()));
        }
    }
    let ending = |timeline: &Timeline| match &timeline.returned {
        Some(returned) => returned.render(),
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

    #[test]
    fn the_text_form_reads_back() {
        let text = "t=0s\n  a\nt=1.5s\n  b\n  c\nreturned at t=1.5s: [1,2]";
        let timeline = Timeline::parse_rendered(text).unwrap();
        assert_eq!(timeline.render(), text);
        assert_eq!(timeline.end_ms(), 1500);
        let text = "t=0s\n  a\nreturned at t=1s: null, tasks left running: 2";
        let timeline = Timeline::parse_rendered(text).unwrap();
        assert_eq!(timeline.returned.as_ref().unwrap().alive_tasks, 2);
        assert_eq!(timeline.render(), text);
    }

    #[test]
    fn the_students_lines_show_in_the_order_they_were_printed() {
        let expected =
            Timeline::parse_rendered("t=0s\n  A1\n  B1\nt=1s\n  A2\n  B2\nreturned at t=1s: 1")
                .unwrap();
        // Blocked: everything at t=0, A's lines before B's; and one wrong line.
        let actual = Timeline {
            moments: vec![Moment {
                at_ms: 0,
                lines: ["A1", "A2", "B1", "B3"].map(String::from).to_vec(),
            }],
            returned: None,
        };
        let text = side_by_side(&expected, &actual);
        assert_eq!(
            text,
            [
                "expected            | yours",
                "t=0s                | t=0s",
                "  A1                |   A1",
                "                    !   A2",
                "  B1                |   B1",
                "                    !   B3",
                "t=1s                !",
                "  A2                !",
                "  B2                !",
                "returned at t=1s: 1 ! never returned",
            ]
            .join("\n")
        );
        assert_eq!(actual.sorted().moments[0].lines, ["A1", "A2", "B1", "B3"]);
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
}
