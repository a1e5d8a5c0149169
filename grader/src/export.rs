//! `cargo run -p grader -- export DIR`: the student template. The course as a student gets it:
//! no `solutions/`, no golden cases (they hold correct answers), no course CI, a README for a
//! student, the harnesses without their solution dependency, and a freshly sealed manifest.

use std::path::Path;

use crate::integrity;

/// What a template leaves out, relative to the course's root.
const LEFT_OUT: &[&str] = &[
    ".git",
    "target",
    "solutions",
    "grader/golden",
    "grader/tests/golden.rs",
    "grader/tests/snapshots.rs",
    "grader/tests/new_exercise.rs",
    "grader/tests/support",
    ".ci",
    ".github/workflows/ci.yml",
    "scripts/same-verdict",
    "scripts/bench",
];

/// The student's README.
const STUDENT_README: &str = include_str!("../templates/README.student.md");

/// Writes the template of the course at `root` into `dir`, which must not exist or be empty.
pub fn export(root: &Path, dir: &Path) -> Result<(), String> {
    if dir.exists()
        && dir
            .read_dir()
            .map_err(|error| format!("cannot read {}: {error}", dir.display()))?
            .next()
            .is_some()
    {
        return Err(format!("{} is not empty", dir.display()));
    }
    // A destination inside the course (`export bundle/course`) must not be copied into itself.
    std::fs::create_dir_all(dir)
        .map_err(|error| format!("cannot make {}: {error}", dir.display()))?;
    let destination = dir
        .canonicalize()
        .map_err(|error| format!("{}: {error}", dir.display()))?;
    // Instructors' private fixtures (hidden scenarios) stay in their copy.
    let course = crate::course::Course::load(root)?;
    let mut left_out: Vec<String> = LEFT_OUT.iter().map(|path| path.to_string()).collect();
    for exercise in &course.exercises {
        for private in &exercise.private {
            let private = private.trim_end_matches('/');
            left_out.push(format!("fixtures/{}/{private}", exercise.dir));
        }
    }
    copy(root, root, dir, &destination, &left_out)
        .map_err(|error| format!("cannot copy the course: {error}"))?;
    std::fs::write(dir.join("README.md"), STUDENT_README)
        .map_err(|error| format!("cannot write the README: {error}"))?;
    // The workspace no longer has members under solutions/ (an unmatched glob is an error).
    let workspace = dir.join("Cargo.toml");
    let text = std::fs::read_to_string(&workspace)
        .map_err(|error| format!("cannot read {}: {error}", workspace.display()))?;
    let text: String = text
        .lines()
        .filter(|line| line.trim() != "\"solutions/*\",")
        .map(|line| format!("{line}\n"))
        .collect();
    std::fs::write(&workspace, text)
        .map_err(|error| format!("cannot write {}: {error}", workspace.display()))?;
    for entry in std::fs::read_dir(dir.join("grader/harnesses"))
        .map_err(|error| format!("cannot read the harnesses: {error}"))?
        .flatten()
    {
        let manifest = entry.path().join("Cargo.toml");
        if let Ok(text) = std::fs::read_to_string(&manifest) {
            std::fs::write(&manifest, without_solution(&text))
                .map_err(|error| format!("cannot write {}: {error}", manifest.display()))?;
        }
    }
    prune_lockfile(dir)?;
    integrity::seal(dir).map(|_| ())
}

/// Drops the solutions' packages from the template's `Cargo.lock`. `cargo update --workspace`
/// settles the lock file on the workspace's own packages and changes no dependency's version;
/// offline, it needs no more than the index cache any build leaves. Without this, a student's
/// first build would rewrite the lock file, and their first commit would carry that change.
fn prune_lockfile(dir: &Path) -> Result<(), String> {
    let output = std::process::Command::new(crate::cargo::cargo_program())
        .args(["update", "--workspace", "--offline", "--manifest-path"])
        .arg(dir.join("Cargo.toml"))
        .output()
        .map_err(|error| format!("cannot run cargo: {error}"))?;
    if output.status.success() {
        Ok(())
    } else {
        Err(format!(
            "cannot update the template's Cargo.lock: {}",
            String::from_utf8_lossy(&output.stderr).trim()
        ))
    }
}

fn copy(
    root: &Path,
    from: &Path,
    to: &Path,
    destination: &Path,
    left_out: &[String],
) -> std::io::Result<()> {
    std::fs::create_dir_all(to)?;
    for entry in std::fs::read_dir(from)? {
        let entry = entry?;
        let path = entry.path();
        let relative = path
            .strip_prefix(root)
            .map(|relative| relative.to_string_lossy().replace('\\', "/"))
            .unwrap_or_default();
        if left_out.contains(&relative) {
            continue;
        }
        let target = to.join(entry.file_name());
        if path.canonicalize().is_ok_and(|path| path == destination) {
            continue;
        }
        if entry.file_type()?.is_dir() {
            copy(root, &path, &target, destination, left_out)?;
        } else {
            std::fs::copy(&path, &target)?;
        }
    }
    Ok(())
}

/// A harness manifest without its dependency on the solution; the `solution` feature stays,
/// empty, so that the harness's `cfg(feature = "solution")` still names a known feature.
fn without_solution(manifest: &str) -> String {
    manifest
        .lines()
        .filter(|line| !(line.contains("path = \"../../../solutions/")))
        .map(|line| {
            if line.starts_with("solution = [") {
                "solution = []"
            } else {
                line
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
        + "\n"
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_harness_loses_its_solution_dependency() {
        let manifest = "[features]\ndefault = [\"exercise\"]\nexercise = [\"dep:x\"]\n\
                        solution = [\"dep:x-solution\"]\n\n[dependencies]\n\
                        x = { path = \"../../../exercises/01-x\", optional = true }\n\
                        x-solution = { path = \"../../../solutions/01-x\", optional = true }\n";
        let template = without_solution(manifest);
        assert!(!template.contains("solutions/"), "{template}");
        assert!(template.contains("solution = []\n"), "{template}");
        assert!(template.contains("exercises/01-x"), "{template}");
    }
}
