//! Classroom 50, end to end: the folder `export --classroom50` writes is graded the way
//! Classroom 50's runner grades a submission, by a stand-in written from its contract
//! (runner.py and the autograder contract of foundation50/classroom50):
//!
//! - the folder is published as `<assignment>.tar.gz`, made with `tar -C autograders
//!   <assignment>`, and unpacked under `$RUNNER_TEMP/classroom50-runtime/`;
//! - `autograder.py` runs with Python, no arguments, in the student's checkout, with the
//!   runner's variables and `CLASSROOM50_BUNDLE_DIR` set to the unpacked folder;
//! - the runner then reads `result.json` and `release-body.md` from the checkout and
//!   `status=`/`summary=` from `$GITHUB_OUTPUT`, and checks the result as its validator does.
//!
//! `$RUNNER_TEMP` is a folder beside this workspace's `target/tmp`, kept between runs, so that
//! only the first run compiles the dependencies.

use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

const CLASSROOM: &str = "rust-101";
const ASSIGNMENT: &str = "async-rust";

fn course_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// The runner's scratch folder, kept between runs of this test.
fn runner_temp() -> PathBuf {
    Path::new(env!("CARGO_TARGET_TMPDIR"))
        .parent()
        .unwrap()
        .join("classroom50")
}

fn run(command: &mut Command) {
    let status = command.status().unwrap();
    assert!(status.success(), "{command:?}: {status}");
}

/// Copies a folder, but for `target/`.
fn copy(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        if entry.file_name() == "target" {
            continue;
        }
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

fn python() -> Option<&'static str> {
    ["python3", "python"].into_iter().find(|python| {
        Command::new(python)
            .arg("--version")
            .output()
            .is_ok_and(|output| output.status.success())
    })
}

