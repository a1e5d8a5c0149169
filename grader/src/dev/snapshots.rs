//! `dev snapshots [NAME...]`: runs every timeline scenario of the named exercises (all of them by
//! default) on the reference solution, their harnesses built in one go, and writes its timeline
//! where the grader reads it: `fixtures/<dir>/snapshots/<scenario>.snap`, or
//! `fixtures/<dir>/hidden/` for an instructor's hidden scenarios. Review the change with
//! `git diff`, then `seal`. `dev check` records them too, and fails when one differs.
//!
//! The test `grader/tests/snapshots.rs` records the same timelines and compares them with the
//! stored ones through insta, so that a solution that changes by accident fails a test.

use std::path::{Path, PathBuf};

use crate::cargo::{Builds, build_harnesses};
use crate::child::Limits;
use crate::course::{Exercise, HIDDEN_SNAPSHOTS_DIR, Scenario, Variant};
use crate::harness::Harness;

/// The timeline the reference solution gives for one scenario, and where its snapshot goes.
#[derive(Debug)]
pub struct Recorded {
    /// The snapshot's folder: `fixtures/<dir>/snapshots` or `fixtures/<dir>/hidden`.
    pub folder: PathBuf,
    /// The scenario's name: the snapshot is `<folder>/<name>.snap`.
    pub name: String,
    pub text: String,
}

/// The `source` insta writes in a snapshot's header, and the test that checks them.
const SOURCE: &str = "grader/tests/snapshots.rs";

/// Runs the reference solution of `exercise` through every timeline scenario (its own and the
/// hidden ones) and returns their timelines. Fails when the solution does not build, or a run
/// does not end well: a snapshot must be the reference's behaviour.
pub async fn record(
    root: &Path,
    exercise: &Exercise,
    target_dir: Option<&Path>,
) -> Result<Vec<Recorded>, String> {
    Recorder::build(root, &[exercise], target_dir)
        .await?
        .record(exercise)
        .await
}

/// The reference solutions' harnesses of several exercises, built in one go, ready to record
/// each exercise's timelines.
pub struct Recorder {
    root: PathBuf,
    builds: Option<Builds>,
    limits: Limits,
}

impl Recorder {
    /// Builds the solutions' harnesses of those `exercises` that have timeline scenarios (their
    /// own or hidden ones), in one `cargo build`.
    pub async fn build(
        root: &Path,
        exercises: &[&Exercise],
        target_dir: Option<&Path>,
    ) -> Result<Recorder, String> {
        let mut with_scenarios = Vec::new();
        for exercise in exercises {
            if !scenarios(root, exercise)?.is_empty() {
                with_scenarios.push(*exercise);
            }
        }
        let limits = Limits::default();
        let builds = if with_scenarios.is_empty() {
            None
        } else {
            Some(
                build_harnesses(
                    root,
                    target_dir,
                    &with_scenarios,
                    Variant::Solution,
                    limits.build_time,
                    |_| {},
                )
                .await?,
            )
        };
        Ok(Recorder {
            root: root.to_path_buf(),
            builds,
            limits,
        })
    }

    /// Runs the reference solution of `exercise`, one of those built, through each of its
    /// timeline scenarios.
    pub async fn record(&self, exercise: &Exercise) -> Result<Vec<Recorded>, String> {
        let scenarios = scenarios(&self.root, exercise)?;
        let Some(builds) = self.builds.as_ref().filter(|_| !scenarios.is_empty()) else {
            return Ok(Vec::new());
        };
        let binary = builds.get(&exercise.harness).map_err(|error| {
            format!(
                "{}'s solution does not build:\n{}",
                exercise.name, error.text
            )
        })?;
        let harness = Harness {
            binary,
            limits: self.limits,
            workdir: exercise.crate_dir(&self.root, Variant::Solution),
        };
        let mut recorded = Vec::new();
        for (folder, scenario) in scenarios {
            let args: Vec<&str> = scenario.run.iter().map(String::as_str).collect();
            let run = harness
                .run_scenario(&args, scenario.virtual_limit_s)
                .await?;
            if run.panic.is_some() || run.watchdog.is_some() || !run.unterminated.is_empty() {
                return Err(format!(
                    "the reference solution of {} did not run `{}` well: {run:?}",
                    exercise.name, scenario.name
                ));
            }
            recorded.push(Recorded {
                folder,
                name: scenario.name.clone(),
                text: run.timeline.render(),
            });
        }
        Ok(recorded)
    }
}

/// Every timeline scenario of `exercise`, its own then the hidden ones, with the folder of its
/// snapshot.
fn scenarios(root: &Path, exercise: &Exercise) -> Result<Vec<(PathBuf, Scenario)>, String> {
    let fixtures = exercise.fixtures_dir(root);
    let mut scenarios: Vec<(PathBuf, Scenario)> = exercise
        .scenarios
        .iter()
        .map(|scenario| (fixtures.join("snapshots"), scenario.clone()))
        .collect();
    for (_, scenario) in exercise.hidden_scenarios(&fixtures)? {
        scenarios.push((fixtures.join(HIDDEN_SNAPSHOTS_DIR), scenario));
    }
    Ok(scenarios)
}

impl Recorded {
    /// The snapshot's file.
    pub fn path(&self) -> PathBuf {
        self.folder.join(format!("{}.snap", self.name))
    }

    /// The snapshot file's text, in insta's format.
    fn file_text(&self) -> String {
        format!("---\nsource: {SOURCE}\n---\n{}\n", self.text)
    }

    /// Whether the snapshot is stored, as [`Recorded::write`] would write it.
    pub fn is_stored(&self) -> bool {
        std::fs::read_to_string(self.path()).is_ok_and(|old| old == self.file_text())
    }

    /// Writes the snapshot; says whether it changed.
    pub fn write(&self) -> Result<bool, String> {
        let path = self.path();
        let text = self.file_text();
        if self.is_stored() {
            return Ok(false);
        }
        std::fs::create_dir_all(&self.folder)
            .and_then(|()| std::fs::write(&path, text))
            .map_err(|error| format!("cannot write {}: {error}", path.display()))?;
        Ok(true)
    }
}
