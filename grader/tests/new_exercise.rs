//! A timeline exercise needs no Rust under `grader/src`: in a copy of the course, `dev new` starts
//! a tiny one (`tick-tock`: print `tick`, sleep a second, print `tock`; a name the course does
//! not use), the test writes its stub and its solution as an author would, records its snapshot
//! with `dev snapshots` and writes the generated files with `dev update`; then the grader,
//! unchanged, gives the solution full points, finds the stub not done, and fails the timeline of
//! two wrong versions.
//!
//! The copy builds in `target/new-exercise`, which outlives the test: only the first run
//! compiles the dependencies. Cargo adds the new packages to the copy's `Cargo.lock` as it
//! builds, offline.

use std::path::Path;

use grader::child::Limits;
use grader::course::{Course, Variant};
use grader::dev::{new::new_exercise, snapshots::record, update};
use grader::progress::Progress;
use grader::runner::{Plan, grade};
use grader::verdict::{ExerciseReport, Status};
use support::{copy_course, course_root};

mod support;

const NAME: &str = "tick-tock";

const STUB: &str = r#"//! Exercise: tick, tock, a second apart.

/// Prints `tick`, waits one second without blocking the thread, then prints `tock`.
pub async fn tick_tock() {
    // TODO: print, sleep with `tokio::time::sleep`, print again.
    todo!("tick, then tock a second later")
}
"#;

const SOLUTION: &str = r#"//! The reference solution: tick, tock, a second apart.

use std::time::Duration;

/// Prints `tick`, waits one second without blocking the thread, then prints `tock`.
pub async fn tick_tock() {
    println!("tick");
    tokio::time::sleep(Duration::from_secs(1)).await;
    println!("tock");
}
"#;

/// Two wrong versions, each with a piece of the verdict it must get: the thread blocked for
/// the second, and no second at all.
const WRONG: &[(&str, &str)] = &[
    (
        "pub async fn tick_tock() {\n    println!(\"tick\");\n    \
         std::thread::sleep(std::time::Duration::from_secs(1));\n    println!(\"tock\");\n}\n",
        "use `tokio::time::sleep(..).await`",
    ),
    (
        "pub async fn tick_tock() {\n    println!(\"tick\");\n    println!(\"tock\");\n}\n",
        "`tock` came at t=0s",
    ),
];

async fn grade_one(root: &Path, variant: Variant) -> ExerciseReport {
    let plan = Plan {
        root: root.to_path_buf(),
        names: vec![NAME.to_string()],
        variant,
        limits: Limits::default(),
        seed: 2026,
        target_dir: Some(support::target_dir("new-exercise")),
        submission: None,
        work_dir: None,
    };
    let mut grade = grade(&plan, &Progress::hidden()).await.unwrap();
    assert!(grade.problems.is_empty(), "{:?}", grade.problems);
    assert!(grade.tampered.is_empty(), "{:?}", grade.tampered);
    grade.exercises.remove(0)
}

#[tokio::test]
async fn a_new_timeline_exercise_grades_with_no_change_under_grader_src() {
    let started = std::time::Instant::now();
    let copy = tempfile::tempdir().unwrap();
    let root = copy.path();
    copy_course(&course_root(), root);

    // `dev new`, then the author's part: the stub, the solution.
    let new = new_exercise(root, NAME).unwrap();
    assert!(
        new.files.iter().all(|file| !file.starts_with("grader/src")),
        "{:?}",
        new.files
    );
    let lib = |variant: Variant| {
        root.join(variant.folder())
            .join(&new.name)
            .join("src/lib.rs")
    };
    std::fs::write(lib(Variant::Exercise), STUB).unwrap();
    std::fs::write(lib(Variant::Solution), SOLUTION).unwrap();

    // `dev snapshots tick-tock`, `dev update`, `seal`.
    let course = Course::load(root).unwrap();
    let exercise = course.find(NAME).unwrap();
    let target = support::target_dir("new-exercise");
    let recorded = record(root, exercise, Some(&target)).await.unwrap();
    assert_eq!(recorded.len(), 1);
    assert!(recorded[0].write().unwrap());
    let snapshot = std::fs::read_to_string(recorded[0].path()).unwrap();
    assert!(
        snapshot.contains("tick") && snapshot.contains("t=1s") && snapshot.contains("tock"),
        "{snapshot}"
    );
    update::update(root, &course).unwrap();
    let autograding = std::fs::read_to_string(root.join(update::AUTOGRADING)).unwrap();
    assert!(
        autograding.contains("cargo run -p grader -- tick-tock"),
        "{autograding}"
    );
    let readme = std::fs::read_to_string(root.join("README.md")).unwrap();
    assert!(readme.contains(&format!("(exercises/{}/)", new.name)));
    grader::integrity::seal(root).unwrap();

    let solution = grade_one(root, Variant::Solution).await;
    assert_eq!(solution.status, Status::Passed, "{solution:#?}");
    assert_eq!(solution.points, solution.max_points);

    let stub = grade_one(root, Variant::Exercise).await;
    for check in &stub.checks {
        assert_eq!(check.status, Status::NotDone, "{check:#?}");
    }

    for (text, verdict) in WRONG {
        std::fs::write(lib(Variant::Exercise), text).unwrap();
        let wrong = grade_one(root, Variant::Exercise).await;
        assert_eq!(wrong.points, 0, "{wrong:#?}");
        assert_eq!(wrong.checks[0].status, Status::Failed, "{wrong:#?}");
        assert!(wrong.checks[0].message.contains(verdict), "{wrong:#?}");
    }
    eprintln!(
        "a new exercise, written and graded, in {:.1?}",
        started.elapsed()
    );
}
