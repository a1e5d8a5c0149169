//! Golden cases: known-correct and known-wrong submissions, and the verdict each must get.
//!
//! `grader/golden/<exercise dir>/<case>/` holds a submission (`lib.rs` for the exercise's
//! `src/lib.rs`, or `from-solution.toml`, replacements that turn the reference solution into a
//! wrong variant; and any other file by its name in the exercise's folder, such as
//! `prediction.txt`; what a case leaves out stays as the stub ships it), a `README` if it needs
//! words, a `unix-only` file if it cannot pass elsewhere, and `expected.json`, the verdict: each check's status, points and message. Every case is
//! graded in one temporary copy of the course, built into this workspace's `target/`, so that
//! no dependency is compiled again.
//!
//! After changing a message on purpose, `GOLDEN_BLESS=1 cargo test -p grader --test golden`
//! rewrites the `expected.json` files; review them with `git diff`. `GOLDEN_ONLY=<text>` runs
//! only the cases whose path contains the text (`GOLDEN_ONLY=03-image-bot`). `GOLDEN_SEEDS=N`
//! grades exercise 2's cases again with N other seeds (see `golden_verdicts_hold_for_every_seed`).

use std::path::{Path, PathBuf};

use grader::child::Limits;
use grader::course::{Course, Exercise, Variant};
use grader::progress::Progress;
use grader::runner::{Plan, grade};
use grader::verdict::{ExerciseReport, Grade, Status};
use serde_json::{Value, json};
use support::{copy_course, course_root};

mod support;

/// One course's harness binary is rebuilt in place when the graded variant changes: the builds
/// and runs of different tests must not interleave.
static BUILDS: tokio::sync::Mutex<()> = tokio::sync::Mutex::const_new(());

/// The golden copies' target folder.
fn golden_target_dir() -> PathBuf {
    support::target_dir("golden")
}

/// Whether the stubs under `exercises/` are as committed. A student who runs the tests after
/// starting work has changed them, and the checks of the untouched stubs are skipped then.
fn stubs_as_shipped(root: &Path) -> bool {
    let status = std::process::Command::new("git")
        .arg("-C")
        .arg(root)
        .args(["status", "--porcelain", "--", "exercises"])
        .output();
    match status {
        Ok(output) if output.status.success() => {
            let shipped = output.stdout.is_empty();
            if !shipped {
                eprintln!("exercises/ has changes: the checks of the untouched stubs are skipped");
            }
            shipped
        }
        // No git (a copy without history): take the stubs as they are.
        _ => true,
    }
}

/// A submission made from the reference solution by the replacements of a case's
/// `from-solution.toml` (`[[replace]] find = "..." with = "..."`): a wrong variant of the
/// solution, written as what differs. Each `find` must stand exactly once in the solution.
fn from_solution(solution: &Path, replacements: &Path) -> String {
    #[derive(serde::Deserialize)]
    struct Replacements {
        replace: Vec<Replace>,
    }
    #[derive(serde::Deserialize)]
    struct Replace {
        find: String,
        with: String,
    }
    let mut text = std::fs::read_to_string(solution).unwrap();
    let parsed: Replacements =
        toml::from_str(&std::fs::read_to_string(replacements).unwrap()).unwrap();
    for replace in parsed.replace {
        assert_eq!(
            text.matches(&replace.find).count(),
            1,
            "{}: {:?} must stand once in {}",
            replacements.display(),
            replace.find,
            solution.display()
        );
        text = text.replacen(&replace.find, &replace.with, 1);
    }
    text
}

/// Lays a golden case over the copy of the course at `copy`: the exercise's stub as shipped, then
/// the case's files.
fn lay_case(course_root: &Path, exercise: &Exercise, case: &Path, copy: &Path) {
    let copy_dir = exercise.crate_dir(copy, Variant::Exercise);
    copy_course(
        &exercise.crate_dir(course_root, Variant::Exercise),
        &copy_dir,
    );
    for entry in std::fs::read_dir(case).unwrap() {
        let from = entry.unwrap().path();
        let name = from.file_name().unwrap().to_str().unwrap().to_string();
        let to = match name.as_str() {
            "expected.json" | "README" | "unix-only" => continue,
            "from-solution.toml" => {
                let solution = exercise.crate_dir(course_root, Variant::Solution);
                let lib = from_solution(&solution.join("src/lib.rs"), &from);
                std::fs::write(copy_dir.join("src/lib.rs"), lib).unwrap();
                continue;
            }
            "lib.rs" => copy_dir.join("src/lib.rs"),
            other => copy_dir.join(other),
        };
        std::fs::copy(&from, to).unwrap();
    }
}

