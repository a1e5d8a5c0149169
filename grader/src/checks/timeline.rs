//! The timeline check: runs a check's scenarios on tokio's paused clock and compares each
//! timeline, per virtual instant, with its snapshot (which the reference solution produced).
//! A mismatch is explained by the likeliest mistake first: a wrong line, a missing one, tasks
//! that ran one after another, a thread blocked while tokio's clock stood still, a line at the
//! wrong instant, a wrong result, tasks left running.
//!
//! What the scenario declares in `course.toml` sharpens the words: which task each line belongs
//! to (`tasks = "Task {}:"`), and how long the tasks take one after another
//! (`sequential_ms`).

use std::collections::HashMap;

use similar::TextDiff;

use crate::checks::Expected;
use crate::checks::ended::{ended_badly, shown};
use crate::course::{Advice, Check, Scenario};
use crate::harness::{Harness, Run};
use crate::i18n::Localized;
use crate::timeline::{Moment, Timeline, format_ms, side_by_side};
use crate::tr;
use crate::verdict::{Outcome, Status};

/// How far (in ms of tokio's time) an instant may be from the expected one and still count as
/// it: a deadline computed from `std::time::Instant` lands a few real milliseconds off.
const SAME_INSTANT_MS: u64 = 100;

/// How long the runtime's thread may run without waiting, in real time, before a timeline that
/// went wrong is blamed on a blocked thread. A poll takes microseconds; a
/// `std::thread::sleep(Duration::from_secs(1))` takes a second while tokio's clock stands still.
const STALL_MS: u64 = 500;

/// Grades a timeline check: its scenarios in order, all at once; the first that fails is the
/// verdict.
pub async fn grade(check: &Check, scenarios: &[Expected<'_>], harness: &Harness) -> Outcome {
    let runs = futures::future::join_all(
        scenarios
            .iter()
            .map(|expected| run_scenario(check, expected, harness)),
    )
    .await;
    let mut last = None;
    for outcome in runs {
        if outcome.status != Status::Passed {
            return outcome;
        }
        last = Some(outcome);
    }
    match (&check.passed, last) {
        (Some(passed), _) if scenarios.len() > 1 => Outcome::passed(passed.get().clone()),
        (_, Some(outcome)) => outcome,
        (_, None) => Outcome::failed(tr!("runner-check-not-run")),
    }
}

/// Runs one scenario and compares its timeline with the snapshot's.
async fn run_scenario(check: &Check, expected: &Expected<'_>, harness: &Harness) -> Outcome {
    let scenario = &*expected.scenario;
    let args: Vec<&str> = scenario.run.iter().map(String::as_str).collect();
    let run = match harness.run_scenario(&args, scenario.virtual_limit_s).await {
        Ok(run) => run,
        Err(error) => return Outcome::failed(error),
    };
    judge(check, scenario, &expected.timeline, &run, harness)
}

/// The verdict on one run of a scenario.
fn judge(
    check: &Check,
    scenario: &Scenario,
    expected: &Timeline,
    run: &Run,
    harness: &Harness,
) -> Outcome {
    let call = scenario.call.as_str();
    if let Some(outcome) = ended_badly(run, &harness.limits) {
        // Not done yet: no timeline, which would give away a prediction before it is written.
        return match outcome.status {
            Status::NotDone => outcome,
            _ => outcome.with_details(side_by_side(expected, &run.timeline)),
        };
    }
    let actual = snapped(&run.timeline, expected);
    if let Some(text) = run.unterminated.first() {
        return Outcome::failed(tr!(
            "timeline-print-without-newline",
            call = call,
            text = shown(text)
        ))
        .with_details(side_by_side(expected, &actual));
    }
    if actual.sorted() == *expected {
        return Outcome::passed(tr!(
            "timeline-passed",
            call = call,
            seconds = seconds(expected.end_ms())
        ));
    }
    Outcome::failed(format!(
        "{call}: {}",
        explain(&check.advice, scenario, expected, &actual, run)
    ))
    .with_details(side_by_side(expected, &actual))
}

/// `actual`, with each instant close to an expected one moved onto it (its lines still in the
/// order they were printed).
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
    snapped
}

