//! Golden cases: known-correct and known-wrong submissions, and the verdict each must get.
//!
//! `grader/golden/<exercise>/<case>/` holds a submission (`lib.rs` for the exercise's
//! `src/lib.rs`, or `from-solution.toml`, replacements that turn the reference solution into a
//! wrong variant; and any other file by its name in the exercise's folder, such as
//! `prediction.txt`; what a case leaves out stays as the stub ships it), a `README` if it needs
//! words, a `unix-only` file if it cannot pass elsewhere, and `expected.json`, the verdict: each
//! check's status, points, message and details. Details are pinned as their lines, without what
//! changes from one run, or one rustc, to the next: a compiler's errors are reduced to their
//! codes (`error[E0308]`, one per line; `error` for one without a code), a panic's OS thread id
//! and the temporary copy's path are left out, and of a text longer than 100 lines (a flood of
//! output) the rest is pinned as its number of lines.
//!
//! Each case is a test of its own, named `<exercise>/<case>`
//! (`factorial-gather/sequential`), beside the other tests of this file: `cargo test -p grader
//! --test golden -- --list` lists them, `cargo test -p grader --test golden --
//! factorial-gather/sequential` runs one (a filter runs every test whose name contains it;
//! `--exact` asks for the whole name), and a failure names its case and shows expected and
//! actual as a diff. The binary is a `libtest-mimic`
//! harness (`harness = false`) that runs one test at a time, whatever `--test-threads` says:
//! every case is graded in the same temporary copy of the course, made once per run, and built
//! into one target folder inside this workspace's `target/`, so that the first case compiles
//! the dependencies and the others only the submission.
//!
//! After changing a message on purpose, `GOLDEN_BLESS=1 cargo test -p grader --test golden`
//! rewrites the `expected.json` files of the cases it runs; review them with `git diff`.
//! `GOLDEN_ONLY=<text>`, when no filter is given after `--`, is the filter: it runs only the
//! tests whose name contains the text (`GOLDEN_ONLY=image-bot`). `GOLDEN_SEEDS=N` grades each
//! case of the exercise whose scenarios are drawn at random (fastest-ip) with the seeds 1 to N as
//! well, and fails it if a check's status or points change with the seed: a verdict that
//! depends on the seed is a random one (not run by `.ci/run`: it takes minutes).

use std::future::Future;
use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};

use grader::child::Limits;
use grader::course::{Course, Exercise, Variant};
use grader::progress::Progress;
use grader::runner::{Plan, grade};
use grader::verdict::{ExerciseReport, Grade, Status};
use libtest_mimic::{Arguments, Failed, Trial};
use serde_json::{Value, json};
use support::{copy_course, course_root};

mod support;

fn main() {
    let mut args = Arguments::from_args();
    // The tests share a copy of the course and a target folder, where each build replaces the
    // harness binaries of the one before: they run one at a time.
    args.test_threads = Some(1);
    if args.filter.is_none() {
        args.filter = std::env::var("GOLDEN_ONLY")
            .ok()
            .filter(|only| !only.is_empty());
    }
    let copy = Arc::new(SharedCopy::default());
    let mut trials = golden_cases(&copy);
    trials.extend(other_tests());
    let conclusion = libtest_mimic::run(&args, trials);
    // The trials are gone with their handles on the copy: this removes it before exiting.
    drop(copy);
    conclusion.exit()
}

/// The temporary copy of the course that the golden cases are graded in, made when the first
/// case runs (not for `--list`, nor for a run of the other tests alone).
#[derive(Default)]
struct SharedCopy(OnceLock<tempfile::TempDir>);

impl SharedCopy {
    fn path(&self) -> &Path {
        self.0
            .get_or_init(|| {
                let copy = tempfile::tempdir().unwrap();
                copy_course(&course_root(), copy.path());
                copy
            })
            .path()
    }
}

