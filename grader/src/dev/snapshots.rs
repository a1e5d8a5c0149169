//! `dev snapshots [NAME...]`: runs every timeline scenario of the named exercises (all of them by
//! default) on the reference solution, and writes its timeline where the grader reads it:
//! `fixtures/<dir>/snapshots/<scenario>.snap`, or `fixtures/<dir>/hidden/` for an instructor's
//! hidden scenarios. Review the change with `git diff`, then `seal`.
//!
//! The test `grader/tests/snapshots.rs` records the same timelines and compares them with the
//! stored ones through insta, so that a solution that changes by accident fails a test.

use std::path::{Path, PathBuf};

use crate::cargo::build_harnesses;
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
    let fixtures = exercise.fixtures_dir(root);
    let mut scenarios: Vec<(PathBuf, &Scenario)> = exercise
        .scenarios
        .iter()
        .map(|scenario| (fixtures.join("snapshots"), scenario))
        .collect();
    let hidden = exercise.hidden_scenarios(&fixtures)?;
    for (_, scenario) in &hidden {
        scenarios.push((fixtures.join(HIDDEN_SNAPSHOTS_DIR), scenario));
    }
    if scenarios.is_empty() {
        return Ok(Vec::new());
    }
    let limits = Limits::default();
    let builds = build_harnesses(
        root,
        target_dir,
        &[exercise],
        Variant::Solution,
        limits.build_time,
        |_| {},
    )
    .await?;
    let binary = builds.get(&exercise.harness).map_err(|error| {
        format!(
            "{}'s solution does not build:\n{}",
            exercise.name, error.text
        )
    })?;
    let harness = Harness {
        binary,
        limits,
        workdir: exercise.crate_dir(root, Variant::Solution),
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

impl Recorded {
    /// The snapshot's file.
    pub fn path(&self) -> PathBuf {
        self.folder.join(format!("{}.snap", self.name))
    }

    /// Writes the snapshot, in insta's format; says whether it changed.
    pub fn write(&self) -> Result<bool, String> {
        let path = self.path();
        let text = format!("---\nsource: {SOURCE}\n---\n{}\n", self.text);
        if std::fs::read_to_string(&path).is_ok_and(|old| old == text) {
            return Ok(false);
        }
        std::fs::create_dir_all(&self.folder)
            .and_then(|()| std::fs::write(&path, text))
            .map_err(|error| format!("cannot write {}: {error}", path.display()))?;
        Ok(true)
    }
}
