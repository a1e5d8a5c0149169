//! The course file (`course.toml`): which exercises there are, in which order, with which checks,
//! points and hints. Everything else in the grader reads it from here.

use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::i18n::Localized;
use crate::tr;

/// The course file's name, at the root of the course.
pub const COURSE_FILE: &str = "course.toml";

/// Words the command line keeps for subcommands; no exercise may be named by one.
pub const RESERVED_WORDS: &[&str] = &["list", "hint", "reset", "watch", "chat", "export", "seal"];

/// The whole course, as `course.toml` describes it.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Course {
    #[serde(rename = "exercise")]
    pub exercises: Vec<Exercise>,
}

/// One exercise: its packages, its folder and its checks.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Exercise {
    /// The package name of the stub a student fills (`factorial-gather`).
    pub name: String,
    /// The folder name under `exercises/`, `solutions/`, `grader/harnesses/` and `fixtures/`.
    pub dir: String,
    /// The reference solution's package name.
    pub solution: String,
    /// The harness's package name: the binary that runs the exercise for the grader.
    pub harness: String,
    pub title: Localized<String>,
    /// Hints from a nudge to the API to use, the same tiers in each language.
    pub hints: Localized<Vec<String>>,
    #[serde(rename = "check")]
    pub checks: Vec<Check>,
}

/// One graded check of an exercise.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Check {
    /// The name the grader's code knows this check by.
    pub id: String,
    pub title: Localized<String>,
    pub points: u32,
    /// Shown with a failure of this check.
    pub hint: Option<Localized<String>>,
}

/// Which of the two implementations of each exercise is graded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Variant {
    /// The student's crate, under `exercises/`.
    Exercise,
    /// The reference solution, under `solutions/`.
    Solution,
}

impl Variant {
    /// The harness feature that links this variant.
    pub fn feature(self) -> &'static str {
        match self {
            Variant::Exercise => "exercise",
            Variant::Solution => "solution",
        }
    }

    /// The top folder this variant's crates live in.
    pub fn folder(self) -> &'static str {
        match self {
            Variant::Exercise => "exercises",
            Variant::Solution => "solutions",
        }
    }
}

impl Course {
    /// Reads and checks `course.toml` at the root of a course.
    pub fn load(root: &Path) -> Result<Course, String> {
        let path = root.join(COURSE_FILE);
        let text = std::fs::read_to_string(&path).map_err(|error| {
            tr!(
                "course-cannot-read",
                file = path.display().to_string(),
                error = error.to_string(),
                root = root.display().to_string()
            )
        })?;
        Course::parse(&text).map_err(|error| format!("{}: {error}", path.display()))
    }

    /// Parses the course file's text and checks that it is consistent.
    pub fn parse(text: &str) -> Result<Course, String> {
        let course: Course = toml::from_str(text).map_err(|error| error.to_string())?;
        course.validate()?;
        Ok(course)
    }

    fn validate(&self) -> Result<(), String> {
        let mut seen = std::collections::HashSet::new();
        for exercise in &self.exercises {
            for word in [&exercise.name, &exercise.dir] {
                if RESERVED_WORDS.contains(&word.as_str()) {
                    return Err(format!("`{word}` is reserved for a subcommand"));
                }
                if !seen.insert(word.as_str()) {
                    return Err(format!("`{word}` names two exercises"));
                }
            }
            if exercise.hints.en.len() != exercise.hints.ru.len() {
                return Err(format!(
                    "exercise `{}` has {} hints in English and {} in Russian: give each tier in \
                     both",
                    exercise.name,
                    exercise.hints.en.len(),
                    exercise.hints.ru.len()
                ));
            }
            if exercise.checks.is_empty() {
                return Err(format!("exercise `{}` has no check", exercise.name));
            }
            let mut ids = std::collections::HashSet::new();
            for check in &exercise.checks {
                if !ids.insert(check.id.as_str()) {
                    return Err(format!(
                        "exercise `{}` has two checks named `{}`",
                        exercise.name, check.id
                    ));
                }
            }
        }
        Ok(())
    }

