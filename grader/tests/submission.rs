//! The instructor's grading path, `--submission`: only the student's answer files count, and
//! nothing a submission writes or runs changes the grading files it is graded with.
//!
//! The instructor's course is this repository; its working copy (and build) is
//! `target/submission/`, kept between runs so that only the first one compiles the dependencies.

use std::path::{Path, PathBuf};

use grader::child::Limits;
use grader::course::{Course, Variant};
use grader::progress::Progress;
use grader::runner::{Plan, grade};
use grader::verdict::{Grade, Status};

/// The builds in the one working copy must not interleave.
static WORKING_COPY: tokio::sync::Mutex<()> = tokio::sync::Mutex::const_new(());

fn course_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap()
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
const SEQUENTIAL: &str = include_str!("../golden/factorial-gather/sequential/lib.rs");

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
    let exercise = student.path().join("exercises/factorial-gather");
    write(&exercise.join("src/lib.rs"), SEQUENTIAL);
    // The student's own snapshot and manifest agree with the sequential gather: ignored.
    write(
        &student
            .path()
            .join("fixtures/factorial-gather/snapshots/gather.snap"),
        SEQUENTIAL_SNAPSHOT,
    );
    write(
        &student.path().join("grader/MANIFEST.sha256"),
        "0000  fixtures/factorial-gather/snapshots/gather.snap\n",
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

/// The answers of a submission made before the course renamed the exercises' folders (each in
/// the exercise's former folder) grade exactly as the same answers in the exercises' folders.
#[tokio::test]
async fn a_submission_from_before_the_rename_grades_as_one_after_it() {
    let _working_copy = WORKING_COPY.lock().await;
    let root = course_root();
    let course = Course::load(&root).unwrap();
    // factorial-gather: the sequential gather and its prediction; fastest-ip: a race that does
    // not cancel its losers; image-bot: the reference solution. The rest of each `src/` is the
    // stub's.
    let answers = [
        (
            "factorial-gather",
            SEQUENTIAL.to_string(),
            Some("grader/golden/factorial-gather/sequential/prediction.txt"),
        ),
        (
            "fastest-ip",
            read(&root.join("grader/golden/fastest-ip/no-cancel/lib.rs")),
            None,
        ),
        (
            "image-bot",
            read(&root.join("solutions/image-bot/src/lib.rs")),
            None,
        ),
    ];
    let (before, after) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    for (name, lib, prediction) in &answers {
        let exercise = course.find(name).unwrap();
        let stub = exercise.crate_dir(&root, Variant::Exercise);
        let mut files: Vec<(String, String)> = std::fs::read_dir(stub.join("src"))
            .unwrap()
            .map(|entry| entry.unwrap().path())
            .map(|path| {
                let name = path.file_name().unwrap().to_string_lossy();
                (format!("src/{name}"), read(&path))
            })
            .collect();
        files.retain(|(file, _)| file != "src/lib.rs");
        files.push(("src/lib.rs".to_string(), lib.clone()));
        if let Some(prediction) = prediction {
            files.push(("prediction.txt".to_string(), read(&root.join(prediction))));
        }
        let former = &exercise.former_dirs[0];
        for (file, text) in &files {
            write(
                &before.path().join("exercises").join(former).join(file),
                text,
            );
            write(&after.path().join("exercises").join(name).join(file), text);
        }
    }
    let names = answers.map(|(name, _, _)| name);
    let graded_before = grade_submission(before.path(), &names).await;
    let graded_after = grade_submission(after.path(), &names).await;
    assert_eq!(
        serde_json::to_value(&graded_before.exercises).unwrap(),
        serde_json::to_value(&graded_after.exercises).unwrap()
    );
    // The answers were graded, not the stubs.
    assert_eq!(
        check(&graded_before, "fastest-ip", "first-success").status,
        Status::Passed
    );
    assert_eq!(
        check(&graded_before, "fastest-ip", "cancelled").status,
        Status::Failed
    );
    let image_bot = graded_before
        .exercises
        .iter()
        .find(|report| report.name == "image-bot")
        .unwrap();
    assert_eq!(image_bot.points, image_bot.max_points, "{image_bot:#?}");
    assert_eq!(
        check(&graded_before, "factorial-gather", "gather").status,
        Status::Failed
    );
}

/// A submission cannot hand in the instructor's own files through a symbolic link: not as an
/// answer (`src` linked to the solution's), nor as a folder on the way to one (the exercise's
/// former folder linked to the solution). The stub is graded instead.
#[cfg(unix)]
#[tokio::test]
async fn links_to_the_instructors_solution_are_not_followed() {
    let _working_copy = WORKING_COPY.lock().await;
    let solution = course_root()
        .canonicalize()
        .unwrap()
        .join("solutions/factorial-gather");
    for (link, target) in [
        ("exercises/factorial-gather/src", solution.join("src")),
        ("exercises/01-factorial-gather", solution.clone()),
    ] {
        let student = tempfile::tempdir().unwrap();
        let link = student.path().join(link);
        std::fs::create_dir_all(link.parent().unwrap()).unwrap();
        std::os::unix::fs::symlink(&target, &link).unwrap();
        let grade = grade_submission(student.path(), &["factorial-gather"]).await;
        let report = &grade.exercises[0];
        assert_eq!(report.points, 0, "{}: {report:#?}", link.display());
        assert_eq!(
            check(&grade, "factorial-gather", "factorial").status,
            Status::NotDone
        );
    }
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
             let _ = std::fs::write(\"../../fixtures/factorial-gather/snapshots/gather.snap\", {:?});\n\
             let _ = std::fs::write(\"../../fixtures/image-bot/snapshots/folder.snap\", \"forged\");\n\
             let _ = std::fs::write(\"../../grader/MANIFEST.sha256\", \"\");\n\
         }}\n",
        SEQUENTIAL_SNAPSHOT
    )
    .replace(
        "pub async fn factorial(name: &str, number: u64) -> u64 {\n",
        "pub async fn factorial(name: &str, number: u64) -> u64 {\n    sabotage();\n",
    );
    write(
        &student.path().join("exercises/factorial-gather/src/lib.rs"),
        &sabotage,
    );
    // image-bot, answered with the reference solution: it must still get every point.
    let solution = root.join("solutions/image-bot/src");
    for entry in std::fs::read_dir(&solution).unwrap() {
        let entry = entry.unwrap();
        let to = student
            .path()
            .join("exercises/image-bot/src")
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
