//! Grades a selection of exercises: builds their harnesses in one go, then runs each
//! exercise's checks and gives them their points from the course file.

use std::path::PathBuf;

use crate::cargo::build_harnesses;
use crate::checks::{self, Context};
use crate::child::Limits;
use crate::course::CheckKind;
use crate::course::{Course, Exercise, Variant};
use crate::exercises;
use crate::harness::Harness;
use crate::integrity::{exercise_of, problem_path};
use crate::progress::Progress;
use crate::submission::WorkingCopy;
use crate::tr;
use crate::verdict::{CheckReport, ExerciseReport, Grade, Outcome, Status};

/// What to grade.
#[derive(Debug, Clone)]
pub struct Plan {
    /// The root of the course copy to grade.
    pub root: PathBuf,
    /// Exercise names (or former folders' names); empty for all.
    pub names: Vec<String>,
    pub variant: Variant,
    pub limits: Limits,
    /// Seeds the random scenarios of the checks that have some; a failure names it, and the
    /// same seed replays the same run.
    pub seed: u64,
    /// Where cargo builds the harnesses; the course's own `target/` when `None`. Never share
    /// one between two copies of the course (see `cargo::build_harnesses`).
    pub target_dir: Option<PathBuf>,
    /// A student's checkout whose answer files are graded with the course at `root` (the
    /// instructor's), in a working copy of it: see [`crate::submission`]. `None` grades the
    /// course at `root` as it is.
    pub submission: Option<PathBuf>,
    /// With a submission: where the working copy goes (`target/submission` under `root` when
    /// `None`); it builds in `target_dir` if given, else beside the copy.
    pub work_dir: Option<PathBuf>,
}

/// Grades what `plan` names. Fails only when the grader itself cannot run (no course file,
/// an unknown exercise, no cargo); a student's mistakes are verdicts, never errors, and a
/// problem with one exercise's grading data is noted in [`Grade::problems`].
pub async fn grade(plan: &Plan, progress: &Progress) -> Result<Grade, String> {
    let course = Course::load(&plan.root)?;
    let selected = course.select(&plan.names)?;

    // Which copy is graded: the course as it is, or a working copy of the instructor's with the
    // student's answers laid over it. Either way the grading files are checked against the
    // manifest before any student code runs.
    let working_copy = match &plan.submission {
        Some(submission) => {
            let copy = WorkingCopy::prepare(&plan.root, plan.work_dir.as_deref())?;
            for note in copy.lay_answers(&course, submission)? {
                eprintln!("grader: {note}");
            }
            Some(copy)
        }
        None => None,
    };
    let (root, target_dir) = match &working_copy {
        Some(copy) => (
            copy.course.clone(),
            Some(
                plan.target_dir
                    .clone()
                    .unwrap_or_else(|| copy.target.clone()),
            ),
        ),
        None => (plan.root.clone(), plan.target_dir.clone()),
    };
    // In a student's own copy, an exercise whose grading files were edited scores nothing, and
    // a folder from before the course renamed its exercises is moved first.
    let students_own_copy = working_copy.is_none() && plan.variant == Variant::Exercise;
    if students_own_copy {
        // One exercise's missing folder stops every build, selected or not.
        for exercise in &course.exercises {
            crate::former_folders::require_moved(&root, exercise)?;
        }
    }
    let tampered = match working_copy {
        Some(_) => Vec::new(),
        None => crate::integrity::verify(&root),
    };

    progress.set_message(&tr!("progress-compiling"));
    let builds = build_harnesses(
        &root,
        target_dir.as_deref(),
        &selected,
        plan.variant,
        plan.limits.build_time,
        |name| progress.set_message(&tr!("progress-compiling-one", exercise = name)),
    )
    .await?;

    let mut reports = Vec::new();
    let mut problems = Vec::new();
    for exercise in selected {
        progress.set_message(&tr!("progress-grading", exercise = exercise.name.as_str()));
        if let Some(copy) = &working_copy {
            // What the last exercise's programs changed among the grading files is put back.
            let put_back = copy.hold()?;
            if !put_back.is_empty() {
                eprintln!(
                    "grader: a program changed grading files, put back before {} was graded: {}",
                    exercise.name,
                    put_back.join(", ")
                );
            }
        }
        let harness = builds.get(&exercise.harness).map(|binary| Harness {
            binary,
            limits: plan.limits,
            workdir: exercise.crate_dir(&root, plan.variant),
        });
        let context = Context {
            exercise,
            variant: plan.variant,
            harness,
            crate_dir: exercise.crate_dir(&root, plan.variant),
            fixtures: exercise.fixtures_dir(&root),
            seed: plan.seed,
        };
        // A problem of the grader's own (a snapshot missing) is that exercise's verdict; the
        // others are graded all the same, and the run ends with the grader's error status.
        let outcomes = match tampered_file(&tampered, exercise) {
            Some(file) => forged(exercise, file),
            // Boxed: each exercise's checks are a large future, kept off the caller's stack.
            None => Box::pin(grade_exercise(&context))
                .await
                .unwrap_or_else(|problem| {
                    let message = tr!("runner-could-not-grade", problem = problem.as_str());
                    problems.push(format!("{}: {problem}", exercise.name));
                    exercise
                        .checks
                        .iter()
                        .map(|check| (check.id.clone(), Outcome::failed(message.clone())))
                        .collect()
                }),
        };
        let mut report = score(exercise, outcomes);
        if students_own_copy {
            report.notes = crate::former_folders::left_behind(&root, exercise);
        }
        reports.push(report);
    }
    progress.finish();
    let mut grade = Grade::new(reports, problems);
    grade.tampered = tampered;
    Ok(grade)
}