    /// Finds an exercise by its package name or its folder name.
    pub fn find(&self, name: &str) -> Option<&Exercise> {
        self.exercises
            .iter()
            .find(|exercise| exercise.name == name || exercise.dir == name)
    }

    /// The exercises the command line names, in course order; all of them when it names none.
    pub fn select(&self, names: &[String]) -> Result<Vec<&Exercise>, String> {
        for name in names {
            if self.find(name).is_none() {
                let known: Vec<&str> = self.exercises.iter().map(|e| e.name.as_str()).collect();
                return Err(tr!(
                    "course-unknown-exercise",
                    name = name.as_str(),
                    known = known.join(", ")
                ));
            }
        }
        Ok(self
            .exercises
            .iter()
            .filter(|exercise| {
                names.is_empty()
                    || names
                        .iter()
                        .any(|n| *n == exercise.name || *n == exercise.dir)
            })
            .collect())
    }

    /// The points the whole course is worth.
    pub fn max_points(&self) -> u32 {
        self.exercises.iter().map(Exercise::max_points).sum()
    }
}

impl Exercise {
    pub fn check(&self, id: &str) -> Option<&Check> {
        self.checks.iter().find(|check| check.id == id)
    }

    pub fn max_points(&self) -> u32 {
        self.checks.iter().map(|check| check.points).sum()
    }

    /// The folder of the graded crate: the student's stub, or the reference solution.
    pub fn crate_dir(&self, root: &Path, variant: Variant) -> PathBuf {
        root.join(variant.folder()).join(&self.dir)
    }

    /// The folder of this exercise's fixtures and snapshots.
    pub fn fixtures_dir(&self, root: &Path) -> PathBuf {
        root.join("fixtures").join(&self.dir)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn course(text: &str) -> Result<Course, String> {
        Course::parse(text)
    }

    const ONE: &str = r#"
        [[exercise]]
        name = "factorial-gather"
        dir = "01-factorial-gather"
        solution = "factorial-gather-solution"
        harness = "factorial-gather-harness"
        title.en = "t"
        title.ru = "т"
        hints.en = ["a nudge", "the idea"]
        hints.ru = ["намёк", "идея"]
        [[exercise.check]]
        id = "gather"
        title.en = "t"
        title.ru = "т"
        points = 3
    "#;

    #[test]
    fn an_exercise_is_found_by_package_or_folder() {
        let course = course(ONE).unwrap();
        assert!(course.find("factorial-gather").is_some());
        assert!(course.find("01-factorial-gather").is_some());
        assert!(course.find("gather").is_none());
        assert_eq!(course.max_points(), 3);
    }

    #[test]
    fn an_unknown_name_lists_the_known_ones() {
        let error = course(ONE).unwrap().select(&["nope".into()]).unwrap_err();
        assert!(error.contains("factorial-gather"), "{error}");
    }

    #[test]
    fn reserved_words_cannot_name_an_exercise() {
        let text = ONE.replace("name = \"factorial-gather\"", "name = \"watch\"");
        assert!(course(&text).unwrap_err().contains("reserved"));
    }

    #[test]
    fn every_hint_is_given_in_both_languages() {
        let text = ONE.replace(r#"hints.ru = ["намёк", "идея"]"#, r#"hints.ru = ["намёк"]"#);
        assert!(course(&text).unwrap_err().contains("1 in Russian"));
        let text = ONE.replace("title.ru = \"т\"\n        hints", "hints");
        assert!(course(&text).unwrap_err().contains("missing field `ru`"));
    }

    #[test]
    fn the_shipped_course_file_is_valid() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
        let course = Course::load(&root).unwrap();
        assert!(!course.exercises.is_empty());
    }
}
