//! `cargo run -p grader -- hint NAME`: an exercise's hints, one tier more each time (a nudge,
//! then the idea, then the API to use), from `course.toml`. How far a student has got is kept
//! in `.grader-state.toml` at the course's root, which git ignores.

use std::collections::BTreeMap;
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::course::Exercise;
use crate::tr;

/// The state file, at the course's root.
pub const STATE_FILE: &str = ".grader-state.toml";

#[derive(Debug, Default, Serialize, Deserialize)]
struct State {
    /// How many hints of each exercise have been shown.
    #[serde(default)]
    hints_shown: BTreeMap<String, usize>,
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

/// The next hint of `exercise` (the last one again once all were shown), as text to print, in
/// the current language.
pub fn next_hint(root: &Path, exercise: &Exercise) -> Result<String, String> {
    let hints = exercise.hints.get();
    if hints.is_empty() {
        return Ok(tr!("hint-none", exercise = exercise.name.as_str()));
    }
    let mut state = load(root);
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
        text += &tr!("hint-more", exercise = exercise.name.as_str());
    }
    Ok(text)
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
            let hint = next_hint(root.path(), exercise).unwrap();
            assert!(
                hint.starts_with(&format!("Hint {} of {total}", tier + 1)),
                "{hint}"
            );
            assert!(hint.contains(&exercise.hints.en[tier]));
        }
        let again = next_hint(root.path(), exercise).unwrap();
        assert!(
            again.starts_with(&format!("Hint {total} of {total}")),
            "{again}"
        );
    }
}