/// The first edited grading file that this exercise's grade depends on: one of its own, or one
/// every exercise shares.
fn tampered_file<'a>(tampered: &'a [String], exercise: &Exercise) -> Option<&'a str> {
    tampered
        .iter()
        .map(|problem| problem_path(problem))
        .find(|path| exercise_of(path).is_none_or(|dir| dir == exercise.name))
}

/// Every check of an exercise whose grading files were edited: no points, and how to undo it.
fn forged(exercise: &Exercise, file: &str) -> Vec<(String, Outcome)> {
    let message = tr!("runner-grading-file-edited", file = file);
    exercise
        .checks
        .iter()
        .map(|check| (check.id.clone(), Outcome::failed(message.clone())))
        .collect()
}

/// Grades one exercise's checks: those `course.toml` declares as data, then the exercise's
/// custom ones (when its harness was built), then the checks that require another to pass.
async fn grade_exercise(context: &Context<'_>) -> Result<Vec<(String, Outcome)>, String> {
    let mut outcomes = Box::pin(checks::grade(context)).await?;
    let has_custom = context
        .exercise
        .checks
        .iter()
        .any(|check| check.kind == CheckKind::Custom);
    if let (true, Ok(harness)) = (has_custom, &context.harness) {
        outcomes.extend(Box::pin(exercises::grade(context, harness)).await?);
    }
    checks::apply_requirements(context.exercise, &mut outcomes);
    Ok(outcomes)
}

/// Gives each outcome its check's points and hint, in the course file's order.
fn score(exercise: &Exercise, mut outcomes: Vec<(String, Outcome)>) -> ExerciseReport {
    let checks = exercise
        .checks
        .iter()
        .map(|check| {
            let outcome = outcomes
                .iter()
                .position(|(id, _)| *id == check.id)
                .map(|at| outcomes.remove(at).1)
                .unwrap_or_else(|| Outcome::failed(tr!("runner-check-not-run")));
            let passed = outcome.status == Status::Passed;
            let wants_hint = matches!(outcome.status, Status::Failed | Status::TimedOut);
            CheckReport {
                id: check.id.clone(),
                title: check.title.get().clone(),
                status: outcome.status,
                points: if passed { check.points } else { 0 },
                max_points: check.points,
                message: outcome.message,
                message_id: outcome.message_id,
                details: outcome.details,
                hint: check
                    .hint
                    .as_ref()
                    .map(|hint| hint.get().clone())
                    .filter(|_| wants_hint),
            }
        })
        .collect();
    ExerciseReport::new(exercise, checks)
}