#[test]
fn the_autograder_folder_grades_a_submission_as_classroom_50_runs_it() {
    let Some(python) = python() else {
        eprintln!("no Python here: Classroom 50's stand-in cannot run");
        return;
    };
    let root = course_root().canonicalize().unwrap();
    let work = tempfile::tempdir().unwrap();

    // The instructor's configuration repository, and the tarball publish-pages makes of it.
    let autograders = work.path().join(CLASSROOM).join("autograders");
    grader::classroom50::export(
        &root,
        &autograders.join(ASSIGNMENT),
        grader::export::Stubs::Committed,
        false,
    )
    .unwrap();
    let tarball = work.path().join(format!("{ASSIGNMENT}.tar.gz"));
    run(Command::new("tar")
        .arg("-czf")
        .arg(&tarball)
        .arg("-C")
        .arg(&autograders)
        .arg(ASSIGNMENT));
    let size = std::fs::metadata(&tarball).unwrap().len();
    assert!(size < 10 * 1024 * 1024, "the bundle is {size} bytes");

    // The runner unpacks it into a fresh scratch folder.
    let runner_temp = runner_temp();
    let runtime = runner_temp.join("classroom50-runtime");
    let _ = std::fs::remove_dir_all(&runtime);
    std::fs::create_dir_all(&runtime).unwrap();
    run(Command::new("tar")
        .arg("-xzf")
        .arg(&tarball)
        .arg("-C")
        .arg(&runtime));
    let bundle = runtime.join(ASSIGNMENT);
    assert!(bundle.join("autograder.py").is_file());

    // The student's checkout: the template, factorial-gather solved, and a cargo configuration that
    // would break any build run from it (the autograder must build from its own folder).
    let checkout = work.path().join("checkout");
    copy(&bundle.join("course"), &checkout);
    let solution = root.join("solutions/factorial-gather");
    let exercise = checkout.join("exercises/factorial-gather");
    std::fs::copy(solution.join("src/lib.rs"), exercise.join("src/lib.rs")).unwrap();
    std::fs::copy(
        solution.join("prediction.txt"),
        exercise.join("prediction.txt"),
    )
    .unwrap();
    std::fs::create_dir_all(checkout.join(".cargo")).unwrap();
    std::fs::write(
        checkout.join(".cargo/config.toml"),
        "[build]\nrustc = \"/nonexistent/rustc\"\n",
    )
    .unwrap();
    // A result left by the student must not count.
    std::fs::write(checkout.join("result.json"), "{\"score\": 100}").unwrap();

    let github_output = work.path().join("github-output");
    run_autograder(python, &bundle, &checkout, &github_output, &runner_temp);

    // What the runner reads, checked as its validator checks it.
    let result: Value =
        serde_json::from_str(&std::fs::read_to_string(checkout.join("result.json")).unwrap())
            .unwrap();
    assert_eq!(result["schema"], "classroom50/result/v1");
    assert_eq!(result["classroom"], CLASSROOM);
    assert_eq!(result["assignment"], ASSIGNMENT);
    assert_eq!(result["owner"], "ann");
    assert_eq!(result["assignment_type"], "individual");
    assert!(
        result["submission"]
            .as_str()
            .unwrap()
            .starts_with("submit/")
    );
    for link in ["commit", "release", "review", "datetime"] {
        assert!(!result[link].as_str().unwrap().is_empty(), "{link}");
    }
    let (score, max_score) = (
        result["score"].as_u64().unwrap(),
        result["max-score"].as_u64().unwrap(),
    );
    assert!(score <= max_score);
    let tests = result["tests"].as_array().unwrap();
    assert!(!tests.is_empty());
    let mut sum = 0;
    for test in tests {
        let (got, most) = (
            test["score"].as_u64().unwrap(),
            test["max-score"].as_u64().unwrap(),
        );
        assert!(!test["test-name"].as_str().unwrap().is_empty() && got <= most);
        assert!(test["passed"].is_boolean());
        sum += got;
        let solved = test["test-name"]
            .as_str()
            .unwrap()
            .starts_with("factorial-gather/");
        assert_eq!(test["passed"], solved, "{test}");
    }
    assert_eq!(sum, score);
    assert_eq!(
        score, 5,
        "factorial-gather is worth 5 points, and only it is solved"
    );
    let body = std::fs::read_to_string(checkout.join("release-body.md")).unwrap();
    assert!(body.contains("factorial-gather/gather"), "{body}");
    let outputs = std::fs::read_to_string(&github_output).unwrap();
    assert!(outputs.contains("status=failure\n"), "{outputs}");
    // The course's total grows with each exercise: the result's own max-score is it.
    assert!(
        outputs.contains(&format!("summary=5/{max_score} points")),
        "{outputs}"
    );

    // The same student, had they forked before the course renamed the exercises' folders: the
    // answers sit in factorial-gather's former folder, and grade the same.
    std::fs::rename(
        checkout.join("exercises/factorial-gather"),
        checkout.join("exercises/01-factorial-gather"),
    )
    .unwrap();
    std::fs::remove_file(&github_output).unwrap();
    std::fs::write(checkout.join("result.json"), "{\"score\": 100}").unwrap();
    run_autograder(python, &bundle, &checkout, &github_output, &runner_temp);
    let renamed: Value =
        serde_json::from_str(&std::fs::read_to_string(checkout.join("result.json")).unwrap())
            .unwrap();
    assert_eq!(renamed["score"], 5, "{renamed}");
    assert_eq!(renamed["tests"], result["tests"]);
    let outputs = std::fs::read_to_string(&github_output).unwrap();
    assert!(
        outputs.contains(&format!("summary=5/{max_score} points")),
        "{outputs}"
    );
}

/// Runs `autograder.py` as Classroom 50's runner does: with Python, in the student's checkout,
/// with the runner's variables.
fn run_autograder(
    python: &str,
    bundle: &Path,
    checkout: &Path,
    github_output: &Path,
    runner_temp: &Path,
) {
    let mut autograder = Command::new(python);
    autograder
        .arg(bundle.join("autograder.py"))
        .current_dir(checkout)
        .env("CLASSROOM", CLASSROOM)
        .env("ASSIGNMENT", ASSIGNMENT)
        .env("SUBMISSION_TAG", "submit/2026-11-29T10-00-00Z-abc1234")
        .env("COMMIT_URL", "https://github.com/org/repo/commit/abc1234")
        .env(
            "RELEASE_URL",
            "https://github.com/org/repo/releases/tag/submit%2Fx",
        )
        .env(
            "REVIEW_URL",
            "https://github.com/org/repo/compare/000...abc1234",
        )
        .env("USERNAME", "ann")
        .env("OWNER", "ann")
        .env("ASSIGNMENT_TYPE", "individual")
        .env("CLASSROOM50_BUNDLE_DIR", bundle)
        .env("GITHUB_OUTPUT", github_output)
        .env("RUNNER_TEMP", runner_temp)
        .env_remove("GITHUB_STEP_SUMMARY");
    run(&mut autograder);
}
