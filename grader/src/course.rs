//! The course file (`course.toml`): which exercises there are, in which order, with which checks,
//! points and hints. Everything else in the grader reads it from here.

use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::i18n::Localized;
use crate::tr;

/// The course file's name, at the root of the course.
pub const COURSE_FILE: &str = "course.toml";

/// Words the command line keeps for subcommands; no exercise may be named by one.
pub const RESERVED_WORDS: &[&str] = &[
    "list", "hint", "reset", "watch", "chat", "export", "seal", "dev", "class",
];

/// An instructor's hidden scenarios, in an exercise's fixtures: `[[CHECK]]` tables, each a
/// scenario (as in `course.toml`) added to the timeline check `CHECK`. Only the instructor's
/// copy holds it (the exercise lists it as `private`).
pub const HIDDEN_SCENARIOS_FILE: &str = "hidden.toml";

/// Where the snapshots of the hidden scenarios are, in an exercise's fixtures.
pub const HIDDEN_SNAPSHOTS_DIR: &str = "hidden";

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
    /// The exercise's name: the package of the stub a student fills (`factorial-gather`), and
    /// its folder under `exercises/`, `solutions/`, `grader/harnesses/`, `fixtures/` and
    /// `grader/golden/`.
    pub name: String,
    /// Folders the exercise had under `exercises/` before it was renamed
    /// (`01-factorial-gather`): a student who forked the course then keeps their answers there.
    /// `--submission` takes the answers from one when the exercise's own folder is absent; the
    /// student's own grading and `reset` say which folder to move.
    #[serde(default)]
    pub former_dirs: Vec<String>,
    /// `dir`, which older course files gave: read only to say that it is gone.
    #[serde(default, rename = "dir")]
    retired_dir: Option<String>,
    /// The reference solution's package name.
    pub solution: String,
    /// The harness's package name: the binary that runs the exercise for the grader.
    pub harness: String,
    pub title: Localized<String>,
    /// What it teaches, in a line: the README's tables of exercises (`dev update` writes them).
    pub summary: Localized<String>,
    /// Hints from a nudge to the API to use, the same tiers in each language.
    pub hints: Localized<Vec<String>>,
    /// The files a student writes, relative to the exercise's folder: what a grade is taken
    /// from, and what `reset` puts back. Folders end with `/`.
    #[serde(default = "default_answers")]
    pub answers: Vec<String>,
    /// Files of `fixtures/<dir>/` that only an instructor's copy holds (hidden scenarios): the
    /// template leaves them out. Folders end with `/`.
    #[serde(default)]
    pub private: Vec<String>,
    /// The runs of the harness that the timeline checks compare with their snapshots.
    #[serde(default, rename = "scenario")]
    pub scenarios: Vec<Scenario>,
    /// Compile errors this exercise explains with a message of its own.
    #[serde(default, rename = "compile_error")]
    pub compile_errors: Vec<CompileErrorNote>,
    #[serde(rename = "check")]
    pub checks: Vec<Check>,
}

fn default_answers() -> Vec<String> {
    vec!["src/".to_string()]
}

/// One run of an exercise's harness on tokio's paused clock, and the snapshot
/// (`fixtures/<dir>/snapshots/<name>.snap`) its timeline is compared with.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Scenario {
    /// The scenario's name, and its snapshot's.
    pub name: String,
    /// The harness's arguments: the scenario's name in the harness's table, then its arguments.
    pub run: Vec<String>,
    /// How messages name the call: `gather()`, `factorial("Zed", 5)`.
    pub call: String,
    /// Which task a printed line belongs to: a pattern where `{}` stands for the task's name
    /// (`"Task {}:"`). With it, the grader can tell tasks that ran one after another.
    pub tasks: Option<String>,
    /// What the scenario takes when its tasks run one after another, when that is the mistake
    /// it teaches (`6000` for factorial-gather's 1 + 2 + 3 s).
    pub sequential_ms: Option<u64>,
    /// How long (in tokio's time, seconds) the scenario may run, when longer than the usual ten
    /// minutes.
    pub virtual_limit_s: Option<u64>,
}

/// A compile error that an exercise explains: when the compiler's errors hold `code` (if given)
/// and `contains`, the check's verdict says `message` before the compiler's words.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CompileErrorNote {
    /// The compiler's error code, as `E0277`; some errors have none ("future cannot be sent
    /// between threads safely").
    pub code: Option<String>,
    /// A piece of the compiler's message, as `MutexGuard`; any message when empty.
    #[serde(default)]
    pub contains: String,
    pub message: Localized<String>,
}

