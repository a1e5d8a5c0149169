//! The kinds of check that `course.toml` declares, graded from data: `timeline` (a scenario's
//! timeline against its snapshot), `prediction` (a student's file against a snapshot) and the
//! verdicts every kind shares. A `custom` check is the exercise's own code, under
//! [`crate::exercises`]; it uses the same [`Context`].
//!
//! # Layout
//!
//! - [`timeline`]: runs scenarios on the paused clock and explains how a timeline differs from
//!   its snapshot, the likeliest mistake first.
//! - [`prediction`]: judges a prediction file (lines of output, or a total time).
//! - [`ended`]: compile errors and runs that ended badly, for every kind.

pub mod ended;
pub mod prediction;
pub mod timeline;

use std::borrow::Cow;
use std::path::PathBuf;

use crate::cargo::BuildError;
use crate::course::{CheckKind, Exercise, HIDDEN_SNAPSHOTS_DIR, Scenario, Variant};
use crate::harness::{Harness, expected_timeline};
use crate::timeline::Timeline;
use crate::verdict::{Outcome, Status};

/// What the checks of one exercise get to work with.
pub struct Context<'a> {
    pub exercise: &'a Exercise,
    pub variant: Variant,
    /// The built harness, or why it could not be built.
    pub harness: Result<Harness, BuildError>,
    /// The graded crate's folder (the student's stub, or the solution).
    pub crate_dir: PathBuf,
    /// `fixtures/<dir>`: the exercise's data, and its snapshots under `snapshots/`.
    pub fixtures: PathBuf,
    /// Seeds whatever a check draws at random, so that a run can be replayed.
    pub seed: u64,
}

impl Context<'_> {
    /// `fixtures/<dir>/snapshots`.
    pub fn snapshots(&self) -> PathBuf {
        self.fixtures.join("snapshots")
    }
}

/// A scenario with the timeline its snapshot expects.
pub struct Expected<'a> {
    /// The course's scenario, or an instructor's hidden one.
    pub scenario: Cow<'a, Scenario>,
    pub timeline: Timeline,
}

/// Grades every check of the exercise that is not `custom`, and the `custom` ones too when the
/// harness did not build (they get its compile error). Fails only when the grader itself lacks
/// something (a snapshot): a student's mistake is an outcome, never an error.
pub async fn grade(context: &Context<'_>) -> Result<Vec<(String, Outcome)>, String> {
    let exercise = context.exercise;
    // Every expected timeline is read before any of the student's code runs.
    let prepared = prepare(context)?;
    let mut outcomes = Vec::new();
    for (check, prepared) in exercise.checks.iter().zip(prepared) {
        let outcome = match (prepared, &context.harness) {
            (Prepared::Prediction(expected), _) => {
                prediction::judge(check, &expected, &context.crate_dir)
            }
            (_, Err(error)) => ended::compile_error(error, exercise),
            (Prepared::Timeline(scenarios), Ok(harness)) => {
                timeline::grade(check, &scenarios, harness).await
            }
            (Prepared::Custom, Ok(_)) => continue,
        };
        outcomes.push((check.id.clone(), outcome));
    }
    Ok(outcomes)
}

/// What a check needs from the grading files, read before it runs.
enum Prepared<'a> {
    Timeline(Vec<Expected<'a>>),
    Prediction(Expected<'a>),
    Custom,
}

/// Reads what each check of the exercise compares with: the snapshots of its scenarios, the
/// course's and the instructor's hidden ones.
fn prepare<'a>(context: &Context<'a>) -> Result<Vec<Prepared<'a>>, String> {
    let exercise = context.exercise;
    let hidden = exercise.hidden_scenarios(&context.fixtures)?;
    let hidden_snapshots = context.fixtures.join(HIDDEN_SNAPSHOTS_DIR);
    let expected = |name: &str| -> Result<Expected<'a>, String> {
        let scenario = exercise
            .scenario(name)
            .ok_or_else(|| format!("no scenario is named `{name}`"))?;
        Ok(Expected {
            scenario: Cow::Borrowed(scenario),
            timeline: expected_timeline(&context.snapshots(), name)?,
        })
    };
    let mut prepared = Vec::new();
    for check in &exercise.checks {
        prepared.push(match check.kind {
            CheckKind::Prediction => {
                Prepared::Prediction(expected(check.scenario.as_deref().unwrap_or_default())?)
            }
            CheckKind::Timeline => {
                let mut scenarios = Vec::new();
                for name in &check.scenarios {
                    scenarios.push(expected(name)?);
                }
                for (_, scenario) in hidden.iter().filter(|(id, _)| *id == check.id) {
                    scenarios.push(Expected {
                        timeline: expected_timeline(&hidden_snapshots, &scenario.name)?,
                        scenario: Cow::Owned(scenario.clone()),
                    });
                }
                Prepared::Timeline(scenarios)
            }
            CheckKind::Custom => Prepared::Custom,
        });
    }
    Ok(prepared)
}

/// Fails each check whose `requires` check did not pass, with the exercise's words for it.
pub fn apply_requirements(exercise: &Exercise, outcomes: &mut [(String, Outcome)]) {
    let passed = |outcomes: &[(String, Outcome)], id: &str| {
        outcomes
            .iter()
            .any(|(other, outcome)| other == id && outcome.status == Status::Passed)
    };
    for check in &exercise.checks {
        let Some(requirement) = &check.requires else {
            continue;
        };
        if passed(outcomes, &check.id) && !passed(outcomes, &requirement.check) {
            let at = outcomes.iter().position(|(id, _)| *id == check.id);
            if let Some(at) = at {
                outcomes[at].1 = Outcome::failed(requirement.message.get().clone());
            }
        }
    }
}
