//! Grading a student's answers with the instructor's course: `--submission DIR`, which the
//! instructor-pinned Actions workflow, Classroom 50's autograder and `class` all use.
//!
//! A student's answer is a fixed set of files per exercise, declared in `course.toml`
//! (`answers`: its `src/`, and `prediction.txt` where it has one), in the exercise's folder
//! (`exercises/NAME`), or in a folder it had before it was renamed (`former_dirs`) when a
//! student forked the course then. Everything else in the
//! student's copy (its grader, fixtures, snapshots, manifest, `Cargo.toml`s, workflows) is
//! ignored: the answers are laid over a working copy of the instructor's course, in
//! `target/submission/course` under the instructor's root, built in `target/submission/target`.
//!
//! The instructor's manifest is read once, before any student code runs, and the instructor's
//! copy must match it. The working copy is held to it before each exercise is graded: what a
//! student's program changed while it ran (a later exercise's snapshot, the manifest) is put
//! back first, so one exercise's code cannot change another's grade.

use std::path::{Path, PathBuf};

use crate::course::Course;
use crate::former_folders;
use crate::integrity::{MANIFEST, Sealed};

/// What a working copy leaves out of the instructor's course: build output, history, and the
/// golden cases. (The solutions stay, where the course has them: the harnesses name them.)
const NOT_COPIED: &[&str] = &["target", ".git", "grader/golden"];

/// The instructor's course, copied where students' answers can be laid over it.
#[derive(Debug)]
pub struct WorkingCopy {
    /// The instructor's course.
    root: PathBuf,
    /// The copy, which is graded.
    pub course: PathBuf,
    /// Where the copy builds.
    pub target: PathBuf,
    /// The instructor's manifest, as it was before any student code ran.
    sealed: Sealed,
    /// The grading files' contents, as sealed: what the working copy is put back to.
    grading_files: Vec<(String, Vec<u8>)>,
}

impl WorkingCopy {
    /// Checks the instructor's course at `root` against its manifest and makes (or brings up to
    /// date) its working copy, in `work` (by default `target/submission` under `root`). Files
    /// that did not change keep their times, so that the builds of one submission after
    /// another stay warm.
    pub fn prepare(root: &Path, work: Option<&Path>) -> Result<WorkingCopy, String> {
        let sealed = Sealed::read(root)?;
        let problems = sealed.verify(root);
        if !problems.is_empty() {
            return Err(format!(
                "the instructor's course at {} differs from its manifest ({MANIFEST}): {}. \
                 Run `cargo run -p grader -- seal` there after changing grading files on purpose.",
                root.display(),
                problems.join(", ")
            ));
        }
        let grading_files = sealed.read_files(root)?;
        let base = work.map_or_else(|| root.join("target").join("submission"), Path::to_path_buf);
        let copy = WorkingCopy {
            root: root.to_path_buf(),
            course: base.join("course"),
            target: base.join("target"),
            sealed,
            grading_files,
        };
        copy.restore(&[])?;
        Ok(copy)
    }

    /// Makes the working copy the instructor's course again, but for `keep` (paths relative to
    /// the course, such as the answers just laid).
    fn restore(&self, keep: &[String]) -> Result<(), String> {
        let skip: Vec<String> = NOT_COPIED
            .iter()
            .map(|path| path.to_string())
            .chain(keep.iter().cloned())
            .collect();
        sync(&self.root, &self.course, &self.root, &skip).map_err(|error| {
            format!(
                "cannot copy the course to {}: {error}",
                self.course.display()
            )
        })
    }