/// What kind of check a check is: how the grader decides it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum CheckKind {
    /// Its scenarios' timelines are compared with their snapshots, per instant.
    Timeline,
    /// A file of the student's predicts a scenario's output.
    Prediction,
    /// The exercise's own code decides (under `grader/src/exercises/`): what a timeline cannot
    /// say, such as requests to mock servers.
    Custom,
}

/// How a prediction file is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum PredictionFormat {
    /// The lines the program prints, in an order it can print them in.
    #[default]
    Lines,
    /// One number: how many seconds the scenario takes.
    Seconds,
}

/// One graded check of an exercise.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Check {
    /// The check's name in reports, hints and the classroom's tests.
    pub id: String,
    pub kind: CheckKind,
    pub title: Localized<String>,
    pub points: u32,
    /// Shown with a failure of this check.
    pub hint: Option<Localized<String>>,
    /// A timeline check's scenarios, by name, graded in this order; the first that fails is
    /// the verdict.
    #[serde(default)]
    pub scenarios: Vec<String>,
    /// A timeline check's message when all its scenarios pass, if it has more than one.
    pub passed: Option<Localized<String>>,
    /// Another check that must pass for this one to pass, and what to say when it does not
    /// (gather's lines must come from factorial, not be written out by hand).
    pub requires: Option<Requirement>,
    /// Advice a timeline check adds to the grader's words for a finding.
    #[serde(default)]
    pub advice: Advice,
    /// A prediction check's file, in the exercise's folder.
    pub file: Option<String>,
    /// How a prediction check's file is written.
    #[serde(default)]
    pub format: PredictionFormat,
    /// The scenario a prediction check's file predicts.
    pub scenario: Option<String>,
}

/// See [`Check::requires`].
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Requirement {
    pub check: String,
    pub message: Localized<String>,
}

/// Words of an exercise's own, added after the grader's explanation of a timeline finding.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Advice {
    /// Every line is right, but one came at the wrong instant.
    pub line_moved: Option<Localized<String>>,
    /// Every line is right, but the tasks ran one after another.
    pub ran_in_sequence: Option<Localized<String>>,
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
            if let Some(dir) = &exercise.retired_dir {
                let instead = if *dir == exercise.name {
                    "delete the line".to_string()
                } else {
                    format!(
                        "rename the folders `{dir}` to `{}`, and list `{dir}` in `former_dirs` \
                         if students may still keep their answers there",
                        exercise.name
                    )
                };
                return Err(format!(
                    "exercise `{}`: `dir` is gone, an exercise's folder is its name: {instead} \
                     (a student's checkout from before is graded with `--submission`, which \
                     reads only its answers)",
                    exercise.name
                ));
            }
            // The command line finds an exercise by its name or a former folder's: each word
            // names one exercise, and is a plain folder name.
            for word in std::iter::once(&exercise.name).chain(&exercise.former_dirs) {
                if RESERVED_WORDS.contains(&word.as_str()) {
                    return Err(format!("`{word}` is reserved for a subcommand"));
                }
                if !is_folder_name(word) {
                    return Err(format!(
                        "`{word}` is not a folder name: letters, digits, `-` and `_` only"
                    ));
                }
                if !seen.insert(word.as_str()) {
                    return Err(format!(
                        "`{word}` is given twice (as exercises' names and former folders)"
                    ));
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
            let mut names = std::collections::HashSet::new();
            for scenario in &exercise.scenarios {
                if !names.insert(scenario.name.as_str()) {
                    return Err(format!(
                        "exercise `{}` has two scenarios named `{}`",
                        exercise.name, scenario.name
                    ));
                }
            }
            for check in &exercise.checks {
                check.validate(exercise).map_err(|error| {
                    format!("`{}`, check `{}`: {error}", exercise.name, check.id)
                })?;
            }
        }
        Ok(())
    }

    /// Finds an exercise by its name, or by a folder it had before (`01-factorial-gather`).
    pub fn find(&self, name: &str) -> Option<&Exercise> {
        self.exercises
            .iter()
            .find(|exercise| exercise.is_named(name))
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
            .filter(|exercise| names.is_empty() || names.iter().any(|name| exercise.is_named(name)))
            .collect())
    }

    /// The points the whole course is worth.
    pub fn max_points(&self) -> u32 {
        self.exercises.iter().map(Exercise::max_points).sum()
    }
}