/// Says what is wrong with `actual`, the likeliest mistake first.
fn explain(
    advice: &Advice,
    scenario: &Scenario,
    expected: &Timeline,
    actual: &Timeline,
    run: &Run,
) -> String {
    let (missing, unexpected) = line_difference(expected, actual);
    if let Some(line) = unexpected.first() {
        let count = |timeline: &Timeline| timeline.lines().filter(|l| *l == *line).count();
        if count(expected) > 0 {
            return tr!(
                "timeline-printed-times",
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
            Some((_, wanted)) => tr!(
                "timeline-printed-instead",
                line = shown(line),
                wanted = *wanted
            ),
            None => tr!("timeline-printed-unknown", line = shown(line)),
        };
    }
    if let Some(line) = missing.first() {
        if run.stderr.lines().any(|printed| printed == *line) {
            return tr!("timeline-printed-to-stderr", line = *line);
        }
        return match missing.len() {
            1 => tr!("timeline-never-printed", line = *line),
            n => tr!(
                "timeline-never-printed-and-more",
                line = *line,
                others = n - 1
            ),
        };
    }
    if actual.sorted().moments != expected.moments {
        return wrong_instants(advice, scenario, expected, actual, run);
    }
    match (&expected.returned, &actual.returned) {
        (Some(want), Some(got))
            if want.value != got.value && same_items(&want.value, &got.value) =>
        {
            match scenario.tasks.as_deref() {
                Some(pattern) => tr!(
                    "timeline-results-wrong-order",
                    got = got.value.to_string(),
                    want = want.value.to_string(),
                    tasks = task_names(pattern, expected).join(", ")
                ),
                None => tr!(
                    "timeline-results-shuffled",
                    got = got.value.to_string(),
                    want = want.value.to_string()
                ),
            }
        }
        (Some(want), Some(got)) if want.value != got.value => tr!(
            "timeline-wrong-value",
            got = got.value.to_string(),
            want = want.value.to_string()
        ),
        (Some(want), Some(got)) if want.at_ms != got.at_ms => {
            let (got, want) = (format_ms(got.at_ms), format_ms(want.at_ms));
            match scenario.tasks {
                Some(_) => tr!("timeline-late-return-tasks", got = got, want = want),
                None => tr!("timeline-late-return", got = got, want = want),
            }
        }
        (Some(want), Some(got)) if got.alive_tasks > want.alive_tasks => tr!(
            "timeline-tasks-left-running",
            count = got.alive_tasks - want.alive_tasks
        ),
        (Some(_), None) => tr!("timeline-never-returned"),
        _ => tr!("timeline-unlike-reference"),
    }
}

/// Explains a timeline whose lines are all right, but not all at the right instants.
fn wrong_instants(
    advice: &Advice,
    scenario: &Scenario,
    expected: &Timeline,
    actual: &Timeline,
    run: &Run,
) -> String {
    let with_advice = |message: String, advice: &Option<Localized<String>>| match advice {
        Some(advice) => format!("{message} {}", advice.get()),
        None => message,
    };
    if ran_in_sequence(scenario, actual) {
        let message = tr!(
            "timeline-ran-in-sequence",
            seconds = seconds(actual.end_ms()),
            expected_seconds = seconds(expected.end_ms())
        );
        return with_advice(message, &advice.ran_in_sequence);
    }
    if run.longest_stall.real_ms >= STALL_MS {
        return tr!(
            "timeline-thread-blocked",
            at = format_ms(run.longest_stall.at_ms),
            seconds = format!("{:.1}", STALL_MS as f64 / 1000.0)
        );
    }
    match first_moved_line(expected, actual) {
        Some((line, want, got)) => with_advice(
            tr!(
                "timeline-line-moved",
                line = line,
                got = format_ms(got),
                want = format_ms(want)
            ),
            &advice.line_moved,
        ),
        None => tr!("timeline-wrong-instants"),
    }
}

/// Whether the scenario's tasks ran one after another: each task's first line no earlier than
/// the previous one's last (when the scenario says which line is whose), or the whole run took
/// as long as its tasks one after another (when it says how long that is).
fn ran_in_sequence(scenario: &Scenario, actual: &Timeline) -> bool {
    if scenario.sequential_ms == Some(actual.end_ms()) {
        return true;
    }
    let Some(pattern) = scenario.tasks.as_deref() else {
        return false;
    };
    let mut spans: Vec<(u64, u64)> = Vec::new();
    let mut tasks: Vec<&str> = Vec::new();
    for moment in &actual.moments {
        for line in &moment.lines {
            let Some(task) = task_of(pattern, line) else {
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

/// The task a line belongs to, by the scenario's pattern, where `{}` stands for the task's name:
/// `task_of("Task {}:", "Task A: done")` is `A`.
pub fn task_of<'a>(pattern: &str, line: &'a str) -> Option<&'a str> {
    let (before, after) = pattern.split_once("{}")?;
    let rest = line.strip_prefix(before)?;
    let name = match after {
        "" => rest.split_whitespace().next()?,
        after => &rest[..rest.find(after)?],
    };
    (!name.is_empty()).then_some(name)
}

/// The tasks of a timeline, in the order they first print.
fn task_names<'a>(pattern: &str, timeline: &'a Timeline) -> Vec<&'a str> {
    let mut names: Vec<&str> = Vec::new();
    for task in timeline.lines().filter_map(|line| task_of(pattern, line)) {
        if !names.contains(&task) {
            names.push(task);
        }
    }
    names
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
pub fn seconds(ms: u64) -> String {
    let text = format_ms(ms);
    text.trim_start_matches("t=")
        .trim_end_matches('s')
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pattern_names_the_task_of_a_line() {
        assert_eq!(task_of("Task {}:", "Task A: Compute"), Some("A"));
        assert_eq!(task_of("Task {}:", "Task Юля: done"), Some("Юля"));
        assert_eq!(task_of("Task {}:", "Results"), None);
        assert_eq!(task_of("[{}]", "[worker-2] started"), Some("worker-2"));
        assert_eq!(task_of("{} says", "hello world"), None);
        assert_eq!(task_of("from {}", "from B and more"), Some("B"));
    }

    fn scenario(tasks: Option<&str>, sequential_ms: Option<u64>) -> Scenario {
        Scenario {
            name: "s".into(),
            run: vec!["s".into()],
            call: "s()".into(),
            tasks: tasks.map(str::to_string),
            sequential_ms,
            virtual_limit_s: None,
        }
    }

    #[test]
    fn tasks_one_after_another_are_told_by_their_lines_or_their_total() {
        let sequential =
            Timeline::parse_rendered("t=0s\n  T a: 1\nt=1s\n  T a: 2\n  T b: 1\nt=2s\n  T b: 2")
                .unwrap();
        let together =
            Timeline::parse_rendered("t=0s\n  T a: 1\n  T b: 1\nt=1s\n  T a: 2\n  T b: 2").unwrap();
        assert!(ran_in_sequence(&scenario(Some("T {}:"), None), &sequential));
        assert!(!ran_in_sequence(&scenario(Some("T {}:"), None), &together));
        assert!(!ran_in_sequence(&scenario(None, None), &sequential));
        assert!(ran_in_sequence(&scenario(None, Some(2000)), &sequential));
    }
}
