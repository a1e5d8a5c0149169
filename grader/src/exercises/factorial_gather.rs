//! Exercise 1, factorial gather: `factorial` alone, `gather`'s timeline, and the prediction.
//!
//! Each scenario runs on tokio's paused clock (see `grader_kit::paused`) and is compared, per
//! virtual instant, with the snapshot under `fixtures/01-factorial-gather/snapshots/`, which the
//! reference solution produced. A mismatch is explained by the likeliest mistake first.

use std::collections::HashMap;

use similar::TextDiff;

use crate::exercises::{Context, compile_error, ended_badly};
use crate::harness::expected_timeline;
use crate::timeline::{Timeline, format_ms, side_by_side};
use crate::verdict::{Outcome, Status};

/// The exercise's package name, as in `course.toml`.
pub const NAME: &str = "factorial-gather";

/// The checks this module grades, in `course.toml`'s order.
pub const CHECKS: &[&str] = &["factorial", "gather", "prediction"];

/// `factorial` alone, with names and numbers that `gather` does not use, so that output written
/// out by hand fails: (name, number, snapshot).
pub const FACTORIAL_SCENARIOS: &[(&str, u64, &str)] = &[
    ("Zed", 5, "factorial-zed-5"),
    ("Юля", 1, "factorial-yulia-1"),
];

/// The snapshot of `gather`'s timeline.
pub const GATHER_SNAPSHOT: &str = "gather";

/// The file the student writes their prediction in, in the exercise's folder.
pub const PREDICTION_FILE: &str = "prediction.txt";

pub async fn grade(context: &Context<'_>) -> Result<Vec<(String, Outcome)>, String> {
    let gather_expected = expected_timeline(&context.snapshots(), GATHER_SNAPSHOT)?;
    let mut factorial_expected = Vec::new();
    for (name, number, snapshot) in FACTORIAL_SCENARIOS {
        let expected = expected_timeline(&context.snapshots(), snapshot)?;
        factorial_expected.push((*name, *number, expected));
    }
    let gather_outcome = scenario(context, &["gather"], &gather_expected, "gather()").await;
    Ok(vec![
        (
            "factorial".into(),
            factorial(context, &factorial_expected).await,
        ),
        ("gather".into(), gather_outcome),
        ("prediction".into(), prediction(context, &gather_expected)),
    ])
}

async fn factorial(context: &Context<'_>, scenarios: &[(&str, u64, Timeline)]) -> Outcome {
    for (name, number, expected) in scenarios {
        let call = format!("factorial({name:?}, {number})");
        let args = ["factorial", name, &number.to_string()];
        let outcome = scenario(context, &args, expected, &call).await;
        if outcome.status != Status::Passed {
            return outcome;
        }
    }
    Outcome::passed("Each step is printed one second after the last, and n! is returned.")
}

/// Runs one scenario and compares its timeline with the snapshot's.
async fn scenario(
    context: &Context<'_>,
    args: &[&str],
    expected: &Timeline,
    call: &str,
) -> Outcome {
    let harness = match &context.harness {
        Ok(harness) => harness,
        Err(errors) => return compile_error(errors),
    };
    let run = match harness.run(args).await {
        Ok(run) => run,
        Err(error) => return Outcome::failed(error),
    };
    if let Some(outcome) = ended_badly(&run) {
        // Not done yet: no timeline, which would give away the prediction before it is written.
        return match outcome.status {
            Status::NotDone => outcome,
            _ => outcome.with_details(side_by_side(expected, &run.timeline)),
        };
    }
    if run.timeline == *expected {
        return Outcome::passed(format!(
            "{call} printed the right lines at the right instants and returned in {}.",
            seconds(expected.end_ms())
        ));
    }
    Outcome::failed(format!(
        "{call}: {}",
        explain(expected, &run.timeline, run.longest_busy_ms)
    ))
    .with_details(side_by_side(expected, &run.timeline))
}

