//! The prediction check: a file of the student's predicts what a scenario prints, before they
//! run it (the lesson's question "what is printed, and why?"). Its format, in `course.toml`:
//! - `lines`: the lines the program prints, in one of the orders it can print them in (any
//!   order inside one virtual instant; `#` starts a comment line);
//! - `seconds`: one number, how many seconds the scenario takes.

use std::path::Path;

use crate::checks::Expected;
use crate::checks::timeline::{seconds, task_of};
use crate::course::{Check, PredictionFormat};
use crate::timeline::{Timeline, format_ms};
use crate::tr;
use crate::verdict::{Outcome, Status};

/// Judges the check's file, in the graded crate's folder, against the scenario's snapshot.
pub fn judge(check: &Check, expected: &Expected<'_>, crate_dir: &Path) -> Outcome {
    let file = check.file.as_deref().unwrap_or_default();
    let call = expected.scenario.call.as_str();
    let seconds_asked = check.format == PredictionFormat::Seconds;
    let Ok(bytes) = std::fs::read(crate_dir.join(file)) else {
        return Outcome::new(
            Status::NotDone,
            match seconds_asked {
                true => tr!(
                    "timeline-prediction-missing-seconds",
                    file = file,
                    call = call
                ),
                false => tr!("timeline-prediction-missing", file = file, call = call),
            },
        );
    };
    let Ok(text) = String::from_utf8(bytes) else {
        return Outcome::failed(tr!("timeline-prediction-not-utf8", file = file));
    };
    // Some editors start a UTF-8 file with a byte-order mark.
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    let predicted: Vec<&str> = text
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
        .collect();
    if predicted.is_empty() {
        return Outcome::new(
            Status::NotDone,
            match seconds_asked {
                true => tr!("timeline-prediction-empty-seconds", file = file),
                false => tr!("timeline-prediction-empty", file = file),
            },
        );
    }
    match check.format {
        PredictionFormat::Lines => judge_lines(
            &predicted,
            &expected.timeline,
            expected.scenario.tasks.as_deref(),
        ),
        PredictionFormat::Seconds => judge_seconds(&predicted, &expected.timeline, call, file),
    }
}

/// Whether `predicted` is one of the orders in which `expected`'s lines can come out.
pub fn judge_lines(predicted: &[&str], expected: &Timeline, tasks: Option<&str>) -> Outcome {
    let mut next = 0;
    for moment in &expected.moments {
        // The lines of this instant not predicted yet; any order of them is possible.
        let mut remaining: Vec<&str> = moment.lines.iter().map(String::as_str).collect();
        while let Some(at) = predicted
            .get(next)
            .and_then(|line| remaining.iter().position(|wanted| wanted == line))
        {
            remaining.remove(at);
            next += 1;
        }
        if remaining.is_empty() {
            continue;
        }
        let (at, count, lines) = (format_ms(moment.at_ms), remaining.len(), quote(&remaining));
        let mut message = match predicted.get(next) {
            Some(line) => tr!(
                "timeline-prediction-cannot-come-next",
                right = next,
                line = *line,
                at = at,
                count = count,
                lines = lines
            ),
            None => tr!(
                "timeline-prediction-stops-early",
                right = next,
                at = at,
                count = count,
                lines = lines
            ),
        };
        if tasks.is_some_and(|pattern| looks_sequential(predicted, pattern)) {
            message.push(' ');
            message.push_str(&tr!("timeline-prediction-sequential"));
        }
        return Outcome::failed(message);
    }
    if next < predicted.len() {
        return Outcome::failed(tr!("timeline-prediction-goes-on", line = predicted[next]));
    }
    Outcome::passed(tr!("timeline-prediction-passed"))
}

