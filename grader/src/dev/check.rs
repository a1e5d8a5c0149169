//! `dev check`: proves the course, as rustlings' `dev check` does, and names every problem it
//! finds:
//!
//! - the layout: each exercise of `course.toml` has its folders and files, its three packages
//!   carry the names the course file gives them and depend on the workspace-hack, no folder
//!   belongs to no exercise, and the workspace leaves out the exercises' former folders;
//! - the words: no title, summary, hint or message is left as `TODO` or empty (that each is in
//!   English and in Russian, and each hint tier in both, is checked when the course file is
//!   read), and an exercise with `custom` checks has the module that grades them;
//! - the shared copies: a `given.rs` is the same in the stub and in the solution;
//! - the generated files are as `dev update` writes them, and the grading files are sealed;
//! - grading: the reference solutions get full points, the stubs pass no check, and every
//!   timeline snapshot is what `dev snapshots` would write.
//!
//! The grading steps run in this process, through the same runner as a student's grade: one
//! `cargo build` for all the solutions' harnesses, one for all the stubs'.

use std::collections::BTreeSet;
use std::path::Path;

use crate::child::Limits;
use crate::course::{Course, Exercise, Variant};
use crate::dev::snapshots::Recorder;
use crate::dev::update;
use crate::i18n::Localized;
use crate::progress::Progress;
use crate::runner::{Plan, grade};
use crate::verdict::Status;

/// What stands in a text that an author has still to write.
pub const TODO: &str = "TODO";

/// The file a stub and its solution share, byte for byte (what the exercise gives, ready-made).
const GIVEN: &str = "given.rs";

/// Checks the course at `root`; returns the problems found, none when the course is sound.
/// `say` is told what is being done, for a long step. Fails only when checking cannot be done
/// at all (no course file, no cargo).
pub async fn check(
    root: &Path,
    course: &Course,
    target_dir: Option<&Path>,
    say: impl Fn(&str),
) -> Result<Vec<String>, String> {
    let mut problems = Vec::new();
    say("the folders and packages");
    layout(root, course, &mut problems);
    let laid_out = problems.is_empty();
    snapshot_folders(root, course, &mut problems);
    say("the words of course.toml and the custom checks");
    words(course, &mut problems);
    say("the shared copies");
    shared_copies(root, course, &mut problems);
    say("the generated files and the seal");
    for file in update::generated(root, course)? {
        if !file.is_current(root) {
            problems.push(format!(
                "{} is not as `dev update` writes it: run `cargo run -p grader -- dev update`",
                file.path
            ));
        }
    }
    let tampered = crate::integrity::verify(root);
    if !tampered.is_empty() {
        problems.push(format!(
            "the grading files differ from {} ({}): run `cargo run -p grader -- seal`",
            crate::integrity::MANIFEST,
            tampered.join(", ")
        ));
    }
    if !laid_out {
        problems.push(
            "the stubs, the solutions and the snapshots are graded once the folders and \
             packages above are right"
                .to_string(),
        );
        return Ok(problems);
    }
    say("grading the reference solutions");
    solutions(root, target_dir, &mut problems).await?;
    say("recording the timelines of the reference solutions");
    snapshots(root, course, target_dir, &mut problems).await?;
    say("grading the stubs");
    stubs(root, target_dir, &mut problems).await?;
    Ok(problems)
}

/// One of the three folders of an exercise, each a package.
struct Folder {
    /// The top folder: the exercise's is `<top>/<name>`.
    top: &'static str,
    what: &'static str,
    files: &'static [&'static str],
    /// The package's name, as `course.toml` gives it.
    package: fn(&Exercise) -> &str,
    /// A harness has the features `exercise` and `solution`.
    harness: bool,
}

const FOLDERS: &[Folder] = &[
    Folder {
        top: "exercises",
        what: "the stub",
        files: &["Cargo.toml", "src/lib.rs", "README.md", "README.ru.md"],
        package: |exercise| &exercise.name,
        harness: false,
    },
    Folder {
        top: "solutions",
        what: "the reference solution",
        files: &["Cargo.toml", "src/lib.rs"],
        package: |exercise| &exercise.solution,
        harness: false,
    },
    Folder {
        top: "grader/harnesses",
        what: "the harness",
        files: &["Cargo.toml", "src/main.rs"],
        package: |exercise| &exercise.harness,
        harness: true,
    },
];

