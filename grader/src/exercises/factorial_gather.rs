//! Exercise 1, factorial gather: `factorial` alone, `gather`'s timeline, and the prediction.
//!
//! Each scenario runs on tokio's paused clock (see `grader_kit::paused`) and is compared, per
//! virtual instant, with the snapshot under `fixtures/01-factorial-gather/snapshots/`, which the
//! reference solution produced. A mismatch is explained by the likeliest mistake first.

use std::collections::HashMap;

use similar::TextDiff;

use crate::exercises::{Context, compile_error, ended_badly, shown};
use crate::harness::expected_timeline;
use crate::timeline::{Moment, Timeline, format_ms, side_by_side};
use crate::tr;
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

/// Extra `factorial` scenarios an instructor keeps in `fixtures/01-factorial-gather/hidden.toml`
/// (in their own copy or bundle only: `export` leaves the file out), graded with the others.
#[derive(Debug, serde::Deserialize)]
struct Hidden {
    #[serde(default)]
    factorial: Vec<HiddenFactorial>,
}

#[derive(Debug, serde::Deserialize)]
struct HiddenFactorial {
    name: String,
    number: u64,
}

/// The file of hidden scenarios, in the exercise's fixtures.
pub const HIDDEN_FILE: &str = "hidden.toml";

fn hidden_scenarios(fixtures: &std::path::Path) -> Result<Vec<(String, u64)>, String> {
    let path = fixtures.join(HIDDEN_FILE);
    let Ok(text) = std::fs::read_to_string(&path) else {
        return Ok(Vec::new());
    };
    let hidden: Hidden =
        toml::from_str(&text).map_err(|error| format!("{}: {error}", path.display()))?;
    Ok(hidden
        .factorial
        .into_iter()
        .map(|scenario| (scenario.name, scenario.number))
        .collect())
}

/// What `factorial(name, number)` prints, and when: the same as the reference's snapshots,
/// worked out, for scenarios that have no snapshot.
pub fn expected_factorial(name: &str, number: u64) -> Timeline {
    let mut moments = Vec::new();
    let mut f: u64 = 1;
    for i in 2..=number {
        moments.push(Moment {
            at_ms: (i - 2) * 1000,
            lines: vec![format!("Task {name}: Compute factorial({i})...")],
        });
        f = f.saturating_mul(i);
    }
    let end_ms = number.saturating_sub(1) * 1000;
    let result = format!("Task {name}: factorial({number}) = {f}");
    match moments.last_mut() {
        Some(last) if last.at_ms == end_ms => {
            last.lines.push(result);
            last.lines.sort();
        }
        _ => moments.push(Moment {
            at_ms: end_ms,
            lines: vec![result],
        }),
    }
    Timeline {
        moments,
        returned: Some(crate::timeline::Returned {
            at_ms: end_ms,
            value: serde_json::json!(f),
        }),
    }
}

pub async fn grade(context: &Context<'_>) -> Result<Vec<(String, Outcome)>, String> {
    let gather_expected = expected_timeline(&context.snapshots(), GATHER_SNAPSHOT)?;
    let mut factorial_expected = Vec::new();
    for (name, number, snapshot) in FACTORIAL_SCENARIOS {
        let expected = expected_timeline(&context.snapshots(), snapshot)?;
        factorial_expected.push((name.to_string(), *number, expected));
    }
    for (name, number) in hidden_scenarios(&context.fixtures)? {
        let expected = expected_factorial(&name, number);
        factorial_expected.push((name, number, expected));
    }
    let factorial_outcome = factorial(context, &factorial_expected).await;
    let mut gather_outcome = scenario(context, &["gather"], &gather_expected, "gather()").await;
    // gather's lines must come from factorial: written out by hand, they would pass alone.
    if gather_outcome.status == Status::Passed && factorial_outcome.status != Status::Passed {
        gather_outcome = Outcome::failed(tr!("fg-gather-written-by-hand"));
    }
    Ok(vec![
        ("factorial".into(), factorial_outcome),
        ("gather".into(), gather_outcome),
        ("prediction".into(), prediction(context, &gather_expected)),
    ])
}