/// One test per case folder, in the course's order and then by name.
fn golden_cases(copy: &Arc<SharedCopy>) -> Vec<Trial> {
    let root = course_root();
    let course = Course::load(&root).unwrap();
    let shipped = stubs_as_shipped(&root);
    let mut trials = Vec::new();
    for exercise in &course.exercises {
        let Ok(entries) = std::fs::read_dir(root.join("grader/golden").join(&exercise.name)) else {
            continue;
        };
        let mut cases: Vec<PathBuf> = entries.map(|entry| entry.unwrap().path()).collect();
        cases.sort();
        for case in cases.into_iter().filter(|case| case.is_dir()) {
            let name = format!(
                "{}/{}",
                exercise.name,
                case.file_name().unwrap().to_string_lossy()
            );
            // The stub cases grade the stub in the tree: only meaningful while it is untouched.
            // A case marked `unix-only` relies on what only Unix offers (its file says what).
            let ignored = (case.ends_with("stub") && !shipped)
                || (case.join("unix-only").exists() && !cfg!(unix));
            let (copy, exercise) = (Arc::clone(copy), exercise.clone());
            let test = move || grade_case(copy.path(), &exercise, &case);
            trials.push(Trial::test(name, test).with_ignored_flag(ignored));
        }
    }
    assert!(!trials.is_empty(), "no golden case was found");
    trials
}

/// Lays a case over the stub in the copy, grades it, and compares (or, with `GOLDEN_BLESS`,
/// writes) its verdict.
fn grade_case(copy: &Path, exercise: &Exercise, case: &Path) -> Result<(), Failed> {
    let root = course_root();
    let stub_dir = exercise.crate_dir(&root, Variant::Exercise);
    let copy_dir = exercise.crate_dir(copy, Variant::Exercise);
    // Start from the stub as shipped, then lay the case's files over it.
    copy_course(&stub_dir, &copy_dir);
    for entry in std::fs::read_dir(case).unwrap() {
        let from = entry.unwrap().path();
        let name = from.file_name().unwrap().to_str().unwrap().to_string();
        let to = match name.as_str() {
            "expected.json" | "README" | "unix-only" => continue,
            "from-solution.toml" => {
                let solution = exercise.crate_dir(&root, Variant::Solution);
                let lib = from_solution(&solution.join("src/lib.rs"), &from);
                std::fs::write(copy_dir.join("src/lib.rs"), lib).unwrap();
                continue;
            }
            "lib.rs" => copy_dir.join("src/lib.rs"),
            other => copy_dir.join(other),
        };
        std::fs::copy(&from, to).unwrap();
    }

    let grade = block_on(grade_course(
        copy,
        Some(golden_target_dir()),
        &[&exercise.name],
        Variant::Exercise,
    ));
    let actual = verdict(&grade.exercises[0], copy);
    if let Some(seeds) = other_seeds(exercise, case) {
        same_verdict_for_every_seed(copy, exercise, &actual, seeds)?;
    }
    let expected_path = case.join("expected.json");
    if std::env::var_os("GOLDEN_BLESS").is_some() {
        let text = serde_json::to_string_pretty(&actual).unwrap() + "\n";
        std::fs::write(&expected_path, text).unwrap();
        return Ok(());
    }
    let expected = std::fs::read_to_string(&expected_path)
        .ok()
        .and_then(|text| serde_json::from_str::<Value>(&text).ok());
    if expected.as_ref() == Some(&actual) {
        return Ok(());
    }
    let expected_text = match &expected {
        Some(expected) => serde_json::to_string_pretty(expected).unwrap() + "\n",
        None => String::new(),
    };
    let actual_text = serde_json::to_string_pretty(&actual).unwrap() + "\n";
    let diff = similar::TextDiff::from_lines(&expected_text, &actual_text)
        .unified_diff()
        .context_radius(3)
        .header("expected.json", "actual")
        .to_string();
    let missing = if expected.is_none() {
        " (no readable expected.json)"
    } else {
        ""
    };
    Err(format!(
        "golden case {}/{} got another verdict{missing} (GOLDEN_BLESS=1 rewrites {}):\n{diff}",
        exercise.name,
        case.file_name().unwrap().to_string_lossy(),
        expected_path.display()
    )
    .into())
}

/// The exercise whose scenarios are drawn from the seed.
const SEEDED: &str = "fastest-ip";

/// With `GOLDEN_SEEDS=N`, the seeds a case of [`SEEDED`] is graded with too (a stub has no
/// scenario to draw).
fn other_seeds(exercise: &Exercise, case: &Path) -> Option<u64> {
    let seeds = std::env::var("GOLDEN_SEEDS").ok()?.parse().ok()?;
    (exercise.name == SEEDED && !case.ends_with("stub")).then_some(seeds)
}

