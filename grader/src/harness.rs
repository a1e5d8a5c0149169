//! Runs an exercise's harness binary, one scenario at a time, and reads its output back as a
//! [`Run`]. Each run gets a fresh marker token and the limits of [`crate::child`].

use std::hash::{BuildHasher, Hasher};
use std::path::{Path, PathBuf};

use grader_kit::protocol::TOKEN_ON_STDIN_VAR;
use tokio::process::Command;

use crate::child::{Limits, run_limited};
use crate::timeline::{Run, Timeline};

/// A built harness, ready to run scenarios.
#[derive(Debug, Clone)]
pub struct Harness {
    pub binary: PathBuf,
    pub limits: Limits,
    /// The folder the harness runs in: the graded crate's, so relative paths work as with
    /// `cargo run`.
    pub workdir: PathBuf,
}

impl Harness {
    /// Runs one scenario (the harness's arguments) to its end or its limits.
    pub async fn run(&self, args: &[&str]) -> Result<Run, String> {
        let token = fresh_token();
        let mut command = Command::new(&self.binary);
        command
            .args(args)
            .current_dir(&self.workdir)
            .env(TOKEN_ON_STDIN_VAR, "1")
            // The student's program should not colour or page anything it prints.
            .env("NO_COLOR", "1")
            .env_remove("RUST_LOG");
        let output = run_limited(command, self.limits, &format!("{token}\n"))
            .await
            .map_err(|error| format!("cannot run {}: {error}", self.binary.display()))?;
        Ok(Run::parse(&output, &token))
    }
}

/// A token no student output will contain by chance: random per process and per call.
fn fresh_token() -> String {
    let mut hasher = std::collections::hash_map::RandomState::new().build_hasher();
    hasher.write_u128(
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|elapsed| elapsed.as_nanos())
            .unwrap_or_default(),
    );
    hasher.write_u32(std::process::id());
    format!("{:016x}", hasher.finish())
}

/// Reads the timeline stored in an insta snapshot (`fixtures/<dir>/snapshots/<name>.snap`).
///
/// The grader only reads snapshots: it never writes one, so grading a student's tree leaves
/// no `.snap.new` behind. They are written by the project's tests and reviewed with
/// `cargo insta review`.
pub fn expected_timeline(snapshots: &Path, name: &str) -> Result<Timeline, String> {
    let path = snapshots.join(format!("{name}.snap"));
    let snapshot = insta::Snapshot::from_file(&path)
        .map_err(|error| format!("cannot read the snapshot {}: {error}", path.display()))?;
    let text = snapshot
        .as_text()
        .ok_or_else(|| format!("{} is not a text snapshot", path.display()))?
        .to_string();
    Timeline::parse_rendered(&text).map_err(|error| format!("{}: {error}", path.display()))
}
