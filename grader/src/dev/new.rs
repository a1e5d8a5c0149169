//! `dev new NAME`: starts a timeline exercise. It writes the stub (`exercises/DIR`), the
//! reference solution (`solutions/DIR`) and the harness (`grader/harnesses/DIR`) from the
//! templates under `grader/templates/new-exercise/`, and appends the exercise's entry to
//! `course.toml`: one scenario, one timeline check, its words marked `TODO`. No Rust under
//! `grader/src` changes: the author writes the exercise, records its snapshots and checks it.

use std::path::{Path, PathBuf};

use crate::course::{COURSE_FILE, Course, RESERVED_WORDS};

/// Each template and where it goes, `{{name}}` standing for the exercise's name (its folder).
const TEMPLATES: &[(&str, &str)] = &[
    (
        "exercises/{{name}}/Cargo.toml",
        include_str!("../../templates/new-exercise/exercise/Cargo.toml.tmpl"),
    ),
    (
        "exercises/{{name}}/src/lib.rs",
        include_str!("../../templates/new-exercise/exercise/lib.rs.tmpl"),
    ),
    (
        "exercises/{{name}}/src/main.rs",
        include_str!("../../templates/new-exercise/exercise/main.rs.tmpl"),
    ),
    (
        "exercises/{{name}}/README.md",
        include_str!("../../templates/new-exercise/exercise/README.md.tmpl"),
    ),
    (
        "exercises/{{name}}/README.ru.md",
        include_str!("../../templates/new-exercise/exercise/README.ru.md.tmpl"),
    ),
    (
        "solutions/{{name}}/Cargo.toml",
        include_str!("../../templates/new-exercise/solution/Cargo.toml.tmpl"),
    ),
    (
        "solutions/{{name}}/src/lib.rs",
        include_str!("../../templates/new-exercise/solution/lib.rs.tmpl"),
    ),
    (
        "solutions/{{name}}/src/main.rs",
        include_str!("../../templates/new-exercise/solution/main.rs.tmpl"),
    ),
    (
        "grader/harnesses/{{name}}/Cargo.toml",
        include_str!("../../templates/new-exercise/harness/Cargo.toml.tmpl"),
    ),
    (
        "grader/harnesses/{{name}}/src/main.rs",
        include_str!("../../templates/new-exercise/harness/main.rs.tmpl"),
    ),
];

/// The exercise's entry, appended to `course.toml`.
const COURSE_ENTRY: &str = include_str!("../../templates/new-exercise/course.toml.tmpl");

/// What `dev new` made.
#[derive(Debug)]
pub struct NewExercise {
    /// The exercise's name, as given: its package and its folder (`hello-world`). The course's
    /// order is `course.toml`'s, so a folder carries no number.
    pub name: String,
    /// The files written, relative to the course's root.
    pub files: Vec<String>,
}

/// Writes a new timeline exercise named `name` (kebab-case) into the course at `root`, as the
/// last of its exercises.
pub fn new_exercise(root: &Path, name: &str) -> Result<NewExercise, String> {
    check_name(name)?;
    let course = Course::load(root)?;
    if course.find(name).is_some() {
        return Err(format!(
            "course.toml already has an exercise named `{name}`"
        ));
    }
    let fill = |template: &str| {
        template
            .replace("{{name}}", name)
            .replace("{{function}}", &name.replace('-', "_"))
    };
    let files: Vec<(String, String)> = TEMPLATES
        .iter()
        .map(|(path, template)| (fill(path), fill(template)))
        .collect();
    for top in ["exercises", "solutions", "grader/harnesses", "fixtures"] {
        let folder = root.join(top).join(name);
        if folder.exists() {
            return Err(format!("{} is there already", folder.display()));
        }
    }
    for (path, text) in &files {
        let path: PathBuf = root.join(path);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)
                .map_err(|error| format!("cannot make {}: {error}", parent.display()))?;
        }
        std::fs::write(&path, text)
            .map_err(|error| format!("cannot write {}: {error}", path.display()))?;
    }
    let course_file = root.join(COURSE_FILE);
    let mut text = std::fs::read_to_string(&course_file)
        .map_err(|error| format!("cannot read {}: {error}", course_file.display()))?;
    if !text.ends_with('\n') {
        text.push('\n');
    }
    text.push_str(&fill(COURSE_ENTRY));
    Course::parse(&text).map_err(|error| format!("the new entry of {COURSE_FILE}: {error}"))?;
    std::fs::write(&course_file, text)
        .map_err(|error| format!("cannot write {}: {error}", course_file.display()))?;
    let mut written: Vec<String> = files.into_iter().map(|(path, _)| path).collect();
    written.push(COURSE_FILE.to_string());
    Ok(NewExercise {
        name: name.to_string(),
        files: written,
    })
}

