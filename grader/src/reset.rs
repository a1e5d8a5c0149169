//! `cargo run -p grader -- reset NAME`: puts an exercise's answer files (`answers` in
//! `course.toml`: `src/`, a prediction) back as they were shipped, after asking. A student's copy
//! was shipped as its first commit; the course repository (the one with `solutions/`) ships what
//! HEAD holds. Nothing else of the exercise is touched (its READMEs stay as they are), and nothing
//! is staged: `git restore --worktree`. A copy shipped before the course renamed the exercise's
//! folder gets its files from the former folder of that commit, into the folder of today.

use std::io::BufRead;
use std::path::Path;

use crate::course::{Exercise, Variant};
use crate::{former_folders, git, tr};

/// Restores the answer files of `exercise` in the course at `root`, once `confirm` says yes to
/// the question it is given. An answer file that the shipped commit does not have (an exercise
/// added later) is left as it is, and the reply names it.
pub fn reset(
    root: &Path,
    exercise: &Exercise,
    confirm: impl FnOnce(&str) -> bool,
) -> Result<String, String> {
    let course_repository = root.join(Variant::Solution.folder()).is_dir();
    let (source, commit) = if course_repository {
        ("head", git::commit(root, "HEAD"))
    } else {
        ("first", git::first_commit(root))
    };
    let Some(commit) = commit else {
        return Err(tr!("reset-no-history", root = root.display().to_string()));
    };
    // A copy made before the course renamed the exercise's folder shipped it in a former one:
    // its files are put back into the exercise's folder of today.
    former_folders::require_moved(root, exercise)?;
    let folder = exercise.exercise_folder();
    let mut shipped_folder = folder.clone();
    for candidate in std::iter::once(folder.clone()).chain(exercise.former_exercise_folders()) {
        if git::has(root, &commit, &candidate)? {
            shipped_folder = candidate;
            break;
        }
    }
    let (mut shipped, mut not_shipped) = (Vec::new(), Vec::new());
    for answer in &exercise.answers {
        let path = format!("{folder}/{answer}");
        let from = format!("{shipped_folder}/{}", answer.trim_end_matches('/'));
        if git::has(root, &commit, &from)? {
            shipped.push((path, from));
        } else {
            not_shipped.push(path);
        }
    }
    let short = git::short(&commit);
    if shipped.is_empty() {
        return Err(tr!(
            "reset-nothing",
            files = not_shipped.join(", "),
            source = source,
            commit = short
        ));
    }
    let files = shipped
        .iter()
        .map(|(path, _)| path.as_str())
        .collect::<Vec<_>>()
        .join(", ");
    let question = tr!(
        "reset-question",
        files = files.as_str(),
        source = source,
        commit = short
    );
    if !confirm(&question) {
        return Ok(tr!("reset-declined"));
    }
    if shipped_folder == folder {
        let paths: Vec<String> = shipped.into_iter().map(|(_, from)| from).collect();
        git::restore(root, &commit, &paths)?;
    } else {
        for (path, from) in &shipped {
            git::restore_to(root, &commit, from, path.trim_end_matches('/'))?;
        }
    }
    let mut said = tr!(
        "reset-done",
        files = files.as_str(),
        source = source,
        commit = short
    );
    if !not_shipped.is_empty() {
        said.push('\n');
        said.push_str(&tr!(
            "reset-not-restored",
            files = not_shipped.join(", "),
            source = source,
            commit = short
        ));
    }
    for note in former_folders::left_behind(root, exercise) {
        said.push('\n');
        said.push_str(&note);
    }
    Ok(said)
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
    use crate::git::scratch::Repository;

    /// factorial-gather (answers: `src/` and `prediction.txt`) and fastest-ip (answers: `src/`).
    fn exercises() -> (Exercise, Exercise) {
        let course = Course::load(&Path::new(env!("CARGO_MANIFEST_DIR")).join("..")).unwrap();
        let exercise = |name: &str| course.find(name).unwrap().clone();
        (exercise("factorial-gather"), exercise("fastest-ip"))
    }

    const FOLDER: &str = "exercises/factorial-gather/";
    const LIB: &str = "exercises/factorial-gather/src/lib.rs";
    const PREDICTION: &str = "exercises/factorial-gather/prediction.txt";
    const README: &str = "exercises/factorial-gather/README.md";
    const LIB_2: &str = "exercises/fastest-ip/src/lib.rs";

    /// A student's copy: the first commit ships factorial-gather; a later one holds their work.
    fn students_copy() -> Repository {
        let copy = Repository::init();
        copy.write(LIB, "shipped\n");
        copy.write(PREDICTION, "shipped prediction\n");
        copy.write(README, "shipped readme\n");
        copy.commit("shipped");
        copy.write(LIB, "committed work\n");
        copy.commit("work");
        copy
    }

    #[test]
    fn reset_asks_first_then_restores_the_shipped_answers_only() {
        let (exercise, _) = exercises();
        let copy = students_copy();
        copy.write(LIB, "unsaved work\n");
        copy.write(PREDICTION, "my prediction\n");
        copy.write(README, "my notes in the readme\n");

        let mut asked = String::new();
        let said = reset(copy.path(), &exercise, |question| {
            asked = question.to_string();
            false
        })
        .unwrap();
        assert!(
            asked.contains(
                "exercises/factorial-gather/src/, exercises/factorial-gather/prediction.txt"
            ) && asked.contains("the first commit"),
            "{asked}"
        );
        assert_eq!(said, "Nothing was changed.");
        assert_eq!(copy.read(LIB), "unsaved work\n");

        let said = reset(copy.path(), &exercise, |_| true).unwrap();
        assert!(said.contains("Put back as in the first commit"), "{said}");
        assert_eq!(copy.read(LIB), "shipped\n");
        assert_eq!(copy.read(PREDICTION), "shipped prediction\n");
        // Not an answer file: left as it is.
        assert_eq!(copy.read(README), "my notes in the readme\n");
        assert_eq!(copy.staged(), "", "reset stages nothing");
    }

    #[test]
    fn an_answer_added_after_the_first_commit_is_named_not_restored() {
        let (first, second) = exercises();
        // Shipped without prediction.txt and without fastest-ip, both added later.
        let copy = Repository::init();
        copy.write(LIB, "shipped\n");
        copy.commit("shipped");
        copy.write(PREDICTION, "added later\n");
        copy.write(LIB_2, "fastest-ip, added later\n");
        copy.commit("fastest-ip");
        copy.write(LIB, "work\n");
        copy.write(PREDICTION, "my prediction\n");
        copy.write(LIB_2, "work on fastest-ip\n");

        let said = reset(copy.path(), &first, |_| true).unwrap();
        assert_eq!(copy.read(LIB), "shipped\n");
        assert_eq!(copy.read(PREDICTION), "my prediction\n");
        assert!(
            said.contains("Not restored")
                && said.contains("exercises/factorial-gather/prediction.txt"),
            "{said}"
        );

        let error = reset(copy.path(), &second, |_| panic!("nothing to ask")).unwrap_err();
        assert!(
            error.contains("has none of exercises/fastest-ip/src/"),
            "{error}"
        );
        assert_eq!(copy.read(LIB_2), "work on fastest-ip\n");
        assert_eq!(copy.staged(), "");
    }

    #[test]
    fn in_the_course_repository_reset_takes_heads_stubs() {
        let (first, second) = exercises();
        // A clone of the course: solutions/, and fastest-ip added after the first commit.
        let course = Repository::init();
        course.write("solutions/factorial-gather/src/lib.rs", "solution\n");
        course.write(LIB, "first stub\n");
        course.write(README, "first readme\n");
        course.commit("factorial-gather");
        course.write(LIB, "stub\n");
        course.write(PREDICTION, "prediction stub\n");
        course.write(README, "readme\n");
        course.write(LIB_2, "stub 2\n");
        course.commit("fastest-ip");
        course.write(LIB, "tried out\n");
        course.write(README, "readme, being edited\n");
        course.write(LIB_2, "tried out 2\n");

        let said = reset(course.path(), &first, |question| {
            assert!(question.contains("the last commit"), "{question}");
            true
        })
        .unwrap();
        assert!(!said.contains("Not restored"), "{said}");
        assert_eq!(course.read(LIB), "stub\n");
        assert_eq!(course.read(PREDICTION), "prediction stub\n");
        assert_eq!(course.read(README), "readme, being edited\n");

        reset(course.path(), &second, |_| true).unwrap();
        assert_eq!(course.read(LIB_2), "stub 2\n");
        assert_eq!(course.staged(), "", "reset stages nothing");
    }

    /// A student's copy shipped before the course renamed factorial-gather's folder.
    const FORMER: &str = "exercises/01-factorial-gather";

    fn shipped_before_the_rename() -> Repository {
        let copy = Repository::init();
        copy.write(&format!("{FORMER}/src/lib.rs"), "shipped\n");
        copy.write(&format!("{FORMER}/prediction.txt"), "shipped prediction\n");
        copy.commit("shipped");
        copy
    }

    #[test]
    fn a_copy_shipped_before_the_rename_gets_its_stub_back_in_the_exercises_folder() {
        let (exercise, _) = exercises();
        let copy = shipped_before_the_rename();
        copy.git(&["mv", FORMER, "exercises/factorial-gather"]);
        copy.write(LIB, "committed work\n");
        copy.write(
            "exercises/factorial-gather/src/helper.rs",
            "committed helper\n",
        );
        copy.commit("moved, and work");
        copy.write(
            "exercises/factorial-gather/src/notes.rs",
            "untracked notes\n",
        );
        copy.write(PREDICTION, "my prediction\n");

        let said = reset(copy.path(), &exercise, |question| {
            assert!(question.contains(&format!("{FOLDER}src/")), "{question}");
            true
        })
        .unwrap();
        assert!(said.contains("Put back as in the first commit"), "{said}");
        assert_eq!(copy.read(LIB), "shipped\n");
        assert_eq!(copy.read(PREDICTION), "shipped prediction\n");
        // As `git restore` does: a tracked file the shipped folder lacks goes, an untracked
        // one stays.
        assert!(
            !copy
                .path()
                .join("exercises/factorial-gather/src/helper.rs")
                .exists()
        );
        assert_eq!(
            copy.read("exercises/factorial-gather/src/notes.rs"),
            "untracked notes\n"
        );
        assert!(!copy.path().join(FORMER).exists());
        assert_eq!(copy.staged(), "", "reset stages nothing");
    }

    #[test]
    fn a_former_folder_left_beside_the_exercises_folder_is_named() {
        let (exercise, _) = exercises();
        let copy = shipped_before_the_rename();
        copy.write(LIB, "work, moved by hand\n");
        let said = reset(copy.path(), &exercise, |_| true).unwrap();
        assert_eq!(copy.read(LIB), "shipped\n");
        assert!(
            said.contains("exercises/01-factorial-gather/ is this exercise's folder from before"),
            "{said}"
        );
    }

    #[test]
    fn only_a_former_folder_is_moved_first() {
        let (exercise, _) = exercises();
        let copy = shipped_before_the_rename();
        copy.write(&format!("{FORMER}/src/lib.rs"), "work\n");
        let error = reset(copy.path(), &exercise, |_| panic!("nothing to ask")).unwrap_err();
        assert!(
            error.contains("`git mv exercises/01-factorial-gather exercises/factorial-gather`"),
            "{error}"
        );
        assert_eq!(copy.read(&format!("{FORMER}/src/lib.rs")), "work\n");
        assert!(!copy.path().join(FOLDER).exists());
    }

    #[test]
    fn without_history_there_is_nothing_to_go_back_to() {
        let Some(folder) = Repository::outside_git() else {
            return;
        };
        let (exercise, _) = exercises();
        let error = reset(folder.path(), &exercise, |_| true).unwrap_err();
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