/// Grades the case in the copy with the seeds 1 to `seeds`: each check's status and points must
/// be those of `verdict`.
fn same_verdict_for_every_seed(
    copy: &Path,
    exercise: &Exercise,
    verdict_at_2026: &Value,
    seeds: u64,
) -> Result<(), Failed> {
    let pinned = |verdict: &Value| -> Vec<(String, Value, Value)> {
        let checks = verdict["checks"].as_object().cloned().unwrap_or_default();
        checks
            .into_iter()
            .map(|(id, check)| (id, check["status"].clone(), check["points"].clone()))
            .collect()
    };
    let mut changes = Vec::new();
    for seed in 1..=seeds {
        let grade = block_on(grade_with_seed(
            copy,
            Some(golden_target_dir()),
            &[&exercise.name],
            Variant::Exercise,
            seed,
        ));
        let actual = verdict(&grade.exercises[0], copy);
        for (expected, got) in pinned(verdict_at_2026).iter().zip(pinned(&actual)) {
            if *expected != got {
                changes.push(format!(
                    "seed {seed}, {}: {} {} instead of {} {}: {}",
                    got.0,
                    got.1,
                    got.2,
                    expected.1,
                    expected.2,
                    actual["checks"][&got.0]["message"]
                ));
            }
        }
    }
    if changes.is_empty() {
        return Ok(());
    }
    Err(format!("the verdict changes with the seed:\n{}", changes.join("\n")).into())
}

/// The tests that are not golden cases, each one a test of its own.
fn other_tests() -> Vec<Trial> {
    /// A test that runs on a current-thread runtime, as `#[tokio::test]` would.
    fn on_tokio<F: Future<Output = ()> + 'static>(name: &str, test: fn() -> F) -> Trial {
        Trial::test(name, move || {
            block_on(test());
            Ok(())
        })
    }
    vec![
        on_tokio(
            "solutions_pass_and_stubs_are_not_done_yet",
            solutions_pass_and_stubs_are_not_done_yet,
        ),
        on_tokio(
            "a_compile_error_stops_only_its_own_exercise",
            a_compile_error_stops_only_its_own_exercise,
        ),
        on_tokio(
            "the_export_grades_as_not_done_and_holds_no_answers",
            the_export_grades_as_not_done_and_holds_no_answers,
        ),
        on_tokio(
            "an_edited_snapshot_is_reported",
            an_edited_snapshot_is_reported,
        ),
        on_tokio(
            "a_folder_from_before_the_rename_is_named",
            a_folder_from_before_the_rename_is_named,
        ),
        on_tokio(
            "the_classroom_format_writes_every_output",
            the_classroom_format_writes_every_output,
        ),
        #[cfg(target_os = "linux")]
        on_tokio("grading_needs_no_network", grading_needs_no_network),
        on_tokio(
            "watch_grades_again_at_each_save",
            watch_grades_again_at_each_save,
        ),
        on_tokio(
            "the_locale_chooses_the_language",
            the_locale_chooses_the_language,
        ),
        Trial::test("details_are_pinned_without_what_varies", || {
            details_are_pinned_without_what_varies();
            Ok(())
        }),
        Trial::test("hints_speak_russian_too", || {
            hints_speak_russian_too();
            Ok(())
        }),
        on_tokio(
            "list_shows_every_exercise_in_course_order",
            list_shows_every_exercise_in_course_order,
        ),
        on_tokio("chat_talks_to_the_bot", chat_talks_to_the_bot),
    ]
}

fn block_on<F: Future>(future: F) -> F::Output {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap()
        .block_on(future)
}

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

