//! Builds the harnesses of the exercises being graded, in one `cargo build` so that they compile
//! in parallel, with `--keep-going` so that one exercise's compile error never stops the others.
//! Cargo's JSON messages say which package each error belongs to, and so which exercise.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::Duration;

use cargo_metadata::{Message, MetadataCommand, diagnostic::DiagnosticLevel};
use tokio::io::{AsyncBufReadExt, AsyncReadExt, BufReader};
use tokio::process::Command;

use crate::child::last_lines;
use crate::course::{Exercise, Variant};
use crate::tr;

/// How many compiler errors a verdict shows before it says how many more there are.
const ERRORS_SHOWN: usize = 3;

/// The `cargo` to call: the one that runs the grader, when it was started with `cargo run`.
pub fn cargo_program() -> std::ffi::OsString {
    std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into())
}

/// A `cargo` command without the variables that `cargo run` (or `cargo test`) set for the
/// grader: some build scripts (ring's) ask to be rerun when one of them changes, so a nested
/// build that inherited them would rebuild those dependencies, and the next `cargo test` would
/// rebuild them back.
pub fn cargo_command() -> Command {
    let mut command = Command::new(cargo_program());
    for (name, _) in std::env::vars_os() {
        let Some(name) = name.to_str() else { continue };
        let set_by_cargo = name == "CARGO"
            || name == "OUT_DIR"
            || [
                "CARGO_PKG_",
                "CARGO_MANIFEST_",
                "CARGO_BIN_",
                "CARGO_CRATE_",
            ]
            .iter()
            .any(|prefix| name.starts_with(prefix))
            || [
                "CARGO_PRIMARY_PACKAGE",
                "CARGO_TARGET_TMPDIR",
                "CARGO_RUSTC_CURRENT_DIR",
            ]
            .contains(&name);
        if set_by_cargo {
            command.env_remove(name);
        }
    }
    command
}

/// Why an exercise's harness could not be built.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BuildError {
    pub kind: BuildErrorKind,
    /// The compiler's first errors, or cargo's complaint.
    pub text: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BuildErrorKind {
    /// The graded crate itself (or the workspace) does not compile.
    Crate,
    /// The graded crate compiles, but the harness that calls it does not: its public API is not
    /// the one the exercise requires.
    Api,
    /// Compiling ran past its time limit.
    TimedOut,
}

/// The harness binaries that were built, copied to a folder of their own so that no other build
/// (another grader, `cargo test`) can replace them while they run.
#[derive(Debug)]
pub struct Builds {
    pub by_harness: HashMap<String, Result<PathBuf, BuildError>>,
    _binaries: tempfile::TempDir,
}

impl Builds {
    pub fn get(&self, harness: &str) -> Result<PathBuf, BuildError> {
        self.by_harness.get(harness).cloned().unwrap_or_else(|| {
            Err(BuildError {
                kind: BuildErrorKind::Crate,
                text: format!("cargo built no `{harness}`"),
            })
        })
    }
}

/// Builds the harness of every exercise in `exercises`, linking the `variant` of each.
/// `on_progress` is told the name of each crate as it finishes compiling.
/// Fails only when cargo itself cannot be run.
pub async fn build_harnesses(
    root: &Path,
    target_dir: Option<&Path>,
    exercises: &[&Exercise],
    variant: Variant,
    time_limit: Duration,
    on_progress: impl Fn(&str),
) -> Result<Builds, String> {
    let manifest = root.join("Cargo.toml");
    // A broken manifest makes this fail; cargo's build then fails too and says why, and that
    // message becomes every exercise's compile error rather than stopping the grader.
    let names = package_names(&manifest).await.unwrap_or_default();
    // Each copy of the course builds in a target folder of its own, whatever CARGO_TARGET_DIR
    // says: cargo hashes a workspace's crates by their paths *inside* the workspace, so two
    // copies sharing a target folder would mistake one copy's binary for the other's.
    let target_dir = target_dir.map_or_else(|| root.join("target"), Path::to_path_buf);
    // One grader at a time builds in a target folder and copies its binaries out: the harness
    // binary is rebuilt in place when the graded variant changes.
    let _lock = lock_target_dir(&target_dir).await?;

    let mut command = cargo_command();
    command
        .arg("build")
        .arg("--manifest-path")
        .arg(&manifest)
        .args([
            "--keep-going",
            "--message-format",
            "json",
            "--color",
            "never",
        ])
        .arg("--no-default-features")
        .arg("--target-dir")
        .arg(&target_dir);
    let mut features = Vec::new();
    for exercise in exercises {
        command.args(["-p", &exercise.harness]);
        features.push(format!("{}/{}", exercise.harness, variant.feature()));
    }
    command.arg("--features").arg(features.join(","));
    command
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .kill_on_drop(true);
    let mut child = command
        .spawn()
        .map_err(|error| format!("cannot run cargo: {error}"))?;

    // Cargo's own progress lines go to stderr; keep them for when it fails before compiling.
    let mut stderr = child.stderr.take().expect("stderr is piped");
    let stderr_text = tokio::spawn(async move {
        let mut text = String::new();
        let _ = stderr.read_to_string(&mut text).await;
        text
    });

    let mut binaries: HashMap<String, PathBuf> = HashMap::new();
    let mut errors: HashMap<String, Vec<String>> = HashMap::new();
    let mut lines = BufReader::new(child.stdout.take().expect("stdout is piped")).lines();
    let reading = async {
        while let Some(line) = lines.next_line().await? {
            match serde_json::from_str::<Message>(&line) {
                Ok(Message::CompilerArtifact(artifact)) => {
                    let package = names.get(&artifact.package_id.repr).cloned();
                    on_progress(package.as_deref().unwrap_or(&artifact.target.name));
                    if let (Some(package), Some(executable)) = (package, artifact.executable) {
                        binaries.insert(package, executable.into_std_path_buf());
                    }
                }
                Ok(Message::CompilerMessage(compiler))
                    if matches!(
                        compiler.message.level,
                        DiagnosticLevel::Error | DiagnosticLevel::Ice
                    ) =>
                {
                    let package = names
                        .get(&compiler.package_id.repr)
                        .cloned()
                        .unwrap_or_default();
                    let text = compiler
                        .message
                        .rendered
                        .unwrap_or(compiler.message.message);
                    errors.entry(package).or_default().push(text);
                }
                _ => {}
            }
        }
        child.wait().await
    };
    let status = match tokio::time::timeout(time_limit, reading).await {
        Ok(status) => Some(status.map_err(|error| format!("cargo did not finish: {error}"))?),
        // Dropping the reading future kills cargo (`kill_on_drop`).
        Err(_) => None,
    };
    let stderr_text = stderr_text.await.unwrap_or_default();

    let binaries_dir = tempfile::Builder::new()
        .prefix("grader-harnesses-")
        .tempdir()
        .map_err(|error| format!("cannot make a folder for the harnesses: {error}"))?;
    let mut by_harness = HashMap::new();
    for exercise in exercises {
        let outcome = match (binaries.get(&exercise.harness), status) {
            (Some(binary), _) => Ok(copy_binary(binary, binaries_dir.path())?),
            (None, None) => Err(BuildError {
                kind: BuildErrorKind::TimedOut,
                text: String::new(),
            }),
            (None, Some(status)) => Err(errors_of(
                exercise,
                variant,
                &errors,
                status.success(),
                &stderr_text,
            )),
        };
        by_harness.insert(exercise.harness.clone(), outcome);
    }
    Ok(Builds {
        by_harness,
        _binaries: binaries_dir,
    })
}

