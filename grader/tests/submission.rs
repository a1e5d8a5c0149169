//! The instructor's grading path, `--submission`: only the student's answer files count, and
//! nothing a submission writes or runs changes the grading files it is graded with.
//!
//! The instructor's course is this repository; its working copy (and build) is
//! `target/submission/`, kept between runs so that only the first one compiles the dependencies.

use std::path::{Path, PathBuf};

use grader::child::Limits;
use grader::course::Variant;
use grader::progress::Progress;
use grader::runner::{Plan, grade};
use grader::verdict::{Grade, Status};

/// The builds in the one working copy must not interleave.
static WORKING_COPY: tokio::sync::Mutex<()> = tokio::sync::Mutex::const_new(());

fn course_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn write(path: &Path, text: &str) {
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, text).unwrap();
}

async fn grade_submission(submission: &Path, names: &[&str]) -> Grade {
    let plan = Plan {
        root: course_root().canonicalize().unwrap(),
        names: names.iter().map(|name| name.to_string()).collect(),
        variant: Variant::Exercise,
        limits: Limits::default(),
        seed: 2026,
        target_dir: None,
        submission: Some(submission.to_path_buf()),
        work_dir: None,
    };
    grade(&plan, &Progress::hidden()).await.unwrap()
}

fn check<'a>(grade: &'a Grade, exercise: &str, id: &str) -> &'a grader::verdict::CheckReport {
    grade
        .exercises
        .iter()
        .find(|report| report.name == exercise)
        .and_then(|report| report.checks.iter().find(|check| check.id == id))
        .unwrap()
}

/// A gather that awaits the tasks one after another (3 s becomes 6 s).
const SEQUENTIAL: &str = include_str!("../golden/01-factorial-gather/sequential/lib.rs");

/// The timeline of that sequential gather, as a forged snapshot would hold it.
const SEQUENTIAL_SNAPSHOT: &str = "---\nsource: grader/tests/snapshots.rs\n---\nt=0s\n  Task A: \
    Compute factorial(2)...\nt=1s\n  Task A: factorial(2) = 2\n  Task B: Compute factorial(2)...\n\
    t=2s\n  Task B: Compute factorial(3)...\nt=3s\n  Task B: factorial(3) = 6\n  Task C: Compute \
    factorial(2)...\nt=4s\n  Task C: Compute factorial(3)...\nt=5s\n  Task C: Compute \
    factorial(4)...\nt=6s\n  Task C: factorial(4) = 24\nreturned at t=6s: [2,6,24]\n";

#[tokio::test]
async fn a_forged_and_resealed_copy_gets_the_verdict_its_code_deserves() {
    let _working_copy = WORKING_COPY.lock().await;
    let student = tempfile::tempdir().unwrap();
    let exercise = student.path().join("exercises/01-factorial-gather");
    write(&exercise.join("src/lib.rs"), SEQUENTIAL);
    // The student's own snapshot and manifest agree with the sequential gather: ignored.
    write(
        &student
            .path()
            .join("fixtures/01-factorial-gather/snapshots/gather.snap"),
        SEQUENTIAL_SNAPSHOT,
    );
    write(
        &student.path().join("grader/MANIFEST.sha256"),
        "0000  fixtures/01-factorial-gather/snapshots/gather.snap\n",
    );
    let grade = grade_submission(student.path(), &["factorial-gather"]).await;
    assert_eq!(
        check(&grade, "factorial-gather", "factorial").status,
        Status::Passed
    );
    let gather = check(&grade, "factorial-gather", "gather");
    assert_eq!(gather.status, Status::Failed);
    assert!(
        gather.message.contains("the tasks ran one after another"),
        "{}",
        gather.message
    );
    // No prediction.txt in the submission: the stub's, which predicts nothing yet.
    assert_eq!(
        check(&grade, "factorial-gather", "prediction").status,
        Status::NotDone
    );
    assert!(grade.tampered.is_empty() && grade.problems.is_empty());
}

#[tokio::test]
async fn a_program_that_rewrites_grading_files_while_it_runs_changes_nothing() {
    let _working_copy = WORKING_COPY.lock().await;
    let root = course_root();
    let student = tempfile::tempdir().unwrap();
    // factorial-gather's `factorial` rewrites its own gather snapshot to the sequential one,
    // image-bot's transcripts and the manifest (the harness runs in the exercise's folder of
    // the working copy); its gather runs in sequence.
    let sabotage = format!(
        "{SEQUENTIAL}\n\
         pub fn sabotage() {{\n\
             let _ = std::fs::write(\"../../fixtures/01-factorial-gather/snapshots/gather.snap\", {:?});\n\
             let _ = std::fs::write(\"../../fixtures/03-image-bot/snapshots/folder.snap\", \"forged\");\n\
             let _ = std::fs::write(\"../../grader/MANIFEST.sha256\", \"\");\n\
         }}\n",
        SEQUENTIAL_SNAPSHOT
    )
    .replace(
        "pub async fn factorial(name: &str, number: u64) -> u64 {\n",
        "pub async fn factorial(name: &str, number: u64) -> u64 {\n    sabotage();\n",
    );
    write(
        &student
            .path()
            .join("exercises/01-factorial-gather/src/lib.rs"),
        &sabotage,
    );
    // image-bot, answered with the reference solution: it must still get every point.
    let solution = root.join("solutions/03-image-bot/src");
    for entry in std::fs::read_dir(&solution).unwrap() {
        let entry = entry.unwrap();
        let to = student
            .path()
            .join("exercises/03-image-bot/src")
            .join(entry.file_name());
        write(&to, &std::fs::read_to_string(entry.path()).unwrap());
    }
    let grade = grade_submission(student.path(), &["factorial-gather", "image-bot"]).await;
    let gather = check(&grade, "factorial-gather", "gather");
    assert_eq!(gather.status, Status::Failed, "{}", gather.message);
    let image_bot = grade
        .exercises
        .iter()
        .find(|report| report.name == "image-bot")
        .unwrap();
    assert_eq!(
        image_bot.points, image_bot.max_points,
        "{:#?}",
        image_bot.checks
    );
    assert!(grade.problems.is_empty(), "{:?}", grade.problems);
    // The instructor's own files were not touched.
    assert!(grader::integrity::verify(&root).is_empty());
}