    /// Lays each exercise's answer files from `submission` (a student's checkout) over the
    /// working copy's stubs. A file the submission lacks stays as the stub ships it; a symbolic
    /// link, or a file reached through one, is not taken (it could point at anything on the
    /// grading machine). A submission made before an exercise's folder was renamed keeps its
    /// answers in a former folder (`former_dirs`): they are taken from there when the
    /// exercise's own folder is absent. Returns notes on where answers came from and on what
    /// was left out.
    pub fn lay_answers(&self, course: &Course, submission: &Path) -> Result<Vec<String>, String> {
        self.restore(&WorkingCopy::answers(course))?;
        let mut notes = Vec::new();
        for exercise in &course.exercises {
            let own = exercise.exercise_folder();
            let folder = former_folders::answers_folder(submission, exercise);
            if folder == own {
                for former in former_folders::present(submission, exercise) {
                    notes.push(format!(
                        "{}: {former} is there too, the exercise's folder before the course \
                         renamed it: not graded, {own} is",
                        exercise.name
                    ));
                }
            }
            let mut taken = 0;
            for answer in &exercise.answers {
                let answer = answer.trim_end_matches('/');
                let relative = format!("{own}/{answer}");
                let mut from = submission.join(&folder).join(answer);
                if let Some(link) = symbolic_link(submission, &format!("{folder}/{answer}")) {
                    notes.push(format!(
                        "{link} is a symbolic link: {relative} is graded as the stub"
                    ));
                    from = self.root.join(&relative);
                } else if std::fs::symlink_metadata(&from).is_err() {
                    from = self.root.join(&relative);
                } else {
                    taken += 1;
                }
                let to = self.course.join(&relative);
                let result = if from.is_dir() {
                    sync(&from, &to, &from, &[])
                } else if from.is_file() {
                    copy_if_changed(&from, &to)
                } else {
                    remove(&to)
                };
                result.map_err(|error| format!("cannot take {}: {error}", from.display()))?;
            }
            if folder != own {
                notes.push(format!(
                    "{}: {own} is absent, so its answers ({}) were taken from {folder}, its \
                     folder before the course renamed it ({taken} of {} there)",
                    exercise.name,
                    exercise.answers.join(", "),
                    exercise.answers.len()
                ));
            }
        }
        Ok(notes)
    }

    /// The answers' paths, relative to the course, as [`WorkingCopy::restore`] keeps them.
    fn answers(course: &Course) -> Vec<String> {
        course
            .exercises
            .iter()
            .flat_map(|exercise| {
                let folder = exercise.exercise_folder();
                exercise
                    .answers
                    .iter()
                    .map(move |answer| format!("{folder}/{}", answer.trim_end_matches('/')))
            })
            .collect()
    }

    /// Holds the working copy to the instructor's manifest, before an exercise is graded:
    /// whatever a program changed among the grading files is put back. Fails only when that
    /// cannot be done.
    pub fn hold(&self) -> Result<Vec<String>, String> {
        let changed = self.sealed.verify(&self.course);
        if changed.is_empty() {
            return Ok(changed);
        }
        // From the contents read before any student code ran: the instructor's own folder may
        // have been written to as well.
        let put_back = || -> std::io::Result<()> {
            for (path, bytes) in &self.grading_files {
                write_if_changed(bytes, &self.course.join(path))?;
            }
            for problem in &changed {
                if let Some(added) = problem.strip_prefix("added: ") {
                    remove(&self.course.join(added))?;
                }
            }
            Ok(())
        };
        put_back().map_err(|error| format!("cannot put the grading files back: {error}"))?;
        let still = self.sealed.verify(&self.course);
        if !still.is_empty() {
            return Err(format!(
                "the working copy {} cannot be put back: {}",
                self.course.display(),
                still.join(", ")
            ));
        }
        Ok(changed)
    }
}

/// The first part of `relative` (a `/`-separated path under `base`) that is a symbolic link,
/// as a path relative to `base`: `exercises/x` when that folder is a link, even though
/// `exercises/x/src` is not one itself.
fn symbolic_link(base: &Path, relative: &str) -> Option<String> {
    let mut path = base.to_path_buf();
    let mut shown = Vec::new();
    for part in relative.split('/') {
        path.push(part);
        shown.push(part);
        match std::fs::symlink_metadata(&path) {
            Ok(metadata) if metadata.file_type().is_symlink() => return Some(shown.join("/")),
            Ok(_) => {}
            Err(_) => return None,
        }
    }
    None
}

