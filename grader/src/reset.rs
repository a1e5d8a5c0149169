//! `cargo run -p grader -- reset NAME`: puts an exercise's answer files (`answers` in
//! `course.toml`: `src/`, a prediction) back as they were shipped, after asking. A student's copy
//! was shipped as its first commit; the course repository (the one with `solutions/`) ships what
//! HEAD holds. Nothing else of the exercise is touched (its READMEs stay as they are), and nothing
//! is staged: `git restore --worktree`.

use std::io::BufRead;
use std::path::Path;

use crate::course::{Exercise, Variant};
use crate::{git, tr};

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
    let folder = format!("{}/{}", Variant::Exercise.folder(), exercise.dir);
    let (mut shipped, mut not_shipped) = (Vec::new(), Vec::new());
    for answer in &exercise.answers {
        let path = format!("{folder}/{answer}");
        if git::has(root, &commit, path.trim_end_matches('/'))? {
            shipped.push(path);
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
    let files = shipped.join(", ");
    let question = tr!(
        "reset-question",
        files = files.as_str(),
        source = source,
        commit = short
    );
    if !confirm(&question) {
        return Ok(tr!("reset-declined"));
    }
    let paths: Vec<String> = shipped
        .iter()
        .map(|path| path.trim_end_matches('/').to_string())
        .collect();
    git::restore(root, &commit, &paths)?;
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

    /// Exercise 1 (answers: `src/` and `prediction.txt`) and exercise 2 (answers: `src/`).
    /// Exercises 1 and 2, by name: other exercises come between them in the course's order.
    fn exercises() -> (Exercise, Exercise) {
        let course = Course::load(&Path::new(env!("CARGO_MANIFEST_DIR")).join("..")).unwrap();
        let exercise = |name: &str| course.find(name).unwrap().clone();
        (exercise("factorial-gather"), exercise("fastest-ip"))
    }

    const LIB: &str = "exercises/01-factorial-gather/src/lib.rs";
    const PREDICTION: &str = "exercises/01-factorial-gather/prediction.txt";
    const README: &str = "exercises/01-factorial-gather/README.md";
    const LIB_2: &str = "exercises/02-fastest-ip/src/lib.rs";

    /// A student's copy: the first commit ships exercise 1; a later one holds their work.
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
                "exercises/01-factorial-gather/src/, exercises/01-factorial-gather/prediction.txt"
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
        // Shipped without prediction.txt and without exercise 2, both added later.
        let copy = Repository::init();
        copy.write(LIB, "shipped\n");
        copy.commit("shipped");
        copy.write(PREDICTION, "added later\n");
        copy.write(LIB_2, "exercise 2, added later\n");
        copy.commit("exercise 2");
        copy.write(LIB, "work\n");
        copy.write(PREDICTION, "my prediction\n");
        copy.write(LIB_2, "work on exercise 2\n");

        let said = reset(copy.path(), &first, |_| true).unwrap();
        assert_eq!(copy.read(LIB), "shipped\n");
        assert_eq!(copy.read(PREDICTION), "my prediction\n");
        assert!(
            said.contains("Not restored")
                && said.contains("exercises/01-factorial-gather/prediction.txt"),
            "{said}"
        );

        let error = reset(copy.path(), &second, |_| panic!("nothing to ask")).unwrap_err();
        assert!(
            error.contains("has none of exercises/02-fastest-ip/src/"),
            "{error}"
        );
        assert_eq!(copy.read(LIB_2), "work on exercise 2\n");
        assert_eq!(copy.staged(), "");
    }

    #[test]
    fn in_the_course_repository_reset_takes_heads_stubs() {
        let (first, second) = exercises();
        // A clone of the course: solutions/, and exercise 2 added after the first commit.
        let course = Repository::init();
        course.write("solutions/01-factorial-gather/src/lib.rs", "solution\n");
        course.write(LIB, "first stub\n");
        course.write(README, "first readme\n");
        course.commit("exercise 1");
        course.write(LIB, "stub\n");
        course.write(PREDICTION, "prediction stub\n");
        course.write(README, "readme\n");
        course.write(LIB_2, "stub 2\n");
        course.commit("exercise 2");
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
