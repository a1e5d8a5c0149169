//! `cargo run -p grader -- reset NAME`: puts an exercise's folder back as it was shipped (the
//! repository's first commit), after asking.

use std::io::BufRead;
use std::path::Path;
use std::process::Command;

use crate::course::Exercise;
use crate::tr;

/// Restores `exercises/<dir>` of the course at `root` from the first commit, once `confirm`
/// says yes to the question it is given.
pub fn reset(
    root: &Path,
    exercise: &Exercise,
    confirm: impl FnOnce(&str) -> bool,
) -> Result<String, String> {
    let folder = format!("exercises/{}", exercise.dir);
    let git = |args: &[&str]| {
        Command::new("git")
            .arg("-C")
            .arg(root)
            .args(args)
            .output()
            .map_err(|error| format!("cannot run git: {error}"))
    };
    let first = git(&["rev-list", "--max-parents=0", "HEAD"])?;
    let first = String::from_utf8_lossy(&first.stdout)
        .lines()
        .last()
        .unwrap_or("")
        .to_string();
    if first.is_empty() {
        return Err(tr!("reset-no-history", root = root.display().to_string()));
    }
    let question = tr!("reset-question", folder = folder.as_str());
    if !confirm(&question) {
        return Ok(tr!("reset-declined"));
    }
    let restored = git(&["checkout", &first, "--", &folder])?;
    if !restored.status.success() {
        return Err(String::from_utf8_lossy(&restored.stderr).trim().to_string());
    }
    Ok(tr!("reset-done", folder = folder.as_str()))
}

/// Asks on the terminal; see [`is_yes`].
pub fn ask(question: &str) -> bool {
    eprint!("{question} [y/N] ");
    let mut answer = String::new();
    let _ = std::io::stdin().lock().read_line(&mut answer);
    is_yes(&answer)
}

/// "y" or "yes", or in Russian "д" or "да" (whatever the language of the messages: a keyboard
/// may be in either layout); anything else is no.
pub fn is_yes(answer: &str) -> bool {
    matches!(
        answer.trim().to_lowercase().as_str(),
        "y" | "yes" | "д" | "да"
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::course::Course;

    /// A git repository whose first commit ships exercise 1's stub as `shipped`.
    fn shipped_course() -> (tempfile::TempDir, Exercise) {
        let root = tempfile::tempdir().unwrap();
        let course = Course::load(&Path::new(env!("CARGO_MANIFEST_DIR")).join("..")).unwrap();
        let exercise = course.exercises[0].clone();
        let stub = root
            .path()
            .join("exercises")
            .join(&exercise.dir)
            .join("src");
        std::fs::create_dir_all(&stub).unwrap();
        std::fs::write(stub.join("lib.rs"), "shipped\n").unwrap();
        let git = |args: &[&str]| {
            let status = isolated_git(root.path())
                .args(["-c", "user.name=t", "-c", "user.email=t@t"])
                .args([
                    "-c",
                    "commit.gpgsign=false",
                    "-c",
                    "core.hooksPath=/dev/null",
                ])
                .args(args)
                .status()
                .unwrap();
            assert!(status.success(), "git {args:?}");
        };
        git(&["init", "-q"]);
        git(&["add", "."]);
        git(&["commit", "-qm", "shipped"]);
        // A later commit of the student's work: reset goes back to the first one, not to it.
        std::fs::write(stub.join("lib.rs"), "committed work\n").unwrap();
        git(&["commit", "-qam", "work"]);
        (root, exercise)
    }

    /// git in `dir`, blind to a repository the tests themselves may run in (from a hook, with
    /// `GIT_DIR` set) and to one above `dir`.
    fn isolated_git(dir: &Path) -> Command {
        let mut git = Command::new("git");
        git.arg("-C").arg(dir);
        for name in [
            "GIT_DIR",
            "GIT_INDEX_FILE",
            "GIT_WORK_TREE",
            "GIT_OBJECT_DIRECTORY",
        ] {
            git.env_remove(name);
        }
        if let Some(parent) = dir.parent() {
            git.env("GIT_CEILING_DIRECTORIES", parent);
        }
        git
    }

    fn stub_text(root: &Path, exercise: &Exercise) -> String {
        let path = root
            .join("exercises")
            .join(&exercise.dir)
            .join("src/lib.rs");
        std::fs::read_to_string(path).unwrap()
    }

    #[test]
    fn reset_asks_first_then_restores_the_shipped_stub() {
        let (root, exercise) = shipped_course();
        std::fs::write(
            root.path()
                .join("exercises")
                .join(&exercise.dir)
                .join("src/lib.rs"),
            "unsaved work\n",
        )
        .unwrap();

        let mut asked = String::new();
        let said = reset(root.path(), &exercise, |question| {
            asked = question.to_string();
            false
        })
        .unwrap();
        assert!(asked.contains("exercises/01-factorial-gather"), "{asked}");
        assert_eq!(said, "Nothing was changed.");
        assert_eq!(stub_text(root.path(), &exercise), "unsaved work\n");

        let said = reset(root.path(), &exercise, |_| true).unwrap();
        assert_eq!(said, "exercises/01-factorial-gather is as shipped again.");
        assert_eq!(stub_text(root.path(), &exercise), "shipped\n");
    }

    #[test]
    fn without_history_there_is_nothing_to_go_back_to() {
        let root = tempfile::tempdir().unwrap();
        let inside_a_repository = Command::new("git")
            .arg("-C")
            .arg(root.path())
            .args(["rev-parse", "--git-dir"])
            .output()
            .is_ok_and(|output| output.status.success());
        if inside_a_repository {
            eprintln!("skipped: the temporary folder is inside a git repository");
            return;
        }
        let course = Course::load(&Path::new(env!("CARGO_MANIFEST_DIR")).join("..")).unwrap();
        let error = reset(root.path(), &course.exercises[0], |_| true).unwrap_err();
        assert!(
            error.contains("not a git repository with history"),
            "{error}"
        );
    }

    #[test]
    fn yes_is_yes_in_either_language() {
        for answer in ["y\n", "YES", " да ", "Д"] {
            assert!(is_yes(answer), "{answer:?}");
        }
        for answer in ["", "n", "no", "нет", "yes please"] {
            assert!(!is_yes(answer), "{answer:?}");
        }
    }
}