/// Makes the folder `to` hold what `from` holds, writing only the files that differ and
/// removing the ones `from` lacks. `skip` names paths relative to `base` to leave alone on
/// both sides. Symbolic links in `from` are not followed.
fn sync(from: &Path, to: &Path, base: &Path, skip: &[String]) -> std::io::Result<()> {
    if !to.is_dir() {
        remove(to)?;
    }
    std::fs::create_dir_all(to)?;
    let skipped = |path: &Path| {
        path.strip_prefix(base).is_ok_and(|relative| {
            let relative = relative.to_string_lossy().replace('\\', "/");
            skip.contains(&relative)
        })
    };
    let mut names = std::collections::HashSet::new();
    for entry in std::fs::read_dir(from)? {
        let entry = entry?;
        let path = entry.path();
        names.insert(entry.file_name());
        if skipped(&path) {
            continue;
        }
        let target = to.join(entry.file_name());
        let kind = entry.file_type()?;
        if kind.is_dir() {
            sync(&path, &target, base, skip)?;
        } else if kind.is_file() {
            copy_if_changed(&path, &target)?;
        }
    }
    for entry in std::fs::read_dir(to)? {
        let entry = entry?;
        let path = from.join(entry.file_name());
        if names.contains(&entry.file_name()) || skipped(&path) {
            continue;
        }
        if entry.file_type()?.is_dir() {
            std::fs::remove_dir_all(entry.path())?;
        } else {
            std::fs::remove_file(entry.path())?;
        }
    }
    Ok(())
}

/// Removes a file or a folder, if it is there.
fn remove(path: &Path) -> std::io::Result<()> {
    match std::fs::symlink_metadata(path) {
        Ok(metadata) if metadata.is_dir() => std::fs::remove_dir_all(path),
        Ok(_) => std::fs::remove_file(path),
        Err(_) => Ok(()),
    }
}

/// Copies a file unless `to` already holds the same bytes (then it keeps its time).
fn copy_if_changed(from: &Path, to: &Path) -> std::io::Result<()> {
    write_if_changed(&std::fs::read(from)?, to)
}

/// Writes a file unless it already holds these bytes (then it keeps its time).
fn write_if_changed(bytes: &[u8], to: &Path) -> std::io::Result<()> {
    if std::fs::read(to).is_ok_and(|old| old == bytes) {
        return Ok(());
    }
    if let Some(parent) = to.parent() {
        std::fs::create_dir_all(parent)?;
    }
    remove(to)?;
    std::fs::write(to, bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(unix)]
    #[test]
    fn a_link_anywhere_on_the_way_to_an_answer_is_found() {
        let submission = tempfile::tempdir().unwrap();
        let elsewhere = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(elsewhere.path().join("src")).unwrap();
        std::fs::create_dir_all(submission.path().join("exercises/a/src")).unwrap();
        std::os::unix::fs::symlink(elsewhere.path(), submission.path().join("exercises/b"))
            .unwrap();
        std::os::unix::fs::symlink(
            elsewhere.path().join("src"),
            submission.path().join("exercises/a/prediction.txt"),
        )
        .unwrap();
        let link = |relative| symbolic_link(submission.path(), relative);
        assert_eq!(link("exercises/a/src"), None);
        assert_eq!(link("exercises/a/missing.txt"), None);
        assert_eq!(link("exercises/b/src").as_deref(), Some("exercises/b"));
        assert_eq!(
            link("exercises/a/prediction.txt").as_deref(),
            Some("exercises/a/prediction.txt")
        );
    }

    #[test]
    fn sync_writes_only_what_differs_and_removes_the_rest() {
        let (from, to) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
        std::fs::create_dir_all(from.path().join("a/target")).unwrap();
        std::fs::write(from.path().join("a/same.rs"), "same").unwrap();
        std::fs::write(from.path().join("a/new.rs"), "new").unwrap();
        std::fs::write(from.path().join("a/target/big"), "build output").unwrap();
        std::fs::create_dir_all(to.path().join("a/gone")).unwrap();
        std::fs::write(to.path().join("a/same.rs"), "same").unwrap();
        std::fs::write(to.path().join("a/gone/old.rs"), "old").unwrap();
        let before = std::fs::metadata(to.path().join("a/same.rs"))
            .unwrap()
            .modified()
            .unwrap();
        sync(from.path(), to.path(), from.path(), &["a/target".into()]).unwrap();
        assert_eq!(
            std::fs::read_to_string(to.path().join("a/new.rs")).unwrap(),
            "new"
        );
        assert!(!to.path().join("a/gone").exists());
        assert!(!to.path().join("a/target").exists());
        let after = std::fs::metadata(to.path().join("a/same.rs"))
            .unwrap()
            .modified()
            .unwrap();
        assert_eq!(before, after);
    }
}