/// Whether a predicted total time (`3`, `3.0`, `3 s`, `2,5 с`) is the scenario's.
fn judge_seconds(predicted: &[&str], expected: &Timeline, call: &str, file: &str) -> Outcome {
    let want = seconds(expected.end_ms());
    let number = predicted[0]
        .trim_end_matches(|c: char| c.is_alphabetic() || c.is_whitespace() || c == '.')
        .replace(',', ".");
    let Some(got) = number.parse::<f64>().ok().filter(|got| got.is_finite()) else {
        return Outcome::failed(tr!(
            "timeline-prediction-not-seconds",
            file = file,
            line = predicted[0]
        ));
    };
    if predicted.len() > 1 {
        return Outcome::failed(tr!("timeline-prediction-one-number", file = file));
    }
    if (got * 1000.0 - expected.end_ms() as f64).abs() >= 50.0 {
        return Outcome::failed(tr!(
            "timeline-prediction-seconds-wrong",
            got = number,
            call = call
        ));
    }
    Outcome::passed(tr!(
        "timeline-prediction-seconds-passed",
        call = call,
        seconds = want
    ))
}

/// Whether each task's lines come all together, one task after another.
fn looks_sequential(predicted: &[&str], pattern: &str) -> bool {
    let tasks: Vec<&str> = predicted
        .iter()
        .filter_map(|line| task_of(pattern, line))
        .collect();
    let mut runs = tasks.clone();
    runs.dedup();
    let mut distinct = runs.clone();
    distinct.sort_unstable();
    distinct.dedup();
    tasks.len() > 3 && runs.len() == distinct.len() && distinct.len() > 1
}

fn quote(lines: &[&str]) -> String {
    lines
        .iter()
        .map(|line| format!("`{line}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn expected() -> Timeline {
        Timeline::parse_rendered(
            "t=0s\n  A1\n  B1\nt=1s\n  A2\n  B2\nt=2s\n  B3\nreturned at t=2s: [1,2]",
        )
        .unwrap()
    }

    #[test]
    fn any_order_inside_an_instant_is_a_good_prediction() {
        let outcome = judge_lines(&["B1", "A1", "A2", "B2", "B3"], &expected(), None);
        assert_eq!(outcome.status, Status::Passed, "{}", outcome.message);
    }

    #[test]
    fn a_line_too_early_is_a_wrong_prediction() {
        let outcome = judge_lines(&["A1", "A2", "B1", "B2", "B3"], &expected(), None);
        assert_eq!(outcome.status, Status::Failed);
        assert_eq!(
            outcome.message,
            "The first line of your prediction is right, but `A2` cannot come next: first, at \
             t=0s, the program still prints `B1`."
        );
    }

    #[test]
    fn a_short_or_long_prediction_is_wrong() {
        let short = judge_lines(&["A1", "B1", "A2"], &expected(), None);
        assert!(
            short.message.contains("but then it stops: at t=1s"),
            "{}",
            short.message
        );
        let long = ["A1", "B1", "A2", "B2", "B3", "B4"];
        assert!(
            judge_lines(&long, &expected(), None)
                .message
                .contains("from `B4` on")
        );
    }

    #[test]
    fn a_sequential_guess_is_named() {
        let guess = [
            "Task A: 1",
            "Task A: 2",
            "Task B: 1",
            "Task B: 2",
            "Task B: 3",
        ];
        assert!(looks_sequential(&guess, "Task {}:"));
        assert!(!looks_sequential(
            &["Task A: 1", "Task B: 1", "Task A: 2", "Task B: 2"],
            "Task {}:"
        ));
    }

    #[test]
    fn a_total_time_is_one_number_of_seconds() {
        let judge = |line: &str| judge_seconds(&[line], &expected(), "s()", "time.txt").status;
        for right in ["2", "2.0", "2 s", "2s", "2,0 с", "2 seconds"] {
            assert_eq!(judge(right), Status::Passed, "{right}");
        }
        for wrong in ["3", "1.5", "two", "NaN"] {
            assert_eq!(judge(wrong), Status::Failed, "{wrong}");
        }
    }
}
