//! Runs an exercise's harness binary, one scenario at a time, and reads its output back as a
//! [`Run`]. Each run gets a fresh marker token and the limits of [`crate::child`].

use std::future::Future;
use std::hash::{BuildHasher, Hasher};
use std::path::{Path, PathBuf};
use std::pin::Pin;

use grader_kit::protocol::TOKEN_ON_STDIN_VAR;
use tokio::process::Command;

use crate::child::{Input, Limits, run_limited};
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
        self.run_until(args, None).await
    }

    /// Runs a scenario whose harness serves until its standard input ends: when `stop`
    /// completes (or at its limits).
    pub async fn run_until(
        &self,
        args: &[&str],
        stop: Option<Pin<Box<dyn Future<Output = ()> + Send>>>,
    ) -> Result<Run, String> {
        let token = fresh_token();
        let mut command = Command::new(&self.binary);
        command
            .args(args)
            .current_dir(&self.workdir)
            .env(TOKEN_ON_STDIN_VAR, "1")
            // The student's program should not colour or page anything it prints.
            .env("NO_COLOR", "1")
            .env_remove("RUST_LOG");
        // The mocks are on 127.0.0.1: no request of the student's may go through a proxy.
        for proxy in ["HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY"] {
            command.env_remove(proxy).env_remove(proxy.to_lowercase());
        }
        command.env("NO_PROXY", "127.0.0.1,localhost");
        let input = Input {
            text: format!("{token}\n"),
            close_when: stop,
        };
        let output = run_limited(command, self.limits, input)
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

/// Reads the text stored in an insta snapshot (`fixtures/<dir>/snapshots/<name>.snap`).
pub fn expected_text(snapshots: &Path, name: &str) -> Result<String, String> {
    let path = snapshots.join(format!("{name}.snap"));
    let snapshot = insta::Snapshot::from_file(&path)
        .map_err(|error| format!("cannot read the snapshot {}: {error}", path.display()))?;
    snapshot
        .as_text()
        .map(|text| text.to_string())
        .ok_or_else(|| format!("{} is not a text snapshot", path.display()))
}

/// Reads the timeline stored in an insta snapshot (`fixtures/<dir>/snapshots/<name>.snap`).
///
/// The grader only reads snapshots: it never writes one, so grading a student's tree leaves
/// no `.snap.new` behind. They are written by the project's tests and reviewed with
/// `cargo insta review`.
pub fn expected_timeline(snapshots: &Path, name: &str) -> Result<Timeline, String> {
    let text = expected_text(snapshots, name)?;
    Timeline::parse_rendered(&text).map_err(|error| format!("{name}.snap: {error}"))
}