/// Every exercise has its folders, files and packages; every folder has its exercise.
fn layout(root: &Path, course: &Course, problems: &mut Vec<String>) {
    if !root.join("solutions").is_dir() {
        problems.push(
            "there is no solutions/: dev check proves the course's own copy, not a student's"
                .to_string(),
        );
        return;
    }
    for exercise in &course.exercises {
        for folder in FOLDERS {
            let path = format!("{}/{}", folder.top, exercise.name);
            if !root.join(&path).is_dir() {
                problems.push(format!(
                    "`{}` has no {path}/ ({})",
                    exercise.name, folder.what
                ));
                continue;
            }
            for file in folder.files {
                if !root.join(&path).join(file).is_file() {
                    problems.push(format!("`{}` has no {path}/{file}", exercise.name));
                }
            }
            let package = (folder.package)(exercise);
            package_problems(root, &path, package, folder.harness, problems);
        }
    }
    let tops = FOLDERS.iter().map(|folder| folder.top);
    for top in tops.chain(["fixtures", "grader/golden"]) {
        let Ok(entries) = std::fs::read_dir(root.join(top)) else {
            continue;
        };
        for entry in entries.flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            if !entry.path().is_dir() || course.exercises.iter().any(|e| e.name == name) {
                continue;
            }
            problems.push(match course.find(&name) {
                Some(exercise) => format!(
                    "{top}/{name}/ is the former folder of `{}`: move what it holds into \
                     {top}/{}/",
                    exercise.name, exercise.name
                ),
                None => format!("{top}/{name}/ belongs to no exercise of course.toml (its `name`)"),
            });
        }
    }
    workspace_excludes(root, course, problems);
}

/// The workspace leaves out every former folder of an exercise, under each top folder of a
/// package: a copy that still holds one beside the new folder (two packages of one name) would
/// stop cargo before the grader could say what to move.
fn workspace_excludes(root: &Path, course: &Course, problems: &mut Vec<String>) {
    let Ok(text) = std::fs::read_to_string(root.join("Cargo.toml")) else {
        problems.push("the course has no Cargo.toml".to_string());
        return;
    };
    let excluded: BTreeSet<String> = toml::from_str::<toml::Table>(&text)
        .ok()
        .and_then(|table| table.get("workspace")?.get("exclude")?.as_array().cloned())
        .unwrap_or_default()
        .iter()
        .filter_map(|path| {
            path.as_str()
                .map(|path| path.trim_end_matches('/').to_string())
        })
        .collect();
    for exercise in &course.exercises {
        let tops = FOLDERS.iter().map(|folder| folder.top);
        for folder in tops.flat_map(|top| {
            exercise
                .former_dirs
                .iter()
                .map(move |dir| format!("{top}/{dir}"))
        }) {
            if !excluded.contains(&folder) {
                problems.push(format!(
                    "Cargo.toml's `workspace.exclude` lacks \"{folder}\", a former folder of \
                     `{}`",
                    exercise.name
                ));
            }
        }
    }
}

/// An exercise with scenarios has a folder for their snapshots (a missing snapshot is found
/// when the timelines are recorded).
fn snapshot_folders(root: &Path, course: &Course, problems: &mut Vec<String>) {
    for exercise in &course.exercises {
        let snapshots = exercise.fixtures_dir(root).join("snapshots");
        if !exercise.scenarios.is_empty() && !snapshots.is_dir() {
            problems.push(format!(
                "`{}` has scenarios but no fixtures/{}/snapshots/: run `cargo run -p grader -- \
                 dev snapshots {}`",
                exercise.name, exercise.name, exercise.name
            ));
        }
    }
}

/// The package at `folder` is named `name`, depends on the workspace-hack and, for a harness,
/// has the features `exercise` and `solution`.
fn package_problems(
    root: &Path,
    folder: &str,
    name: &str,
    harness: bool,
    problems: &mut Vec<String>,
) {
    let manifest = format!("{folder}/Cargo.toml");
    let Ok(text) = std::fs::read_to_string(root.join(&manifest)) else {
        return;
    };
    let table: toml::Table = match toml::from_str(&text) {
        Ok(table) => table,
        Err(error) => {
            problems.push(format!("{manifest} is not valid TOML: {error}"));
            return;
        }
    };
    let actual = table
        .get("package")
        .and_then(|package| package.get("name"))
        .and_then(toml::Value::as_str)
        .unwrap_or_default();
    if actual != name {
        problems.push(format!(
            "{manifest} names its package `{actual}`; course.toml says `{name}`"
        ));
    }
    let has_hack = table
        .get("dependencies")
        .is_some_and(|dependencies| dependencies.get("workspace-hack").is_some());
    if !has_hack {
        problems.push(format!(
            "{manifest} lacks `workspace-hack.workspace = true` among its dependencies (see \
             workspace-hack/README.md)"
        ));
    }
    if harness {
        for feature in ["exercise", "solution"] {
            let has = table
                .get("features")
                .is_some_and(|features| features.get(feature).is_some());
            if !has {
                problems.push(format!("{manifest} has no feature `{feature}`"));
            }
        }
    }
}