/// Takes the target folder's grader lock, waiting for another grader to finish with it.
async fn lock_target_dir(target_dir: &Path) -> Result<std::fs::File, String> {
    std::fs::create_dir_all(target_dir)
        .map_err(|error| format!("cannot make {}: {error}", target_dir.display()))?;
    let path = target_dir.join("grader.lock");
    let file = std::fs::File::create(&path)
        .map_err(|error| format!("cannot open {}: {error}", path.display()))?;
    tokio::task::spawn_blocking(move || file.lock().map(|()| file))
        .await
        .map_err(|error| error.to_string())?
        .map_err(|error| format!("cannot lock {}: {error}", path.display()))
}

/// Copies a built binary into `folder`, where it stays until grading is done.
fn copy_binary(binary: &Path, folder: &Path) -> Result<PathBuf, String> {
    let copy = folder.join(binary.file_name().unwrap_or_default());
    std::fs::copy(binary, &copy)
        .map_err(|error| format!("cannot copy {}: {error}", binary.display()))?;
    Ok(copy)
}

/// The compile errors that kept an exercise's harness from building: those of its own crates
/// first, else everyone's (a broken shared crate), else cargo's own complaint.
fn errors_of(
    exercise: &Exercise,
    variant: Variant,
    errors: &HashMap<String, Vec<String>>,
    cargo_succeeded: bool,
    cargo_stderr: &str,
) -> BuildError {
    let graded = match variant {
        Variant::Exercise => &exercise.name,
        Variant::Solution => &exercise.solution,
    };
    let (own, kind) = match (errors.get(graded), errors.get(&exercise.harness)) {
        (Some(own), _) => (own.iter().collect(), BuildErrorKind::Crate),
        (None, Some(harness)) => (harness.iter().collect(), BuildErrorKind::Api),
        (None, None) => (Vec::new(), BuildErrorKind::Crate),
    };
    let shown: Vec<&String> = if own.is_empty() {
        errors.values().flatten().collect()
    } else {
        own
    };
    if shown.is_empty() {
        let complaint = cargo_stderr
            .lines()
            .filter(|line| line.trim_start().starts_with("error"))
            .collect::<Vec<_>>()
            .join("\n");
        let text = if complaint.is_empty() && cargo_succeeded {
            format!("cargo built no `{}` binary", exercise.harness)
        } else if complaint.is_empty() {
            last_lines(cargo_stderr, 20)
        } else {
            complaint
        };
        return BuildError { kind, text };
    }
    let mut text = shown
        .iter()
        .take(ERRORS_SHOWN)
        .map(|error| error.trim_end())
        .collect::<Vec<_>>()
        .join("\n\n");
    if shown.len() > ERRORS_SHOWN {
        text.push_str("\n\n");
        text.push_str(&tr!(
            "build-more-errors",
            count = shown.len() - ERRORS_SHOWN,
            package = graded
        ));
    }
    BuildError { kind, text }
}

/// Maps cargo's package ids to package names, for the workspace's own packages.
async fn package_names(manifest: &Path) -> Result<HashMap<String, String>, String> {
    let manifest = manifest.to_path_buf();
    let mut command = MetadataCommand::new();
    command
        .cargo_path(cargo_program())
        .manifest_path(manifest)
        .no_deps();
    let metadata = tokio::task::spawn_blocking(move || command.exec())
        .await
        .map_err(|error| error.to_string())?
        .map_err(|error| format!("cannot read the course's packages: {error}"))?;
    Ok(metadata
        .packages
        .into_iter()
        .map(|package| (package.id.repr, package.name.to_string()))
        .collect())
}
