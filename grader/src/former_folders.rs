//! An exercise's former folders (course.toml's `former_dirs`): where a copy of the course made
//! before the exercise's folder was renamed keeps its answers (`exercises/01-factorial-gather`
//! for `exercises/factorial-gather`).
//!
//! The instructor's side takes the answers from there when the exercise's own folder is absent
//! ([`answers_folder`], for `--submission`). In a student's own copy nothing is taken from a
//! former folder: the grade and `reset` say what to move ([`require_moved`], [`left_behind`]).

use std::path::Path;

use crate::course::{Exercise, Variant};
use crate::tr;

/// The folder of `submission` that holds an exercise's answers, relative to it: the exercise's
/// own (`exercises/NAME`) when it is there, else the first of its former folders that is, else
/// its own (then every answer is the stub's). A link counts as a folder here, so that the
/// caller, which refuses links, says so.
pub fn answers_folder(submission: &Path, exercise: &Exercise) -> String {
    let own = exercise.exercise_folder();
    if is_folder(&submission.join(&own)) {
        return own;
    }
    present(submission, exercise)
        .into_iter()
        .next()
        .unwrap_or(own)
}

/// The former folders of an exercise that the copy at `root` holds, relative to it
/// (`exercises/01-factorial-gather`). A file of that name is no folder, and does not count.
pub fn present(root: &Path, exercise: &Exercise) -> Vec<String> {
    present_dirs(root, exercise)
        .map(|dir| format!("{}/{dir}", Variant::Exercise.folder()))
        .collect()
}

/// The names of the former folders that the copy at `root` holds under `exercises/`.
fn present_dirs<'a>(root: &'a Path, exercise: &'a Exercise) -> impl Iterator<Item = &'a str> {
    let exercises = root.join(Variant::Exercise.folder());
    exercise
        .former_dirs
        .iter()
        .filter(move |dir| is_folder(&exercises.join(dir)))
        .map(String::as_str)
}

/// Fails, saying which folder to move, when the exercise's folder is missing from a student's
/// copy at `root` while a former one is there. Nothing can be built then: the harnesses name
/// the exercise's folder. (Through `cargo run` cargo says so first, naming the missing
/// folder's `Cargo.toml`; this speaks when the grader runs from elsewhere, as with `--root`.)
pub fn require_moved(root: &Path, exercise: &Exercise) -> Result<(), String> {
    if is_folder(&root.join(exercise.exercise_folder())) {
        return Ok(());
    }
    match present_dirs(root, exercise).next() {
        Some(former) => Err(tr!(
            "course-former-folder-only",
            exercise = exercise.name.as_str(),
            former = former
        )),
        None => Ok(()),
    }
}

/// What to tell a student whose copy at `root` still holds a former folder of the exercise
/// beside its own: the former is not graded, and what it holds should move.
pub fn left_behind(root: &Path, exercise: &Exercise) -> Vec<String> {
    present_dirs(root, exercise)
        .map(|former| {
            tr!(
                "course-former-folder-left",
                exercise = exercise.name.as_str(),
                former = former,
                answers = exercise.answers.join(", ")
            )
        })
        .collect()
}

/// Whether `path` is a folder, or a link (not followed: what it points at is not looked at).
fn is_folder(path: &Path) -> bool {
    std::fs::symlink_metadata(path)
        .is_ok_and(|metadata| metadata.is_dir() || metadata.file_type().is_symlink())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::course::Course;

    fn factorial_gather() -> Exercise {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
        let course = Course::load(&root).unwrap();
        course.find("factorial-gather").unwrap().clone()
    }

    #[test]
    fn answers_come_from_a_former_folder_only_when_the_exercises_own_is_absent() {
        let exercise = factorial_gather();
        assert_eq!(exercise.former_dirs, ["01-factorial-gather"]);
        let submission = tempfile::tempdir().unwrap();
        let path = |relative: &str| submission.path().join(relative);
        let chosen = || answers_folder(submission.path(), &exercise);
        // Neither: the exercise's own folder (which the stub then fills).
        assert_eq!(chosen(), "exercises/factorial-gather");
        // A file named as the former folder is no folder.
        std::fs::create_dir_all(path("exercises")).unwrap();
        std::fs::write(path("exercises/01-factorial-gather"), "").unwrap();
        assert_eq!(chosen(), "exercises/factorial-gather");
        assert!(present(submission.path(), &exercise).is_empty());
        std::fs::remove_file(path("exercises/01-factorial-gather")).unwrap();
        std::fs::create_dir_all(path("exercises/01-factorial-gather/src")).unwrap();
        assert_eq!(chosen(), "exercises/01-factorial-gather");
        std::fs::create_dir_all(path("exercises/factorial-gather")).unwrap();
        assert_eq!(chosen(), "exercises/factorial-gather");
        assert_eq!(
            present(submission.path(), &exercise),
            ["exercises/01-factorial-gather"]
        );
    }

    #[test]
    fn a_student_is_told_which_folder_to_move() {
        let exercise = factorial_gather();
        let copy = tempfile::tempdir().unwrap();
        let path = |relative: &str| copy.path().join(relative);
        assert!(require_moved(copy.path(), &exercise).is_ok());
        assert!(left_behind(copy.path(), &exercise).is_empty());

        std::fs::create_dir_all(path("exercises/01-factorial-gather/src")).unwrap();
        let error = require_moved(copy.path(), &exercise).unwrap_err();
        assert!(
            error.contains("`git mv exercises/01-factorial-gather exercises/factorial-gather`"),
            "{error}"
        );

        std::fs::create_dir_all(path("exercises/factorial-gather/src")).unwrap();
        assert!(require_moved(copy.path(), &exercise).is_ok());
        let notes = left_behind(copy.path(), &exercise);
        assert_eq!(notes.len(), 1);
        assert!(
            notes[0].contains(
                "Move what you wrote in exercises/01-factorial-gather/ (src/, prediction.txt) \
                 into exercises/factorial-gather/, then delete exercises/01-factorial-gather/."
            ),
            "{}",
            notes[0]
        );
    }
}