/// Every text of the course file is written (neither empty nor `TODO`), in both languages, and
/// the custom checks have their code.
fn words(course: &Course, problems: &mut Vec<String>) {
    for exercise in &course.exercises {
        let mut unwritten = Vec::new();
        for (field, text) in texts(exercise) {
            for (lang, text) in [("en", text.en), ("ru", text.ru)] {
                if text.trim().is_empty() || text.trim_start().starts_with(TODO) {
                    unwritten.push(format!("{field}.{lang}"));
                }
            }
        }
        if !unwritten.is_empty() {
            problems.push(format!(
                "course.toml: `{}` has words still to write (empty or `{TODO}`): {}",
                exercise.name,
                unwritten.join(", ")
            ));
        }
        let custom = exercise.custom_checks();
        if custom.is_empty() {
            continue;
        }
        match crate::exercises::check_ids(&exercise.name) {
            None => problems.push(format!(
                "`{}` has custom checks ({}) but grader/src/exercises/ has no module for it",
                exercise.name,
                custom.join(", ")
            )),
            Some(graded) if graded != custom.as_slice() => problems.push(format!(
                "`{}`: course.toml lists the custom checks {custom:?}; its module grades \
                 {graded:?}",
                exercise.name
            )),
            Some(_) => {}
        }
    }
}

/// A text of the course file, borrowed, with the field it is in.
fn one(field: String, text: &Localized<String>) -> (String, Localized<&str>) {
    (
        field,
        Localized {
            en: text.en.as_str(),
            ru: text.ru.as_str(),
        },
    )
}

/// Every text of an exercise in the course file, by the field it is in, in English and Russian.
fn texts(exercise: &Exercise) -> Vec<(String, Localized<&str>)> {
    let mut texts = vec![
        one("title".into(), &exercise.title),
        one("summary".into(), &exercise.summary),
    ];
    let tiers = exercise.hints.en.iter().zip(&exercise.hints.ru);
    for (tier, (en, ru)) in tiers.enumerate() {
        texts.push((format!("hints[{tier}]"), Localized { en, ru }));
    }
    for (at, note) in exercise.compile_errors.iter().enumerate() {
        texts.push(one(format!("compile_error[{at}].message"), &note.message));
    }
    for check in &exercise.checks {
        let id = &check.id;
        texts.push(one(format!("check `{id}` title"), &check.title));
        let optional = [
            ("hint", check.hint.as_ref()),
            ("passed", check.passed.as_ref()),
            (
                "requires.message",
                check.requires.as_ref().map(|r| &r.message),
            ),
            ("advice.line-moved", check.advice.line_moved.as_ref()),
            (
                "advice.ran-in-sequence",
                check.advice.ran_in_sequence.as_ref(),
            ),
        ];
        for (field, text) in optional {
            if let Some(text) = text {
                texts.push(one(format!("check `{id}` {field}"), text));
            }
        }
    }
    texts
}

/// A `given.rs` is the same in the stub and in the solution.
fn shared_copies(root: &Path, course: &Course, problems: &mut Vec<String>) {
    for exercise in &course.exercises {
        let stub = exercise.crate_dir(root, Variant::Exercise).join("src");
        let solution = exercise.crate_dir(root, Variant::Solution).join("src");
        let mut given = BTreeSet::new();
        for src in [&stub, &solution] {
            find_given(src, src, &mut given);
        }
        for relative in given {
            let shown =
                |variant: Variant| format!("{}/{}/src/{relative}", variant.folder(), exercise.name);
            match (
                std::fs::read(stub.join(&relative)),
                std::fs::read(solution.join(&relative)),
            ) {
                (Ok(a), Ok(b)) if a == b => {}
                (Ok(_), Ok(_)) => problems.push(format!(
                    "{} and {} differ: the stub and the solution share it, byte for byte",
                    shown(Variant::Exercise),
                    shown(Variant::Solution)
                )),
                (Ok(_), Err(_)) => problems.push(format!(
                    "{} has no copy in the solution ({})",
                    shown(Variant::Exercise),
                    shown(Variant::Solution)
                )),
                (Err(_), _) => problems.push(format!(
                    "{} has no copy in the stub ({})",
                    shown(Variant::Solution),
                    shown(Variant::Exercise)
                )),
            }
        }
    }
}