/// Says what is wrong with `actual`, the likeliest mistake first.
fn explain(expected: &Timeline, actual: &Timeline, longest_busy_ms: u64) -> String {
    // A blocking sleep shows as real time passing while tokio's clock stands still.
    if longest_busy_ms >= 500 && actual.end_ms() < expected.end_ms() {
        return "real time passed while tokio's clock stood still. A blocking call such as \
                `std::thread::sleep` stops the whole thread, and every task on it; \
                `tokio::time::sleep(..).await` lets the other tasks run meanwhile."
            .to_string();
    }
    let (missing, unexpected) = line_difference(expected, actual);
    if let Some(line) = unexpected.first() {
        let closest = missing
            .iter()
            .map(|candidate| (TextDiff::from_chars(*candidate, *line).ratio(), candidate))
            .filter(|(ratio, _)| *ratio > 0.6)
            .max_by(|a, b| a.0.total_cmp(&b.0));
        return match closest {
            Some((_, wanted)) => format!(
                "printed `{line}`, where the lesson's program prints `{wanted}`. Check the text \
                 and the numbers, character by character."
            ),
            None => format!("printed `{line}`, which the lesson's program never prints."),
        };
    }
    if let Some(line) = missing.first() {
        let more = match missing.len() {
            1 => String::new(),
            n => format!(" (and {} more lines)", n - 1),
        };
        return format!("never printed `{line}`{more}.");
    }
    // Every line is there: they came at the wrong instants.
    if actual.end_ms() > expected.end_ms() {
        return format!(
            "every line is right, but it took {} instead of {}: the tasks ran one after \
             another. Awaiting futures one by one adds their times up; to overlap their sleeps, \
             drive them together (`tokio::join!`, `join_all`, `JoinSet`...).",
            seconds(actual.end_ms()),
            seconds(expected.end_ms())
        );
    }
    if actual.moments != expected.moments {
        return "every line is right, but not at the right instants. Print each \"Compute\" line \
                before its one-second sleep, and the result line right after the last one."
            .to_string();
    }
    match (&expected.returned, &actual.returned) {
        (Some(want), Some(got)) if same_items(&want.value, &got.value) => format!(
            "returned {} instead of {}: the results must come in the order of the tasks (A, B, \
             C), not the order they finished in.",
            got.value, want.value
        ),
        (Some(want), Some(got)) if want.value != got.value => {
            format!("returned {} instead of {}.", got.value, want.value)
        }
        (Some(want), Some(got)) => format!(
            "returned at {} instead of {}: it should return as soon as the last task is done.",
            format_ms(got.at_ms),
            format_ms(want.at_ms)
        ),
        (Some(_), None) => "never returned.".to_string(),
        _ => "did not do what the reference does.".to_string(),
    }
}

/// The lines `expected` has that `actual` lacks, and the other way round (as multisets).
fn line_difference<'a>(
    expected: &'a Timeline,
    actual: &'a Timeline,
) -> (Vec<&'a str>, Vec<&'a str>) {
    let mut counts: HashMap<&str, i64> = HashMap::new();
    for line in expected.lines() {
        *counts.entry(line).or_default() += 1;
    }
    for line in actual.lines() {
        *counts.entry(line).or_default() -= 1;
    }
    let missing = expected
        .lines()
        .filter(|line| counts.get(line).is_some_and(|count| *count > 0))
        .collect();
    let unexpected = actual
        .lines()
        .filter(|line| counts.get(line).is_some_and(|count| *count < 0))
        .collect();
    (missing, unexpected)
}

fn same_items(a: &serde_json::Value, b: &serde_json::Value) -> bool {
    let sorted = |value: &serde_json::Value| {
        value.as_array().map(|items| {
            let mut items: Vec<String> = items.iter().map(|item| item.to_string()).collect();
            items.sort();
            items
        })
    };
    sorted(a).is_some() && sorted(a) == sorted(b)
}