impl Check {
    /// Whether the check's fields are those of its kind, and name what exists.
    fn validate(&self, exercise: &Exercise) -> Result<(), String> {
        let timeline_only = !self.scenarios.is_empty()
            || self.passed.is_some()
            || self.requires.is_some()
            || self.advice.line_moved.is_some()
            || self.advice.ran_in_sequence.is_some();
        let prediction_only = self.file.is_some()
            || self.scenario.is_some()
            || self.format != PredictionFormat::default();
        match self.kind {
            CheckKind::Timeline => {
                if prediction_only {
                    return Err("`file`, `format` and `scenario` are for prediction checks".into());
                }
                if self.scenarios.is_empty() {
                    return Err("a timeline check lists its `scenarios`".into());
                }
                for name in &self.scenarios {
                    if exercise.scenario(name).is_none() {
                        return Err(format!("no `[[exercise.scenario]]` is named `{name}`"));
                    }
                }
                if let Some(requirement) = &self.requires
                    && (requirement.check == self.id
                        || exercise.check(&requirement.check).is_none())
                {
                    return Err(format!(
                        "`requires` names no other check: `{}`",
                        requirement.check
                    ));
                }
            }
            CheckKind::Prediction => {
                if timeline_only {
                    return Err(
                        "`scenarios`, `passed`, `requires` and `advice` are for timeline \
                                checks"
                            .into(),
                    );
                }
                let (Some(_), Some(scenario)) = (&self.file, &self.scenario) else {
                    return Err("a prediction check names its `file` and its `scenario`".into());
                };
                if exercise.scenario(scenario).is_none() {
                    return Err(format!("no `[[exercise.scenario]]` is named `{scenario}`"));
                }
            }
            CheckKind::Custom => {
                if timeline_only || prediction_only {
                    return Err("a custom check has only an id, a title, points and a hint".into());
                }
            }
        }
        Ok(())
    }
}

/// Whether `word` can be a folder's name on every system: ASCII letters, digits, `-` and `_`.
fn is_folder_name(word: &str) -> bool {
    !word.is_empty()
        && word
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
}

impl Exercise {
    /// Whether the command line's `word` names this exercise: its name, or a former folder's.
    fn is_named(&self, word: &str) -> bool {
        self.name == word || self.former_dirs.iter().any(|dir| dir == word)
    }

    /// The folder of its stub under `exercises/`, relative to the course: `exercises/NAME`.
    pub fn exercise_folder(&self) -> String {
        format!("{}/{}", Variant::Exercise.folder(), self.name)
    }