async fn factorial(context: &Context<'_>, scenarios: &[(String, u64, Timeline)]) -> Outcome {
    for (name, number, expected) in scenarios {
        let call = format!("factorial({name:?}, {number})");
        let args = ["factorial", name.as_str(), &number.to_string()];
        let outcome = scenario(context, &args, expected, &call).await;
        if outcome.status != Status::Passed {
            return outcome;
        }
    }
    Outcome::passed(tr!("fg-factorial-passed"))
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
        Err(error) => return compile_error(error),
    };
    let run = match harness.run(args).await {
        Ok(run) => run,
        Err(error) => return Outcome::failed(error),
    };
    if let Some(outcome) = ended_badly(&run, &harness.limits) {
        // Not done yet: no timeline, which would give away the prediction before it is written.
        return match outcome.status {
            Status::NotDone => outcome,
            _ => outcome.with_details(side_by_side(expected, &run.timeline)),
        };
    }
    let actual = snapped(&run.timeline, expected);
    if let Some(text) = run.unterminated.first() {
        return Outcome::failed(tr!(
            "fg-print-without-newline",
            call = call,
            text = shown(text)
        ))
        .with_details(side_by_side(expected, &actual));
    }
    if actual == *expected {
        return Outcome::passed(tr!(
            "fg-scenario-passed",
            call = call,
            seconds = seconds(expected.end_ms())
        ));
    }
    Outcome::failed(format!(
        "{call}: {}",
        explain(expected, &actual, &run.stderr)
    ))
    .with_details(side_by_side(expected, &actual))
}

/// How far (in ms of tokio's time) an instant may be from the expected one and still count as
/// it: a deadline computed from `std::time::Instant` lands a few real milliseconds off.
const SAME_INSTANT_MS: u64 = 100;

/// `actual`, with each instant close to an expected one moved onto it.
fn snapped(actual: &Timeline, expected: &Timeline) -> Timeline {
    let snap = |at_ms: u64| {
        expected
            .moments
            .iter()
            .map(|moment| moment.at_ms)
            .chain(expected.returned.as_ref().map(|returned| returned.at_ms))
            .find(|wanted| wanted.abs_diff(at_ms) <= SAME_INSTANT_MS)
            .unwrap_or(at_ms)
    };
    let mut snapped = Timeline {
        moments: Vec::new(),
        returned: actual.returned.clone().map(|mut returned| {
            returned.at_ms = snap(returned.at_ms);
            returned
        }),
    };
    for moment in &actual.moments {
        let at_ms = snap(moment.at_ms);
        match snapped.moments.last_mut() {
            Some(last) if last.at_ms == at_ms => last.lines.extend(moment.lines.iter().cloned()),
            _ => snapped.moments.push(Moment {
                at_ms,
                lines: moment.lines.clone(),
            }),
        }
    }
    for moment in &mut snapped.moments {
        moment.lines.sort();
    }
    snapped
}

/// Says what is wrong with `actual`, the likeliest mistake first.
fn explain(expected: &Timeline, actual: &Timeline, stderr: &str) -> String {
    let (missing, unexpected) = line_difference(expected, actual);
    if let Some(line) = unexpected.first() {
        let count = |timeline: &Timeline| timeline.lines().filter(|l| *l == *line).count();
        if count(expected) > 0 {
            return tr!(
                "fg-printed-times",
                line = shown(line),
                count = count(actual),
                expected_count = count(expected)
            );
        }
        let closest = missing
            .iter()
            .map(|candidate| (TextDiff::from_chars(*candidate, line).ratio(), candidate))
            .filter(|(ratio, _)| *ratio > 0.6)
            .max_by(|a, b| a.0.total_cmp(&b.0));
        return match closest {
            Some((_, wanted)) => tr!("fg-printed-instead", line = shown(line), wanted = *wanted),
            None => tr!("fg-printed-unknown", line = shown(line)),
        };
    }
    if let Some(line) = missing.first() {
        if stderr.lines().any(|printed| printed == *line) {
            return tr!("fg-printed-to-stderr", line = *line);
        }
        return match missing.len() {
            1 => tr!("fg-never-printed", line = *line),
            n => tr!("fg-never-printed-and-more", line = *line, others = n - 1),
        };
    }
    if actual.moments != expected.moments {
        if ran_one_after_another(actual) {
            return tr!(
                "fg-ran-one-after-another",
                seconds = seconds(actual.end_ms()),
                expected_seconds = seconds(expected.end_ms())
            );
        }
        return match first_moved_line(expected, actual) {
            Some((line, want, got)) => tr!(
                "fg-line-moved",
                line = line,
                got = format_ms(got),
                want = format_ms(want)
            ),
            None => tr!("fg-wrong-instants"),
        };
    }
    match (&expected.returned, &actual.returned) {
        (Some(want), Some(got))
            if want.value != got.value && same_items(&want.value, &got.value) =>
        {
            tr!(
                "fg-results-wrong-order",
                got = got.value.to_string(),
                want = want.value.to_string()
            )
        }
        (Some(want), Some(got)) if want.value != got.value => tr!(
            "fg-wrong-value",
            got = got.value.to_string(),
            want = want.value.to_string()
        ),
        (Some(want), Some(got)) => tr!(
            "fg-late-return",
            got = format_ms(got.at_ms),
            want = format_ms(want.at_ms)
        ),
        (Some(_), None) => tr!("fg-never-returned"),
        _ => tr!("fg-unlike-reference"),
    }
}