/// `3 s`, `1.5 s`.
fn seconds(ms: u64) -> String {
    let text = format_ms(ms);
    let number = text.trim_start_matches("t=").trim_end_matches('s');
    format!("{number} s")
}

/// Checks `prediction.txt` against the snapshot of `gather`: the predicted lines must be a
/// possible order of what is printed, any order being possible inside one instant.
fn prediction(context: &Context<'_>, expected: &Timeline) -> Outcome {
    let path = context.crate_dir.join(PREDICTION_FILE);
    let Ok(text) = std::fs::read_to_string(&path) else {
        return Outcome::new(
            Status::NotDone,
            format!("Not done yet: write what you expect `gather` to print in {PREDICTION_FILE}."),
        );
    };
    let predicted: Vec<&str> = text
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
        .collect();
    if predicted.is_empty() {
        return Outcome::new(
            Status::NotDone,
            format!(
                "Not done yet: before running the program, write in {PREDICTION_FILE} the lines \
                 you expect it to print, in order."
            ),
        );
    }
    judge_prediction(&predicted, expected)
}

/// Whether `predicted` is one of the orders in which `expected`'s lines can come out.
pub fn judge_prediction(predicted: &[&str], expected: &Timeline) -> Outcome {
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
        let so_far = match next {
            0 => "Your prediction goes wrong from its first line".to_string(),
            1 => "The first line of your prediction is right".to_string(),
            n => format!("The first {n} lines of your prediction can happen"),
        };
        let still = match remaining.len() {
            1 => format!("still prints {}", quote(&remaining)),
            _ => format!(
                "still prints these lines, in some order: {}",
                quote(&remaining)
            ),
        };
        let mut message = match predicted.get(next) {
            Some(line) => format!(
                "{so_far}, but `{line}` cannot come next: first, at {}, the program {still}.",
                format_ms(moment.at_ms)
            ),
            None => format!(
                "{so_far}, but it stops early: at {}, the program {still}.",
                format_ms(moment.at_ms)
            ),
        };
        if looks_sequential(predicted) {
            message.push_str(
                " You predicted that each task runs to its end before the next starts, as plain \
                 function calls would. At each `.await` on its sleep, a task hands the thread to \
                 the others.",
            );
        }
        return Outcome::failed(message);
    }
    if next < predicted.len() {
        return Outcome::failed(format!(
            "Your prediction goes on after the program's last line, from `{}` on.",
            predicted[next]
        ));
    }
    Outcome::passed("Your prediction is one of the orders the program can print its lines in.")
}

/// Whether each task's lines come all together, one task after another.
fn looks_sequential(predicted: &[&str]) -> bool {
    let tasks: Vec<&str> = predicted
        .iter()
        .filter_map(|line| line.strip_prefix("Task ")?.split(':').next())
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
        let outcome = judge_prediction(&["B1", "A1", "A2", "B2", "B3"], &expected());
        assert_eq!(outcome.status, Status::Passed, "{}", outcome.message);
    }

    #[test]
    fn a_line_too_early_is_a_wrong_prediction() {
        let outcome = judge_prediction(&["A1", "A2", "B1", "B2", "B3"], &expected());
        assert_eq!(outcome.status, Status::Failed);
        assert_eq!(
            outcome.message,
            "The first line of your prediction is right, but `A2` cannot come next: first, at \
             t=0s, the program still prints `B1`."
        );
    }

    #[test]
    fn a_short_or_long_prediction_is_wrong() {
        let short = judge_prediction(&["A1", "B1", "A2"], &expected());
        assert!(
            short.message.contains("it stops early"),
            "{}",
            short.message
        );
        let long = ["A1", "B1", "A2", "B2", "B3", "B4"];
        assert!(
            judge_prediction(&long, &expected())
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
        assert!(looks_sequential(&guess));
        assert!(!looks_sequential(&[
            "Task A: 1",
            "Task B: 1",
            "Task A: 2",
            "Task B: 2"
        ]));
    }
}
