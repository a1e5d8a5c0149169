//! `cargo run -p grader -- export --classroom50 DIR`: the folder an instructor commits as
//! `<classroom>/autograders/<assignment>/` in Classroom 50's configuration repository.
//!
//! Classroom 50's runner downloads it as a tarball (at most 10 MB), unpacks it, and runs its
//! `autograder.py` with Python, in the student's checkout (see `classroom50/autograder.py`,
//! which says what it does). Beside it goes `course/`: the student template, whose grader
//! grades the checkout's answer files with `--submission`.
//!
//! The folder is published on Pages, where students can read it: the instructor's hidden
//! scenarios go in only with `--with-hidden`, knowingly.

use std::path::Path;

use crate::course::Course;
use crate::export::Stubs;

/// The entry point, in the course and in the folder.
const AUTOGRADER: &str = "classroom50/autograder.py";

/// The largest bundle Classroom 50's runner downloads (compressed).
const MOST_BYTES: u64 = 10 * 1024 * 1024;

/// Writes the autograder folder of the course at `root` into `dir`; returns its size in bytes.
pub fn export(root: &Path, dir: &Path, stubs: Stubs, with_hidden: bool) -> Result<u64, String> {
    let course_dir = dir.join("course");
    crate::export::export_with(root, &course_dir, stubs)?;
    let entry = dir.join("autograder.py");
    std::fs::copy(root.join(AUTOGRADER), &entry)
        .map_err(|error| format!("cannot copy {AUTOGRADER}: {error}"))?;
    if with_hidden {
        let course = Course::load(root)?;
        for exercise in &course.exercises {
            for private in &exercise.private {
                let private = private.trim_end_matches('/');
                let from = exercise.fixtures_dir(root).join(private);
                let to = exercise.fixtures_dir(&course_dir).join(private);
                copy_tree(&from, &to)
                    .map_err(|error| format!("cannot copy {}: {error}", from.display()))?;
            }
        }
        crate::integrity::seal(&course_dir)?;
    }
    let size =
        folder_size(dir).map_err(|error| format!("cannot measure {}: {error}", dir.display()))?;
    if size > MOST_BYTES {
        return Err(format!(
            "{} holds {size} bytes: Classroom 50 takes at most {MOST_BYTES} (compressed)",
            dir.display()
        ));
    }
    Ok(size)
}

/// Copies a file or a folder, if it is there.
fn copy_tree(from: &Path, to: &Path) -> std::io::Result<()> {
    if from.is_dir() {
        std::fs::create_dir_all(to)?;
        for entry in std::fs::read_dir(from)? {
            let entry = entry?;
            copy_tree(&entry.path(), &to.join(entry.file_name()))?;
        }
    } else if from.is_file() {
        if let Some(parent) = to.parent() {
            std::fs::create_dir_all(parent)?;
        }
        std::fs::copy(from, to)?;
    }
    Ok(())
}

fn folder_size(dir: &Path) -> std::io::Result<u64> {
    let mut size = 0;
    for entry in std::fs::read_dir(dir)? {
        let entry = entry?;
        let kind = entry.file_type()?;
        if kind.is_dir() {
            size += folder_size(&entry.path())?;
        } else if kind.is_file() {
            size += entry.metadata()?.len();
        }
    }
    Ok(size)
}