/// The seed of the golden runs: the one every `expected.json` was graded with.
const GOLDEN_SEED: u64 = 2026;

async fn grade_course(
    root: &Path,
    target_dir: Option<PathBuf>,
    names: &[&str],
    variant: Variant,
) -> Grade {
    grade_with_seed(root, target_dir, names, variant, GOLDEN_SEED).await
}

async fn grade_with_seed(
    root: &Path,
    target_dir: Option<PathBuf>,
    names: &[&str],
    variant: Variant,
    seed: u64,
) -> Grade {
    let plan = Plan {
        root: root.to_path_buf(),
        names: names.iter().map(|name| name.to_string()).collect(),
        variant,
        limits: Limits::default(),
        seed,
        target_dir,
        submission: None,
        work_dir: None,
    };
    grade(&plan, &Progress::hidden()).await.unwrap()
}

/// The parts of a verdict a golden case pins: status, points and message of each check.
fn verdict(report: &ExerciseReport) -> Value {
    let checks: serde_json::Map<String, Value> = report
        .checks
        .iter()
        .map(|check| {
            let value = json!({
                "status": check.status,
                "points": check.points,
                "message": check.message,
            });
            (check.id.clone(), value)
        })
        .collect();
    json!({ "status": report.status, "points": report.points, "checks": checks })
}

