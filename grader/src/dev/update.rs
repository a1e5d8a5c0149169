//! `dev update`: writes the files that are made from `course.toml`, so that no list of the
//! exercises is kept by hand:
//!
//! - `.github/classroom/autograding.json`, the legacy autograding file: one all-or-nothing test
//!   per exercise, worth the exercise's points;
//! - the tables of exercises in `README.md` and in the student's README
//!   (`grader/templates/README.student.md`), each between two marker comments:
//!
//! ```text
//! <!-- dev update: exercises -->
//! (what dev update writes)
//! <!-- /dev update -->
//! ```
//!
//! A marker names what goes between: `exercises` (the course's table: number, exercise, what it
//! teaches, status), `student-exercises` (the same without the status) or `exercises-ru` (the
//! Russian table). Whatever is outside the markers is the README's own. `dev check` fails while
//! a file differs from what `dev update` would write.

use std::path::Path;

use serde::Serialize;

use crate::course::Course;

/// The legacy autograding file, relative to the course's root.
pub const AUTOGRADING: &str = ".github/classroom/autograding.json";

/// The READMEs with tables of exercises, relative to the course's root.
pub const READMES: &[&str] = &["README.md", "grader/templates/README.student.md"];

/// The first line of a generated region, before its kind.
const BEGIN: &str = "<!-- dev update: ";
/// The last line of a generated region.
const END: &str = "<!-- /dev update -->";

/// A generated file: where it goes and what it holds.
#[derive(Debug)]
pub struct Generated {
    /// Relative to the course's root.
    pub path: &'static str,
    pub text: String,
}

impl Generated {
    /// Whether the file on disk holds this text.
    pub fn is_current(&self, root: &Path) -> bool {
        std::fs::read_to_string(root.join(self.path)).is_ok_and(|text| text == self.text)
    }
}

/// Every generated file, as `dev update` writes it for `course`. A README is generated from its
/// text on disk (its regions filled); one that is not there is skipped (a student's template
/// has only one).
pub fn generated(root: &Path, course: &Course) -> Result<Vec<Generated>, String> {
    let mut files = vec![Generated {
        path: AUTOGRADING,
        text: autograding(course),
    }];
    for path in READMES {
        let Ok(text) = std::fs::read_to_string(root.join(path)) else {
            continue;
        };
        let text = fill_regions(&text, course).map_err(|error| format!("{path}: {error}"))?;
        files.push(Generated { path, text });
    }
    Ok(files)
}

/// Writes the generated files that differ from what is on disk; returns each file with whether
/// it was written.
pub fn update(root: &Path, course: &Course) -> Result<Vec<(&'static str, bool)>, String> {
    let mut written = Vec::new();
    for file in generated(root, course)? {
        let changed = !file.is_current(root);
        if changed {
            let path = root.join(file.path);
            std::fs::write(&path, &file.text)
                .map_err(|error| format!("cannot write {}: {error}", path.display()))?;
        }
        written.push((file.path, changed));
    }
    Ok(written)
}

/// `.github/classroom/autograding.json`: one test per exercise, in course order, that grades it
/// with the grader and is worth its points.
pub fn autograding(course: &Course) -> String {
    // The fields in the order GitHub Classroom writes them.
    #[derive(Serialize)]
    struct File {
        tests: Vec<Test>,
    }
    #[derive(Serialize)]
    struct Test {
        name: String,
        setup: &'static str,
        run: String,
        input: &'static str,
        output: &'static str,
        comparison: &'static str,
        timeout: u32,
        points: u32,
    }
    let tests = course
        .exercises
        .iter()
        .map(|exercise| Test {
            name: exercise.title.en.clone(),
            setup: "",
            run: format!("cargo run -p grader -- {}", exercise.name),
            input: "",
            output: "",
            comparison: "included",
            timeout: 10,
            points: exercise.max_points(),
        })
        .collect();
    serde_json::to_string_pretty(&File { tests }).expect("the tests always serialise") + "\n"
}