/// The `given.rs` files under `folder`, relative to `src`, with `/` separators.
fn find_given(src: &Path, folder: &Path, found: &mut BTreeSet<String>) {
    let Ok(entries) = std::fs::read_dir(folder) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            find_given(src, &path, found);
        } else if entry.file_name() == GIVEN
            && let Ok(relative) = path.strip_prefix(src)
        {
            found.insert(relative.to_string_lossy().replace('\\', "/"));
        }
    }
}

/// Grades every exercise's `variant`, with the grader's own error for the grade's problems.
async fn grade_all(
    root: &Path,
    target_dir: Option<&Path>,
    variant: Variant,
) -> Result<crate::verdict::Grade, String> {
    let plan = Plan {
        root: root.to_path_buf(),
        names: Vec::new(),
        variant,
        limits: Limits::default(),
        seed: rand::random(),
        target_dir: target_dir.map(Path::to_path_buf),
        submission: None,
        work_dir: None,
    };
    grade(&plan, &Progress::hidden()).await
}

/// The reference solutions get full points.
async fn solutions(
    root: &Path,
    target_dir: Option<&Path>,
    problems: &mut Vec<String>,
) -> Result<(), String> {
    let grade = grade_all(root, target_dir, Variant::Solution).await?;
    problems.extend(
        grade
            .problems
            .iter()
            .map(|problem| format!("grading: {problem}")),
    );
    for exercise in &grade.exercises {
        // What kept the grader from grading it is said above, once.
        let prefix = format!("{}: ", exercise.name);
        if grade
            .problems
            .iter()
            .any(|problem| problem.starts_with(&prefix))
        {
            continue;
        }
        for check in &exercise.checks {
            if check.status != Status::Passed {
                let status = serde_json::to_value(check.status).unwrap_or_default();
                let mut problem = format!(
                    "`{}`'s solution does not pass `{}` ({}): {}",
                    exercise.name,
                    check.id,
                    status.as_str().unwrap_or_default(),
                    check.message
                );
                if let Some(details) = &check.details {
                    problem.push('\n');
                    problem.push_str(details);
                }
                problems.push(problem);
            }
        }
    }
    Ok(())
}

/// The stubs pass no check: each is not done yet (a stub that does not compile passes none
/// either).
async fn stubs(
    root: &Path,
    target_dir: Option<&Path>,
    problems: &mut Vec<String>,
) -> Result<(), String> {
    let grade = grade_all(root, target_dir, Variant::Exercise).await?;
    for exercise in &grade.exercises {
        for check in &exercise.checks {
            if check.status == Status::Passed {
                problems.push(format!(
                    "`{}`'s stub already passes `{}`: a student would get its points for nothing",
                    exercise.name, check.id
                ));
            }
        }
    }
    Ok(())
}

/// Every timeline snapshot is there, and is what the reference solution prints now.
async fn snapshots(
    root: &Path,
    course: &Course,
    target_dir: Option<&Path>,
    problems: &mut Vec<String>,
) -> Result<(), String> {
    let exercises: Vec<&Exercise> = course.exercises.iter().collect();
    let recorder = Recorder::build(root, &exercises, target_dir).await?;
    for exercise in exercises {
        let recorded = match recorder.record(exercise).await {
            Ok(recorded) => recorded,
            Err(error) => {
                problems.push(format!("`{}`'s timelines: {error}", exercise.name));
                continue;
            }
        };
        for snapshot in recorded {
            if snapshot.is_stored() {
                continue;
            }
            let path = snapshot.path();
            let shown = path.strip_prefix(root).unwrap_or(&path).display();
            let what = if path.is_file() {
                "differs from what the reference solution prints now"
            } else {
                "is missing"
            };
            problems.push(format!(
                "{shown} {what}: run `cargo run -p grader -- dev snapshots {}`, read the change, \
                 then `seal`",
                exercise.name
            ));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_workspace_must_leave_out_every_former_folder() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
        let course = Course::load(&root).unwrap();
        let mut problems = Vec::new();
        workspace_excludes(&root, &course, &mut problems);
        assert!(problems.is_empty(), "{problems:?}");

        let copy = tempfile::tempdir().unwrap();
        std::fs::write(
            copy.path().join("Cargo.toml"),
            "[workspace]\nmembers = [\"exercises/*\"]\nexclude = [\"exercises/01-factorial-gather\"]\n",
        )
        .unwrap();
        workspace_excludes(copy.path(), &course, &mut problems);
        assert_eq!(problems.len(), 8, "{problems:#?}");
        assert_eq!(
            problems[0],
            "Cargo.toml's `workspace.exclude` lacks \"solutions/01-factorial-gather\", a former \
             folder of `factorial-gather`"
        );
    }
}