#[tokio::test]
async fn golden_cases_get_their_verdicts() {
    let _builds = BUILDS.lock().await;
    let bless = std::env::var_os("GOLDEN_BLESS").is_some();
    let course_root = course_root();
    let course = Course::load(&course_root).unwrap();
    let copy = tempfile::tempdir().unwrap();
    copy_course(&course_root, copy.path());

    let mut failures = Vec::new();
    let mut graded = 0;
    let shipped = stubs_as_shipped(&course_root);
    for exercise in &course.exercises {
        let cases_dir = course_root.join("grader/golden").join(&exercise.dir);
        let Ok(entries) = std::fs::read_dir(&cases_dir) else {
            continue;
        };
        let mut cases: Vec<PathBuf> = entries.map(|entry| entry.unwrap().path()).collect();
        cases.sort();
        let only = std::env::var("GOLDEN_ONLY").unwrap_or_default();
        for case in cases {
            if !case.to_string_lossy().contains(&only) {
                continue;
            }
            // The stub cases grade the stub in the tree: only meaningful while it is untouched.
            if case.ends_with("stub") && !shipped {
                continue;
            }
            // A case marked `unix-only` relies on what only Unix offers (its file says what).
            if case.join("unix-only").exists() && !cfg!(unix) {
                continue;
            }
            lay_case(&course_root, exercise, &case, copy.path());

            let grade = grade_course(
                copy.path(),
                Some(golden_target_dir()),
                &[&exercise.name],
                Variant::Exercise,
            )
            .await;
            let actual = verdict(&grade.exercises[0]);
            let expected_path = case.join("expected.json");
            graded += 1;
            if bless {
                let text = serde_json::to_string_pretty(&actual).unwrap() + "\n";
                std::fs::write(&expected_path, text).unwrap();
                continue;
            }
            let expected: Value = std::fs::read_to_string(&expected_path)
                .ok()
                .and_then(|text| serde_json::from_str(&text).ok())
                .unwrap_or(Value::Null);
            if expected != actual {
                failures.push(format!(
                    "{}:\n  expected {}\n  actual   {}",
                    case.display(),
                    expected,
                    actual
                ));
            }
        }
    }
    assert!(graded > 0, "no golden case was found");
    assert!(
        failures.is_empty(),
        "{} golden cases got another verdict (GOLDEN_BLESS=1 rewrites them):\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// The exercise whose scenarios are drawn from the seed, and whose golden verdicts
/// `GOLDEN_SEEDS` replays with other seeds.
const SEEDED: &str = "fastest-ip";

/// `GOLDEN_SEEDS=N`: grades each golden case of [`SEEDED`] with the seeds 1 to N, and reports
/// every check whose status or points differ from its `expected.json`: a verdict that depends on
/// the seed is a random one. Not run otherwise (nor by `.ci/run`): it takes minutes.
/// `GOLDEN_ONLY` narrows it, as above.
#[tokio::test]
async fn golden_verdicts_hold_for_every_seed() {
    let Some(seeds) = std::env::var("GOLDEN_SEEDS")
        .ok()
        .and_then(|seeds| seeds.parse::<u64>().ok())
    else {
        return;
    };
    let _builds = BUILDS.lock().await;
    let course_root = course_root();
    let course = Course::load(&course_root).unwrap();
    let exercise = course
        .exercises
        .iter()
        .find(|exercise| exercise.name == SEEDED)
        .unwrap();
    let copy = tempfile::tempdir().unwrap();
    copy_course(&course_root, copy.path());
    let only = std::env::var("GOLDEN_ONLY").unwrap_or_default();
    let mut cases: Vec<PathBuf> =
        std::fs::read_dir(course_root.join("grader/golden").join(&exercise.dir))
            .unwrap()
            .map(|entry| entry.unwrap().path())
            .filter(|case| case.to_string_lossy().contains(&only))
            // The stub has no scenario to draw; a `unix-only` case, as above.
            .filter(|case| !case.ends_with("stub"))
            .filter(|case| !case.join("unix-only").exists() || cfg!(unix))
            .collect();
    cases.sort();

    // Status and points of each check: what a verdict is, without its words.
    let pinned = |verdict: &Value| -> Vec<(String, Value, Value)> {
        let checks = verdict["checks"].as_object().cloned().unwrap_or_default();
        checks
            .into_iter()
            .map(|(id, check)| (id, check["status"].clone(), check["points"].clone()))
            .collect()
    };
    let mut changes = Vec::new();
    for case in &cases {
        lay_case(&course_root, exercise, case, copy.path());
        let expected: Value =
            serde_json::from_str(&std::fs::read_to_string(case.join("expected.json")).unwrap())
                .unwrap();
        let expected_checks = pinned(&expected);
        for seed in 1..=seeds {
            let grade = grade_with_seed(
                copy.path(),
                Some(golden_target_dir()),
                &[SEEDED],
                Variant::Exercise,
                seed,
            )
            .await;
            let actual = verdict(&grade.exercises[0]);
            for (expected, got) in expected_checks.iter().zip(pinned(&actual)) {
                if *expected != got {
                    let (id, status, points) = got;
                    changes.push(format!(
                        "{} (seed {seed}) {id}: {} {} instead of {} {}: {}",
                        case.file_name().unwrap().to_string_lossy(),
                        status,
                        points,
                        expected.1,
                        expected.2,
                        actual["checks"][&id]["message"]
                    ));
                }
            }
        }
        eprintln!(
            "{}: {seeds} seeds graded",
            case.file_name().unwrap().to_string_lossy()
        );
    }
    assert!(!cases.is_empty(), "no golden case of {SEEDED} was found");
    eprintln!(
        "{} cases, {seeds} seeds each: {} verdicts changed",
        cases.len(),
        changes.len()
    );
    assert!(
        changes.is_empty(),
        "{} verdicts changed with the seed ({} cases, {seeds} seeds each):\n{}",
        changes.len(),
        cases.len(),
        changes.join("\n")
    );
}

#[tokio::test]
async fn solutions_pass_and_stubs_are_not_done_yet() {
    let _builds = BUILDS.lock().await;
    let root = course_root();
    let solutions = grade_course(&root, None, &[], Variant::Solution).await;
    for exercise in &solutions.exercises {
        assert_eq!(exercise.status, Status::Passed, "{exercise:#?}");
        assert_eq!(exercise.points, exercise.max_points);
    }
    if !stubs_as_shipped(&root) {
        return;
    }
    let stubs = grade_course(&root, None, &[], Variant::Exercise).await;
    for exercise in &stubs.exercises {
        assert_eq!(exercise.points, 0, "{exercise:#?}");
        for check in &exercise.checks {
            assert_eq!(
                check.status,
                Status::NotDone,
                "{}: {check:#?}",
                exercise.name
            );
        }
    }
}

#[tokio::test]
async fn a_compile_error_stops_only_its_own_exercise() {
    let _builds = BUILDS.lock().await;
    let course_root = course_root();
    let course = Course::load(&course_root).unwrap();
    let copy = tempfile::tempdir().unwrap();
    copy_course(&course_root, copy.path());

    // A second exercise whose harness does not compile, beside the real ones.
    let broken_dir = copy.path().join("grader/harnesses/99-broken");
    std::fs::create_dir_all(broken_dir.join("src")).unwrap();
    std::fs::write(
        broken_dir.join("Cargo.toml"),
        "[package]\nname = \"broken-harness\"\nversion = \"0.1.0\"\nedition = \"2024\"\n\
         [features]\nexercise = []\nsolution = []\n",
    )
    .unwrap();
    std::fs::write(
        broken_dir.join("src/main.rs"),
        "fn main() { let n: u8 = \"not a number\"; }\n",
    )
    .unwrap();
    let mut broken = course.exercises[0].clone();
    broken.name = "broken".into();
    broken.harness = "broken-harness".into();

    let mut exercises: Vec<&grader::course::Exercise> = course.exercises.iter().collect();
    exercises.push(&broken);
    let builds = grader::cargo::build_harnesses(
        copy.path(),
        Some(&golden_target_dir()),
        &exercises,
        Variant::Solution,
        Limits::default().build_time,
        |_| {},
    )
    .await
    .unwrap();

    let error = builds.get("broken-harness").unwrap_err();
    assert!(error.text.contains("mismatched types"), "{error:?}");
    for exercise in &course.exercises {
        let binary = builds.get(&exercise.harness).unwrap();
        assert!(binary.is_file(), "{}", binary.display());
    }
}

#[tokio::test]
async fn the_export_grades_as_not_done_and_holds_no_answers() {
    let _builds = BUILDS.lock().await;
    let template = tempfile::tempdir().unwrap();
    let dir = template.path().join("course");
    // The export takes HEAD's stubs, and refuses while exercises/ differs from them; a copy
    // without history exports its stubs as they are.
    if !stubs_as_shipped(&course_root()) {
        return;
    }
    let stubs = match grader::git::commit(&course_root(), "HEAD") {
        Some(_) => grader::export::Stubs::Committed,
        None => grader::export::Stubs::WorkingTree,
    };
    grader::export::export_with(&course_root(), &dir, stubs).unwrap();
    for left_out in [
        "solutions",
        "grader/golden",
        ".ci",
        ".github/workflows/ci.yml",
    ] {
        assert!(
            !dir.join(left_out).exists(),
            "{left_out} is in the template"
        );
    }
    // Nor does its lock file name them: a student's first build leaves it as it is.
    let lock = std::fs::read_to_string(dir.join("Cargo.lock")).unwrap();
    assert!(
        !lock.contains("-solution\""),
        "the template's Cargo.lock lists a solution"
    );
    assert!(lock.contains("name = \"factorial-gather\""));
    let grade = grade_course(&dir, Some(golden_target_dir()), &[], Variant::Exercise).await;
    assert!(grade.tampered.is_empty(), "{:?}", grade.tampered);
    assert!(grade.problems.is_empty(), "{:?}", grade.problems);
    for exercise in &grade.exercises {
        for check in &exercise.checks {
            assert_eq!(
                check.status,
                Status::NotDone,
                "{}: {check:#?}",
                exercise.name
            );
        }
    }
}

#[tokio::test]
async fn an_edited_snapshot_is_reported() {
    let _builds = BUILDS.lock().await;
    let copy = tempfile::tempdir().unwrap();
    copy_course(&course_root(), copy.path());
    let snapshot = copy
        .path()
        .join("fixtures/01-factorial-gather/snapshots/gather.snap");
    let text = std::fs::read_to_string(&snapshot).unwrap();
    std::fs::write(&snapshot, text.replace("t=3s", "t=6s")).unwrap();
    let grade = grade_course(
        copy.path(),
        Some(golden_target_dir()),
        &["factorial-gather"],
        Variant::Exercise,
    )
    .await;
    assert_eq!(
        grade.tampered,
        ["changed: fixtures/01-factorial-gather/snapshots/gather.snap"]
    );
}

/// `--format classroom`, as CI runs it: all outputs written, 0 points for the stubs, full points
/// for the solutions, exit status 0 both times.
#[tokio::test]
async fn the_classroom_format_writes_every_output() {
    let _builds = BUILDS.lock().await;
    let root = course_root();
    let course = Course::load(&root).unwrap();
    let run = |solutions: bool| {
        let out = tempfile::tempdir().unwrap();
        let (output, summary) = (out.path().join("output"), out.path().join("summary"));
        let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_grader"));
        command
            .args(["--format", "classroom", "--out"])
            .arg(out.path())
            .arg("--root")
            .arg(&root)
            .env("GITHUB_OUTPUT", &output)
            .env("GITHUB_STEP_SUMMARY", &summary)
            .env("CLASSROOM", "test-class")
            .args(["--lang", "en"]);
        if solutions {
            command.arg("--solutions");
        }
        let status = command.status().unwrap();
        assert!(status.success(), "{status}");
        let line = std::fs::read_to_string(&output).unwrap();
        let encoded = line.trim().strip_prefix("result=").unwrap().to_string();
        let result: Value =
            serde_json::from_str(&std::fs::read_to_string(out.path().join("result.json")).unwrap())
                .unwrap();
        let summary = std::fs::read_to_string(&summary).unwrap();
        (encoded, result, summary)
    };
    for (solutions, points) in [(false, 0), (true, course.max_points())] {
        let (encoded, result, summary) = run(solutions);
        assert!(!encoded.is_empty());
        assert_eq!(result["schema"], "classroom50/result/v1");
        assert_eq!(result["classroom"], "test-class");
        assert_eq!(result["score"], points, "solutions: {solutions}");
        assert_eq!(result["max-score"], course.max_points());
        assert!(
            summary.contains(&format!("**Total: {points}/")),
            "{summary}"
        );
    }
}

/// Grading reaches nothing but 127.0.0.1: the solutions get full points in a network namespace
/// of their own, where only the loopback interface exists. Skipped, with the reason, where
/// `unshare -rn` is not allowed.
#[cfg(target_os = "linux")]
#[tokio::test]
async fn grading_needs_no_network() {
    let _builds = BUILDS.lock().await;
    let probe = std::process::Command::new("unshare")
        .args(["-rn", "sh", "-c", "ip link set lo up"])
        .output();
    if !matches!(&probe, Ok(output) if output.status.success()) {
        eprintln!("skipped: `unshare -rn` with `ip link set lo up` is not available here");
        return;
    }
    let root = course_root();
    let output = std::process::Command::new("unshare")
        .args([
            "-rn",
            "sh",
            "-c",
            "ip link set lo up && exec \"$0\" --root \"$1\" --solutions --format json",
            env!("CARGO_BIN_EXE_grader"),
        ])
        .arg(&root)
        .output()
        .unwrap();
    let grade: Value = serde_json::from_slice(&output.stdout)
        .unwrap_or_else(|_| panic!("no grade: {}", String::from_utf8_lossy(&output.stderr)));
    let course = Course::load(&root).unwrap();
    assert_eq!(grade["points"], course.max_points(), "{grade:#}");
}

/// The student's loop: `watch` grades the stub, grades it again when a correct solution is
/// saved, sees it pass, moves on, and quits on `q`.
#[tokio::test]
async fn watch_grades_again_at_each_save() {
    use std::io::{BufRead, Write};
    let _builds = BUILDS.lock().await;
    let copy = tempfile::tempdir().unwrap();
    copy_course(&course_root(), copy.path());
    let mut watch = std::process::Command::new(env!("CARGO_BIN_EXE_grader"))
        .arg("watch")
        .arg("--root")
        .arg(copy.path())
        .arg("--target-dir")
        .arg(golden_target_dir())
        .args(["--lang", "en"])
        .env("NO_COLOR", "1")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let (lines, read) = std::sync::mpsc::channel();
    let stdout = watch.stdout.take().unwrap();
    std::thread::spawn(move || {
        for line in std::io::BufReader::new(stdout)
            .lines()
            .map_while(Result::ok)
        {
            let _ = lines.send(line);
        }
    });
    let wait_for = |text: &str| {
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(120);
        loop {
            let left = deadline.saturating_duration_since(std::time::Instant::now());
            match read.recv_timeout(left) {
                Ok(line) if line.contains(text) => return,
                Ok(_) => {}
                Err(_) => panic!("watch never printed {text:?}"),
            }
        }
    };
    let which = if cfg!(target_os = "linux") {
        "file events"
    } else {
        ""
    };
    wait_for(&format!("Watching the exercises ({which}"));
    wait_for("Save a file of exercises/01-factorial-gather/");

    let case = course_root().join("grader/golden/01-factorial-gather/join");
    let stub = copy.path().join("exercises/01-factorial-gather");
    std::fs::copy(case.join("lib.rs"), stub.join("src/lib.rs")).unwrap();
    std::fs::copy(case.join("prediction.txt"), stub.join("prediction.txt")).unwrap();
    wait_for("factorial-gather passed. On to fastest-ip.");

    let mut stdin = watch.stdin.take().unwrap();
    writeln!(stdin, "q").unwrap();
    let status = watch.wait().unwrap();
    assert!(status.success(), "{status}");
}

/// The grader speaks the locale's language: Russian with `LANG=ru_RU.UTF-8`, unless `LC_ALL` or
/// `LC_MESSAGES` says otherwise; `--lang` overrides them all; the JSON for programs stays English
/// unless `--lang` asks. (Every other test here pins English: the golden cases run in-process,
/// where English is the default, and the commands above pass `--lang en`.)
#[tokio::test]
async fn the_locale_chooses_the_language() {
    let _builds = BUILDS.lock().await;
    if !stubs_as_shipped(&course_root()) {
        eprintln!("skipped: the stubs under exercises/ have been changed");
        return;
    }
    let grade_stub = |env: &[(&str, &str)], args: &[&str]| -> String {
        let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_grader"));
        command
            .arg("--root")
            .arg(course_root())
            .arg("factorial-gather")
            .args(args)
            .env("NO_COLOR", "1");
        for name in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            command.env_remove(name);
        }
        command.envs(env.iter().copied());
        let output = command.output().unwrap();
        String::from_utf8(output.stdout).unwrap()
    };
    let course = Course::load(&course_root()).unwrap();
    let title = course.exercises[0].title.ru.as_str();

    let russian = grade_stub(&[("LANG", "ru_RU.UTF-8")], &[]);
    assert!(russian.contains("Ещё не сделано"), "{russian}");
    assert!(russian.contains(title), "{russian}");
    let english = grade_stub(&[("LC_ALL", "C.UTF-8"), ("LANG", "ru_RU.UTF-8")], &[]);
    assert!(english.contains("Not done yet"), "{english}");
    let english = grade_stub(&[("LANG", "ru_RU.UTF-8")], &["--lang", "en"]);
    assert!(english.contains("Not done yet"), "{english}");

    let json = grade_stub(&[("LANG", "ru_RU.UTF-8")], &["--format", "json"]);
    assert!(json.contains("Not done yet"), "{json}");
    let json = grade_stub(&[], &["--format", "json", "--lang", "ru"]);
    let grade: Value = serde_json::from_str(&json).unwrap();
    assert_eq!(grade["exercises"][0]["title"], title);
    assert!(json.contains("Ещё не сделано"), "{json}");
}

/// `hint` in Russian: the tiers of `course.toml`'s `hints.ru`, in order.
#[test]
fn hints_speak_russian_too() {
    let root = tempfile::tempdir().unwrap();
    std::fs::copy(
        course_root().join("course.toml"),
        root.path().join("course.toml"),
    )
    .unwrap();
    let course = Course::load(root.path()).unwrap();
    let hints = &course.exercises[1].hints.ru;
    for (tier, hint) in hints.iter().enumerate() {
        let output = std::process::Command::new(env!("CARGO_BIN_EXE_grader"))
            .args(["hint", "fastest-ip", "--lang", "ru", "--root"])
            .arg(root.path())
            .output()
            .unwrap();
        assert!(output.status.success());
        let text = String::from_utf8(output.stdout).unwrap();
        assert!(
            text.starts_with(&format!("Подсказка {} из {}", tier + 1, hints.len())),
            "{text}"
        );
        assert!(text.contains(hint.as_str()), "{text}");
    }
}

/// `list`: every exercise in course order, with its status and points. The stubs as shipped
/// are all "not done yet", with 0 points.
#[tokio::test]
async fn list_shows_every_exercise_in_course_order() {
    let _builds = BUILDS.lock().await;
    let root = course_root();
    if !stubs_as_shipped(&root) {
        eprintln!("skipped: the stubs under exercises/ have been changed");
        return;
    }
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_grader"))
        .args(["list", "--lang", "en", "--root"])
        .arg(&root)
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    assert!(output.status.success(), "{output:?}");
    let text = String::from_utf8(output.stdout).unwrap();
    let course = Course::load(&root).unwrap();
    let rows: Vec<&str> = text.lines().take(course.exercises.len()).collect();
    for ((number, exercise), row) in course.exercises.iter().enumerate().zip(&rows) {
        assert!(row.starts_with(&format!("{:>2}. ", number + 1)), "{text}");
        assert!(row.contains(&exercise.name), "{text}");
        assert!(row.contains("not done yet"), "{text}");
        assert!(
            row.contains(&format!(" 0/{}", exercise.max_points())),
            "{text}"
        );
        assert!(row.contains(exercise.title.en.as_str()), "{text}");
    }
    assert!(
        text.contains(&format!("0/{} points", course.max_points())),
        "{text}"
    );
}

/// `chat`: a person's lines go to the bot through the mock Telegram, its replies come back as
/// they arrive, and its photos are saved; the end of input ends the chat once every message has
/// its reply. The input stays open until the replies are read, so that no timing is involved.
#[tokio::test]
async fn chat_talks_to_the_bot() {
    use std::io::{BufRead, Write};
    let _builds = BUILDS.lock().await;
    let root = course_root();
    let mut chat = std::process::Command::new(env!("CARGO_BIN_EXE_grader"))
        .args(["chat", "--solution", "--lang", "en", "--root"])
        .arg(&root)
        .env("NO_COLOR", "1")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let mut stdin = chat.stdin.take().unwrap();
    writeln!(stdin, "cat\n\n:sticker").unwrap();
    let mut lines = std::io::BufReader::new(chat.stdout.take().unwrap()).lines();
    let mut read = Vec::new();
    while !read
        .iter()
        .any(|line: &String| line.starts_with("← I can only answer words"))
    {
        match lines.next() {
            Some(Ok(line)) => read.push(line),
            _ => panic!("the chat ended early:\n{}", read.join("\n")),
        }
    }
    drop(stdin);
    read.extend(lines.map_while(Result::ok));
    assert!(chat.wait().unwrap().success(), "{}", read.join("\n"));
    let text = read.join("\n");
    let saved = read
        .iter()
        .find_map(|line| line.strip_prefix("← photo saved as "))
        .and_then(|rest| rest.strip_suffix(", caption: cat"))
        .unwrap_or_else(|| panic!("no photo of a cat: {text}"));
    let picture = std::fs::read(root.join(saved)).unwrap_or_else(|_| std::fs::read(saved).unwrap());
    assert_eq!(
        picture,
        std::fs::read(root.join("fixtures/03-image-bot/images/cat.png")).unwrap()
    );
    assert_eq!(
        read.last().map(String::as_str),
        Some("The chat has ended."),
        "{text}"
    );
}
