//! `cargo run -p grader -- hint NAME`: an exercise's hints, one tier more each time (a nudge,
//! then the idea, then the API to use), from `course.toml`. When the last grade saw a check
//! fail, that check's own hint comes first: it speaks to the mistake at hand. How far a student
//! has got, and which checks failed last, is kept in `.grader-state.toml` at the course's root,
//! which git ignores.

use std::collections::BTreeMap;
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::course::Exercise;
use crate::tr;
use crate::verdict::{Grade, Status};

/// The state file, at the course's root.
pub const STATE_FILE: &str = ".grader-state.toml";

#[derive(Debug, Default, Serialize, Deserialize)]
struct State {
    /// How many hints of each exercise have been shown.
    #[serde(default)]
    hints_shown: BTreeMap<String, usize>,
    /// The checks of each exercise that failed in its last grade, in course order.
    #[serde(default)]
    failing: BTreeMap<String, Vec<String>>,
    /// The failing check whose own hint was shown last, for each exercise.
    #[serde(default)]
    check_hint_shown: BTreeMap<String, String>,
}

/// Where the student reads the hint, which says how to get the next one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Asked {
    /// `cargo run -p grader -- hint NAME`.
    Command,
    /// The `h` key in `watch`.
    Watch,
}

/// Remembers which checks failed in a grade of the student's exercises, for the next hint.
pub fn remember_failing(root: &Path, grade: &Grade) -> Result<(), String> {
    let mut state = load(root);
    for exercise in &grade.exercises {
        let failing: Vec<String> = exercise
            .checks
            .iter()
            .filter(|check| matches!(check.status, Status::Failed | Status::TimedOut))
            .map(|check| check.id.clone())
            .collect();
        if failing.is_empty() {
            state.failing.remove(&exercise.name);
        } else {
            state.failing.insert(exercise.name.clone(), failing);
        }
    }
    save(root, &state)
}

fn load(root: &Path) -> State {
    std::fs::read_to_string(root.join(STATE_FILE))
        .ok()
        .and_then(|text| toml::from_str(&text).ok())
        .unwrap_or_default()
}

fn save(root: &Path, state: &State) -> Result<(), String> {
    let text = toml::to_string(state).map_err(|error| error.to_string())?;
    std::fs::write(root.join(STATE_FILE), text).map_err(|error| {
        tr!(
            "hint-cannot-save",
            file = STATE_FILE,
            error = error.to_string()
        )
    })
}

/// The next hint of `exercise`, as text to print, in the current language: the first failing
/// check's own hint, if the last grade saw one fail and it was not shown yet; else the next
/// tier (the last one again once all were shown).
pub fn next_hint(root: &Path, exercise: &Exercise, asked: Asked) -> Result<String, String> {
    let mut state = load(root);
    let failing = state
        .failing
        .get(&exercise.name)
        .and_then(|failing| failing.first())
        .and_then(|id| exercise.check(id))
        .filter(|check| state.check_hint_shown.get(&exercise.name) != Some(&check.id));
    if let Some(check) = failing
        && let Some(hint) = &check.hint
    {
        state
            .check_hint_shown
            .insert(exercise.name.clone(), check.id.clone());
        save(root, &state)?;
        let mut text = tr!(
            "hint-for-check",
            check = check.id.as_str(),
            exercise = exercise.name.as_str()
        );
        text += "\n  ";
        text += hint.get();
        text += "\n";
        text += &more(asked, exercise);
        return Ok(text);
    }
    let hints = exercise.hints.get();
    if hints.is_empty() {
        return Ok(tr!("hint-none", exercise = exercise.name.as_str()));
    }
    let shown = state.hints_shown.entry(exercise.name.clone()).or_default();
    let tier = (*shown).min(hints.len() - 1);
    *shown = tier + 1;
    save(root, &state)?;
    let mut text = tr!(
        "hint-heading",
        tier = tier + 1,
        total = hints.len(),
        exercise = exercise.name.as_str()
    );
    text += "\n  ";
    text += &hints[tier];
    if tier + 1 < hints.len() {
        text += "\n";
        text += &more(asked, exercise);
    }
    Ok(text)
}

/// How to get the next hint, where the student asked for this one.
fn more(asked: Asked, exercise: &Exercise) -> String {
    match asked {
        Asked::Command => tr!("hint-more", exercise = exercise.name.as_str()),
        Asked::Watch => tr!("hint-more-watch"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::course::Course;

    #[test]
    fn hints_come_in_order_then_the_last_one_stays() {
        let root = tempfile::tempdir().unwrap();
        let course = Course::load(&Path::new(env!("CARGO_MANIFEST_DIR")).join("..")).unwrap();
        let exercise = &course.exercises[0];
        let total = exercise.hints.en.len();
        for tier in 0..total {
            let hint = next_hint(root.path(), exercise, Asked::Command).unwrap();
            assert!(
                hint.starts_with(&format!("Hint {} of {total}", tier + 1)),
                "{hint}"
            );
            assert!(hint.contains(&exercise.hints.en[tier]));
        }
        let again = next_hint(root.path(), exercise, Asked::Command).unwrap();
        assert!(
            again.starts_with(&format!("Hint {total} of {total}")),
            "{again}"
        );
    }

    #[test]
    fn a_failing_checks_own_hint_comes_first_then_the_tiers() {
        let root = tempfile::tempdir().unwrap();
        let course = Course::load(&Path::new(env!("CARGO_MANIFEST_DIR")).join("..")).unwrap();
        let exercise = course.find("factorial-gather").unwrap();
        let prediction = exercise.check("prediction").unwrap();
        let mut state = State::default();
        state
            .failing
            .insert(exercise.name.clone(), vec!["prediction".into()]);
        save(root.path(), &state).unwrap();
        let first = next_hint(root.path(), exercise, Asked::Watch).unwrap();
        assert!(
            first.contains(&prediction.hint.as_ref().unwrap().en),
            "{first}"
        );
        assert!(first.contains("Press h"), "{first}");
        let second = next_hint(root.path(), exercise, Asked::Watch).unwrap();
        assert!(second.contains(&exercise.hints.en[0]), "{second}");
    }
}
