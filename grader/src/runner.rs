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
use crate::progress::Progress;
use crate::tr;
use crate::verdict::{CheckReport, ExerciseReport, Grade, Outcome, Status};

/// What to grade.
#[derive(Debug, Clone)]
pub struct Plan {
    /// The root of the course copy to grade.
    pub root: PathBuf,
    /// Exercise names (package or folder); empty for all.
    pub names: Vec<String>,
    pub variant: Variant,
    pub limits: Limits,
    /// Seeds the random scenarios of the checks that have some; a failure names it, and the
    /// same seed replays the same run.
    pub seed: u64,
    /// Where cargo builds the harnesses; the course's own `target/` when `None`. Never share
    /// one between two copies of the course (see `cargo::build_harnesses`).
    pub target_dir: Option<PathBuf>,
}

/// Grades what `plan` names. Fails only when the grader itself cannot run (no course file,
/// an unknown exercise, no cargo); a student's mistakes are verdicts, never errors, and a
/// problem with one exercise's grading data is noted in [`Grade::problems`].
pub async fn grade(plan: &Plan, progress: &Progress) -> Result<Grade, String> {
    let course = Course::load(&plan.root)?;
    let selected = course.select(&plan.names)?;

    progress.set_message(&tr!("progress-compiling"));
    let builds = build_harnesses(
        &plan.root,
        plan.target_dir.as_deref(),
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
        let harness = builds.get(&exercise.harness).map(|binary| Harness {
            binary,
            limits: plan.limits,
            workdir: exercise.crate_dir(&plan.root, plan.variant),
        });
        let context = Context {
            exercise,
            variant: plan.variant,
            harness,
            crate_dir: exercise.crate_dir(&plan.root, plan.variant),
            fixtures: exercise.fixtures_dir(&plan.root),
            seed: plan.seed,
        };
        // A problem of the grader's own (a snapshot missing) is that exercise's verdict; the
        // others are graded all the same, and the run ends with the grader's error status.
        let outcomes = grade_exercise(&context).await.unwrap_or_else(|problem| {
            let message = tr!("runner-could-not-grade", problem = problem.as_str());
            problems.push(format!("{}: {problem}", exercise.name));
            exercise
                .checks
                .iter()
                .map(|check| (check.id.clone(), Outcome::failed(message.clone())))
                .collect()
        });
        reports.push(score(exercise, outcomes));
    }
    progress.finish();
    let mut grade = Grade::new(reports, problems);
    grade.tampered = crate::integrity::verify(&plan.root);
    Ok(grade)
}

/// Grades one exercise's checks: those `course.toml` declares as data, then the exercise's
/// custom ones (when its harness was built), then the checks that require another to pass.
async fn grade_exercise(context: &Context<'_>) -> Result<Vec<(String, Outcome)>, String> {
    let mut outcomes = checks::grade(context).await?;
    let has_custom = context
        .exercise
        .checks
        .iter()
        .any(|check| check.kind == CheckKind::Custom);
    if let (true, Ok(harness)) = (has_custom, &context.harness) {
        outcomes.extend(exercises::grade(context, harness).await?);
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