    /// Its former folders under `exercises/`, relative to the course
    /// (`exercises/01-factorial-gather`).
    pub fn former_exercise_folders(&self) -> impl Iterator<Item = String> + '_ {
        self.former_dirs
            .iter()
            .map(|dir| format!("{}/{dir}", Variant::Exercise.folder()))
    }

    pub fn check(&self, id: &str) -> Option<&Check> {
        self.checks.iter().find(|check| check.id == id)
    }

    pub fn scenario(&self, name: &str) -> Option<&Scenario> {
        self.scenarios.iter().find(|scenario| scenario.name == name)
    }

    pub fn max_points(&self) -> u32 {
        self.checks.iter().map(|check| check.points).sum()
    }

    /// The ids of its `custom` checks, in course order: what its module under
    /// `grader/src/exercises/` grades.
    pub fn custom_checks(&self) -> Vec<&str> {
        self.checks
            .iter()
            .filter(|check| check.kind == CheckKind::Custom)
            .map(|check| check.id.as_str())
            .collect()
    }

    /// The folder of the graded crate: the student's stub, or the reference solution.
    pub fn crate_dir(&self, root: &Path, variant: Variant) -> PathBuf {
        root.join(variant.folder()).join(&self.name)
    }

    /// The instructor's hidden scenarios (see [`HIDDEN_SCENARIOS_FILE`]), with the id of the
    /// timeline check each joins; none when the file is not there.
    pub fn hidden_scenarios(&self, fixtures: &Path) -> Result<Vec<(String, Scenario)>, String> {
        let path = fixtures.join(HIDDEN_SCENARIOS_FILE);
        let Ok(text) = std::fs::read_to_string(&path) else {
            return Ok(Vec::new());
        };
        let by_check: std::collections::BTreeMap<String, Vec<Scenario>> =
            toml::from_str(&text).map_err(|error| format!("{}: {error}", path.display()))?;
        let mut hidden = Vec::new();
        for (id, scenarios) in by_check {
            match self.check(&id) {
                Some(check) if check.kind == CheckKind::Timeline => {}
                _ => {
                    return Err(format!(
                        "{}: `{id}` is not a timeline check of `{}`",
                        path.display(),
                        self.name
                    ));
                }
            }
            hidden.extend(scenarios.into_iter().map(|scenario| (id.clone(), scenario)));
        }
        Ok(hidden)
    }

    /// The folder of this exercise's fixtures and snapshots.
    pub fn fixtures_dir(&self, root: &Path) -> PathBuf {
        root.join("fixtures").join(&self.name)
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
        former_dirs = ["01-factorial-gather"]
        solution = "factorial-gather-solution"
        harness = "factorial-gather-harness"
        title.en = "t"
        title.ru = "т"
        summary.en = "s"
        summary.ru = "с"
        hints.en = ["a nudge", "the idea"]
        hints.ru = ["намёк", "идея"]
        [[exercise.scenario]]
        name = "gather"
        run = ["gather"]
        call = "gather()"
        [[exercise.check]]
        id = "gather"
        kind = "timeline"
        scenarios = ["gather"]
        title.en = "t"
        title.ru = "т"
        points = 3
    "#;

    #[test]
    fn an_exercise_is_found_by_its_name_or_a_former_folder() {
        let course = course(ONE).unwrap();
        assert!(course.find("factorial-gather").is_some());
        assert!(course.find("01-factorial-gather").is_some());
        assert_eq!(
            course.select(&["01-factorial-gather".into()]).unwrap()[0].name,
            "factorial-gather"
        );
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
    fn a_former_folder_is_a_plain_name_of_one_exercise() {
        let former = "former_dirs = [\"01-factorial-gather\"]";
        let text = ONE.replace(former, "former_dirs = [\"factorial-gather\"]");
        assert!(course(&text).unwrap_err().contains("given twice"));
        let text = ONE.replace(former, "former_dirs = [\"../solutions\"]");
        assert!(course(&text).unwrap_err().contains("not a folder name"));
        let text = ONE.replace(former, "former_dirs = [\"list\"]");
        assert!(course(&text).unwrap_err().contains("reserved"));
    }

    #[test]
    fn a_course_file_that_still_gives_dir_is_told_what_replaced_it() {
        let text = ONE.replace(
            "former_dirs = [\"01-factorial-gather\"]",
            "dir = \"01-factorial-gather\"",
        );
        let error = course(&text).unwrap_err();
        assert!(
            error.contains("`dir` is gone") && error.contains("`former_dirs`"),
            "{error}"
        );
        let text = text.replace(
            "dir = \"01-factorial-gather\"",
            "dir = \"factorial-gather\"",
        );
        assert!(course(&text).unwrap_err().contains(": delete the line"));
    }

    #[test]
    fn every_hint_is_given_in_both_languages() {
        let text = ONE.replace(r#"hints.ru = ["намёк", "идея"]"#, r#"hints.ru = ["намёк"]"#);
        assert!(course(&text).unwrap_err().contains("1 in Russian"));
        let text = ONE.replace("title.ru = \"т\"\n        summary", "summary");
        assert!(course(&text).unwrap_err().contains("missing field `ru`"));
    }

    #[test]
    fn a_check_has_the_fields_of_its_kind() {
        let text = ONE.replace("kind = \"timeline\"", "kind = \"custom\"");
        assert!(course(&text).unwrap_err().contains("only an id"));
        let text = ONE.replace("scenarios = [\"gather\"]", "scenarios = [\"gahter\"]");
        assert!(course(&text).unwrap_err().contains("`gahter`"));
        let text = ONE.replace("scenarios = [\"gather\"]", "file = \"prediction.txt\"");
        assert!(course(&text).unwrap_err().contains("for prediction checks"));
    }

    #[test]
    fn the_shipped_course_file_is_valid() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
        let course = Course::load(&root).unwrap();
        assert!(!course.exercises.is_empty());
    }
}