/// Whether the tasks' lines (`Task X: ...`) come task after task, each one's first line no
/// earlier than the previous one's last: the mark of awaiting them one by one.
fn ran_one_after_another(actual: &Timeline) -> bool {
    let mut spans: Vec<(u64, u64)> = Vec::new();
    let mut tasks: Vec<&str> = Vec::new();
    for moment in &actual.moments {
        for line in &moment.lines {
            let Some(task) = line
                .strip_prefix("Task ")
                .and_then(|rest| rest.split(':').next())
            else {
                continue;
            };
            match tasks.iter().position(|known| *known == task) {
                Some(index) => spans[index].1 = moment.at_ms,
                None => {
                    tasks.push(task);
                    spans.push((moment.at_ms, moment.at_ms));
                }
            }
        }
    }
    spans.sort_unstable();
    spans.len() > 1 && spans.windows(2).all(|pair| pair[1].0 >= pair[0].1)
}

/// The first line (in expected order) printed at another instant than expected: the line, the
/// instant it should have come at, and the one it came at.
fn first_moved_line(expected: &Timeline, actual: &Timeline) -> Option<(String, u64, u64)> {
    let mut seen: HashMap<&str, usize> = HashMap::new();
    for moment in &expected.moments {
        for line in &moment.lines {
            let nth = seen.entry(line).or_default();
            let got = actual
                .moments
                .iter()
                .flat_map(|m| m.lines.iter().filter(|l| *l == line).map(|_| m.at_ms))
                .nth(*nth);
            *nth += 1;
            match got {
                Some(got) if got != moment.at_ms => return Some((line.clone(), moment.at_ms, got)),
                _ => {}
            }
        }
    }
    None
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

/// `3`, `1.5`: a duration in seconds, the unit left to the message.
fn seconds(ms: u64) -> String {
    let text = format_ms(ms);
    text.trim_start_matches("t=")
        .trim_end_matches('s')
        .to_string()
}

/// Checks `prediction.txt` against the snapshot of `gather`: the predicted lines must be a
/// possible order of what is printed, any order being possible inside one instant.
fn prediction(context: &Context<'_>, expected: &Timeline) -> Outcome {
    let path = context.crate_dir.join(PREDICTION_FILE);
    let Ok(bytes) = std::fs::read(&path) else {
        return Outcome::new(
            Status::NotDone,
            tr!("fg-prediction-missing", file = PREDICTION_FILE),
        );
    };
    let Ok(text) = String::from_utf8(bytes) else {
        return Outcome::failed(tr!("fg-prediction-not-utf8", file = PREDICTION_FILE));
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
            tr!("fg-prediction-empty", file = PREDICTION_FILE),
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
        let (at, count, lines) = (format_ms(moment.at_ms), remaining.len(), quote(&remaining));
        let mut message = match predicted.get(next) {
            Some(line) => tr!(
                "fg-prediction-cannot-come-next",
                right = next,
                line = *line,
                at = at,
                count = count,
                lines = lines
            ),
            None => tr!(
                "fg-prediction-stops-early",
                right = next,
                at = at,
                count = count,
                lines = lines
            ),
        };
        if looks_sequential(predicted) {
            message.push(' ');
            message.push_str(&tr!("fg-prediction-sequential"));
        }
        return Outcome::failed(message);
    }
    if next < predicted.len() {
        return Outcome::failed(tr!("fg-prediction-goes-on", line = predicted[next]));
    }
    Outcome::passed(tr!("fg-prediction-passed"))
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
    fn the_worked_out_timelines_agree_with_the_snapshots() {
        let snapshots = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../fixtures/01-factorial-gather/snapshots");
        for (name, number, snapshot) in FACTORIAL_SCENARIOS {
            let stored = expected_timeline(&snapshots, snapshot).unwrap();
            assert_eq!(expected_factorial(name, *number), stored, "{snapshot}");
        }
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
            short.message.contains("but then it stops: at t=1s"),
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