async fn grade_course(
    root: &Path,
    target_dir: Option<PathBuf>,
    names: &[&str],
    variant: Variant,
) -> Grade {
    grade_with_seed(root, target_dir, names, variant, 2026).await
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

/// The parts of a verdict a golden case pins: status, points, message and details of each
/// check, the details as the lines `pinned_details` keeps. `copy` is where the case was graded.
fn verdict(report: &ExerciseReport, copy: &Path) -> Value {
    let checks: serde_json::Map<String, Value> = report
        .checks
        .iter()
        .map(|check| {
            let mut value = json!({
                "status": check.status,
                "points": check.points,
                "message": check.message,
            });
            if let Some(details) = &check.details {
                let details = details.replace(&copy.display().to_string(), "<course>");
                value["details"] = json!(pinned_details(check.status, &details));
            }
            (check.id.clone(), value)
        })
        .collect();
    json!({ "status": report.status, "points": report.points, "checks": checks })
}

/// Lines of a check's details that a golden case pins at most: a flood of output makes a
/// side-by-side timeline of a megabyte, of which the rest is pinned as its number of lines.
const PINNED_LINES: usize = 100;

/// The lines of a check's details that a golden case pins: what stays the same from one run,
/// and one rustc, to the next. A compiler's diagnostics are reduced to their codes
/// (`error[E0308]`, or `error` for one without a code), in order, with the grader's own lines
/// (`... and 2 more errors`); the OS thread id that a panic's first line names is dropped; a
/// text longer than `PINNED_LINES` is cut there.
fn pinned_details(status: Status, details: &str) -> Vec<String> {
    let mut lines: Vec<String> = if status == Status::CompileError {
        details.lines().filter_map(error_code).collect()
    } else {
        details.lines().map(without_thread_id).collect()
    };
    if lines.len() > PINNED_LINES {
        let more = lines.len() - PINNED_LINES;
        lines.truncate(PINNED_LINES);
        lines.push(format!("<{more} more lines>"));
    }
    lines
}

/// `error[E0308]` for a diagnostic's first line `error[E0308]: mismatched types`, `error` for
/// one without a code; a line of the grader's own (`... and 2 more errors`) as it is; `None`
/// for the rest of a diagnostic (its spans, notes and help), which rustc words as it likes.
fn error_code(line: &str) -> Option<String> {
    if let Some(rest) = line.strip_prefix("error")
        && (rest.starts_with(':') || rest.starts_with('['))
    {
        let code = rest
            .strip_prefix('[')
            .and_then(|rest| rest.split_once(']'))
            .map(|(code, _)| code);
        return Some(match code {
            Some(code) => format!("error[{code}]"),
            None => "error".to_string(),
        });
    }
    line.starts_with("... ").then(|| line.to_string())
}

/// A line without the OS thread id of a panic (`thread 'main' (19422) panicked at` is
/// `thread 'main' panicked at`): rustc's panic message names it, and it is new at each run.
fn without_thread_id(line: &str) -> String {
    if let Some((before, after)) = line.split_once("' (")
        && before.contains("thread '")
        && let Some((id, rest)) = after.split_once(')')
        && !id.is_empty()
        && id.bytes().all(|byte| byte.is_ascii_digit())
        && rest.starts_with(" panicked")
    {
        return format!("{before}'{rest}");
    }
    line.to_string()
}

/// What `pinned_details` keeps and drops, on texts written the way rustc and the grader write
/// them.
fn details_are_pinned_without_what_varies() {
    let compiler = "error[E0308]: mismatched types\n --> exercises/factorial-gather/src/lib.rs:3:23\n  |\n3 |     let label: &str = number;\n  |                ^^^^^^ expected `&str`, found `u64`\n\nerror: cannot find macro `prinln` in this scope\n --> src/lib.rs:1:1\n\n... and 2 more errors (see `cargo build -p factorial-gather`)";
    assert_eq!(
        pinned_details(Status::CompileError, compiler),
        [
            "error[E0308]",
            "error",
            "... and 2 more errors (see `cargo build -p factorial-gather`)"
        ]
    );
    let panic = "\nthread 'main' (19422) panicked at src/lib.rs:4:5:\nboom\nthread 'tokio-runtime-worker' (7) panicked at x\nthread 'main' (not a number) panicked";
    assert_eq!(
        pinned_details(Status::Failed, panic),
        [
            "",
            "thread 'main' panicked at src/lib.rs:4:5:",
            "boom",
            "thread 'tokio-runtime-worker' panicked at x",
            "thread 'main' (not a number) panicked"
        ]
    );
    let long = "line\n".repeat(PINNED_LINES + 5);
    let pinned = pinned_details(Status::Failed, &long);
    assert_eq!(pinned.len(), PINNED_LINES + 1);
    assert_eq!(pinned[PINNED_LINES], "<5 more lines>");
}

async fn solutions_pass_and_stubs_are_not_done_yet() {
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

async fn a_compile_error_stops_only_its_own_exercise() {
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

async fn the_export_grades_as_not_done_and_holds_no_answers() {
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

async fn an_edited_snapshot_is_reported() {
    let copy = tempfile::tempdir().unwrap();
    copy_course(&course_root(), copy.path());
    let snapshot = copy
        .path()
        .join("fixtures/factorial-gather/snapshots/gather.snap");
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
        ["changed: fixtures/factorial-gather/snapshots/gather.snap"]
    );
}

/// A student's copy that still holds an exercise's folder from before the course renamed it:
/// beside the exercise's own folder, cargo still builds (the workspace leaves the former out,
/// though it holds a package of the same name), the exercise's own folder is graded, and the
/// report says what to move; alone, the grade says which folder to move, before building.
async fn a_folder_from_before_the_rename_is_named() {
    let copy = tempfile::tempdir().unwrap();
    copy_course(&course_root(), copy.path());
    let own = copy.path().join("exercises/factorial-gather");
    let former = copy.path().join("exercises/01-factorial-gather");
    copy_course(&own, &former);
    let graded = grade_course(
        copy.path(),
        Some(golden_target_dir()),
        &["factorial-gather"],
        Variant::Exercise,
    )
    .await;
    assert!(graded.problems.is_empty(), "{:?}", graded.problems);
    let report = &graded.exercises[0];
    assert_eq!(report.status, Status::NotDone, "{report:#?}");
    assert_eq!(report.notes.len(), 1, "{report:#?}");
    assert!(
        report.notes[0].contains(
            "Move what you wrote in exercises/01-factorial-gather/ (src/, prediction.txt) into \
             exercises/factorial-gather/, then delete exercises/01-factorial-gather/"
        ),
        "{}",
        report.notes[0]
    );
    assert!(
        grader::report::human::render(&graded).contains("exercises/01-factorial-gather/ is this")
    );
    // In GitHub Actions, the job's summary says it too.
    assert!(
        grader::report::classroom::summary_markdown(&graded)
            .contains("**factorial-gather**: exercises/01-factorial-gather/ is this")
    );

    std::fs::remove_dir_all(&own).unwrap();
    let plan = Plan {
        root: copy.path().to_path_buf(),
        names: vec!["factorial-gather".to_string()],
        variant: Variant::Exercise,
        limits: Limits::default(),
        seed: 2026,
        target_dir: Some(golden_target_dir()),
        submission: None,
        work_dir: None,
    };
    let error = grade(&plan, &Progress::hidden()).await.unwrap_err();
    assert!(
        error.contains("`git mv exercises/01-factorial-gather exercises/factorial-gather`"),
        "{error}"
    );
}

/// `--format classroom`, as CI runs it: all outputs written, 0 points for the stubs, full points
/// for the solutions, exit status 0 both times.
async fn the_classroom_format_writes_every_output() {
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
async fn grading_needs_no_network() {
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
async fn watch_grades_again_at_each_save() {
    use std::io::{BufRead, Write};
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
    // Watch starts at the first exercise of the course; solving it (with the reference
    // solution's answer files) moves it on to the second.
    let course = Course::load(&course_root()).unwrap();
    let (first, second) = (&course.exercises[0], &course.exercises[1]);
    wait_for(&format!("Save a file of exercises/{}/", first.name));
    let solution = first.crate_dir(&course_root(), Variant::Solution);
    let stub = first.crate_dir(copy.path(), Variant::Exercise);
    for answer in &first.answers {
        let answer = answer.trim_end_matches('/');
        if solution.join(answer).is_dir() {
            copy_course(&solution.join(answer), &stub.join(answer));
        } else {
            std::fs::copy(solution.join(answer), stub.join(answer)).unwrap();
        }
    }
    wait_for(&format!("{} passed. On to {}.", first.name, second.name));

    let mut stdin = watch.stdin.take().unwrap();
    writeln!(stdin, "q").unwrap();
    let status = watch.wait().unwrap();
    assert!(status.success(), "{status}");
}

/// The grader speaks the locale's language: Russian with `LANG=ru_RU.UTF-8`, unless `LC_ALL` or
/// `LC_MESSAGES` says otherwise; `--lang` overrides them all; the JSON for programs stays English
/// unless `--lang` asks. (Every other test here pins English: the golden cases run in-process,
/// where English is the default, and the commands above pass `--lang en`.)
async fn the_locale_chooses_the_language() {
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
    let title = course.find("factorial-gather").unwrap().title.ru.as_str();

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
fn hints_speak_russian_too() {
    let root = tempfile::tempdir().unwrap();
    std::fs::copy(
        course_root().join("course.toml"),
        root.path().join("course.toml"),
    )
    .unwrap();
    let course = Course::load(root.path()).unwrap();
    let hints = &course.find("fastest-ip").unwrap().hints.ru;
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
async fn list_shows_every_exercise_in_course_order() {
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
async fn chat_talks_to_the_bot() {
    use std::io::{BufRead, Write};
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
        std::fs::read(root.join("fixtures/image-bot/images/cat.png")).unwrap()
    );
    assert_eq!(
        read.last().map(String::as_str),
        Some("The chat has ended."),
        "{text}"
    );
}