/// What to do after `dev new`, for the author.
pub fn next_steps(new: &NewExercise) -> String {
    let name = &new.name;
    format!(
        "Next:\n\
         1. Write the exercise: exercises/{name}/src/lib.rs (its `todo!()`s and `// TODO` \
         comments), README.md and README.ru.md; the solution, solutions/{name}/src/lib.rs, with the \
         same public API; the harness's table of calls, grader/harnesses/{name}/src/main.rs; and \
         the entry at the end of course.toml (its scenarios and checks, every `TODO` title, \
         summary and hint, in English and Russian). A custom check only when a timeline cannot \
         say it.\n\
         2. cargo run -p grader -- dev snapshots {name}   (the expected timelines, from the \
         solution; this first build adds the new packages to Cargo.lock)\n\
         3. cargo run -p grader -- dev update   (the READMEs' tables, autograding.json)\n\
         4. cargo run -p grader -- seal         (the grading files' manifest)\n\
         5. cargo run -p grader -- dev check    (the whole course: the stub is not done, the \
         solution gets full points)\n\
         Golden cases (grader/golden/{name}/) pin the verdicts of typical mistakes: see \
         CONTRIBUTING.md."
    )
}

/// A name is kebab-case, lowercase ASCII: it names a package, a folder and a crate.
fn check_name(name: &str) -> Result<(), String> {
    let kebab = !name.is_empty()
        && name.starts_with(|c: char| c.is_ascii_lowercase())
        && !name.ends_with('-')
        && !name.contains("--")
        && name
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
    if !kebab {
        return Err(format!(
            "`{name}` is not kebab-case: lowercase letters, digits and single dashes, starting \
             with a letter (`hello-world`)"
        ));
    }
    if RESERVED_WORDS.contains(&name) || name.ends_with("-solution") || name.ends_with("-harness") {
        return Err(format!(
            "`{name}` is taken: a subcommand, or the end of a solution's or harness's name"
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_kebab_case_and_free() {
        for good in ["hello-world", "rate-limit", "ping2"] {
            assert!(check_name(good).is_ok(), "{good}");
        }
        for bad in [
            "Hello",
            "hello_world",
            "-x",
            "x-",
            "a--b",
            "2fast",
            "",
            "list",
            "x-harness",
        ] {
            assert!(check_name(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn a_new_exercise_is_a_folder_of_its_name_and_a_valid_entry() {
        let root = tempfile::tempdir().unwrap();
        let shipped = Path::new(env!("CARGO_MANIFEST_DIR")).join("../course.toml");
        std::fs::copy(shipped, root.path().join(COURSE_FILE)).unwrap();
        let new = new_exercise(root.path(), "tick-tock").unwrap();
        assert_eq!(new.name, "tick-tock");
        for file in &new.files {
            let text = std::fs::read_to_string(root.path().join(file)).unwrap();
            assert!(
                !text.contains("{{"),
                "{file} has a placeholder left:\n{text}"
            );
        }
        let harness =
            std::fs::read_to_string(root.path().join("grader/harnesses/tick-tock/src/main.rs"))
                .unwrap();
        assert!(harness.contains("subject::tick_tock().await"), "{harness}");
        let course = Course::load(root.path()).unwrap();
        let exercise = course.find("tick-tock").unwrap();
        assert_eq!(exercise.harness, "tick-tock-harness");
        assert_eq!(exercise.checks.len(), 1);
        assert!(new_exercise(root.path(), "tick-tock").is_err());
    }
}