/// `text` with every region between markers written anew for `course`.
pub fn fill_regions(text: &str, course: &Course) -> Result<String, String> {
    let mut filled = String::new();
    let mut lines = text.split_inclusive('\n');
    while let Some(line) = lines.next() {
        filled.push_str(line);
        let Some(kind) = line
            .trim()
            .strip_prefix(BEGIN)
            .and_then(|rest| rest.strip_suffix("-->"))
        else {
            continue;
        };
        let region = render(kind.trim(), course)?;
        let end = lines
            .by_ref()
            .find(|line| line.trim() == END)
            .ok_or_else(|| format!("`{BEGIN}{}-->` has no `{END}` after it", kind.trim()))?;
        filled.push('\n');
        filled.push_str(&region);
        filled.push('\n');
        filled.push_str(end);
    }
    Ok(filled)
}

/// What a region of `kind` holds: a Markdown table of the exercises, one row each, in course
/// order (the blank lines around it are the caller's).
fn render(kind: &str, course: &Course) -> Result<String, String> {
    // The header, the file a row links to in the exercise's folder, whether the table is in
    // Russian, and whether it has a status column.
    let (header, readme, russian, status) = match kind {
        "exercises" => (
            "| # | exercise | what it teaches | status |\n|---|---|---|---|\n",
            "",
            false,
            true,
        ),
        "student-exercises" => (
            "| # | exercise | what it teaches |\n|---|---|---|\n",
            "",
            false,
            false,
        ),
        "exercises-ru" => (
            "| № | упражнение | чему учит |\n|---|---|---|\n",
            "README.ru.md",
            true,
            false,
        ),
        other => {
            return Err(format!(
                "`{BEGIN}{other} -->` names no table: `exercises`, `student-exercises` or \
                 `exercises-ru`"
            ));
        }
    };
    let mut table = header.to_string();
    for (at, exercise) in course.exercises.iter().enumerate() {
        let summary = if russian {
            &exercise.summary.ru
        } else {
            &exercise.summary.en
        };
        table.push_str(&format!(
            "| {} | [`{}`](exercises/{}/{readme}) | {} |",
            at + 1,
            exercise.name,
            exercise.name,
            cell(summary)
        ));
        if status {
            // Every exercise in the course file is graded.
            table.push_str(" ready |");
        }
        table.push('\n');
    }
    Ok(table)
}

/// A text as one cell of a Markdown table.
fn cell(text: &str) -> String {
    text.replace('|', "\\|").replace('\n', " ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn course_root() -> std::path::PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
    }

    #[test]
    fn the_generated_files_are_up_to_date() {
        let root = course_root();
        let course = Course::load(&root).unwrap();
        for file in generated(&root, &course).unwrap() {
            assert!(
                file.is_current(&root),
                "{} is not as `cargo run -p grader -- dev update` writes it",
                file.path
            );
        }
    }

    #[test]
    fn a_region_is_written_anew_and_the_rest_kept() {
        let course = Course::load(&course_root()).unwrap();
        let text = "# Title\n\n<!-- dev update: exercises-ru -->\nold\n<!-- /dev update -->\nend\n";
        let filled = fill_regions(text, &course).unwrap();
        assert!(filled.starts_with("# Title\n\n<!-- dev update: exercises-ru -->\n\n| № |"));
        assert!(
            filled.ends_with("|\n\n<!-- /dev update -->\nend\n"),
            "{filled}"
        );
        assert!(!filled.contains("old"));
        assert_eq!(fill_regions(&filled, &course).unwrap(), filled);
    }

    #[test]
    fn a_broken_region_is_an_error() {
        let course = Course::load(&course_root()).unwrap();
        let open = "<!-- dev update: exercises -->\n| table |\n";
        assert!(fill_regions(open, &course).unwrap_err().contains("no `"));
        let unknown = "<!-- dev update: points -->\n<!-- /dev update -->\n";
        assert!(
            fill_regions(unknown, &course)
                .unwrap_err()
                .contains("names no table")
        );
    }
}
