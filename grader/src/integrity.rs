//! Tamper detection: a manifest of the SHA-256 of every grading file (the grader, its harnesses,
//! the fixtures and snapshots, the course file, the workflows), checked before each grade.
//!
//! `cargo run -p grader -- seal` rewrites the manifest after an instructor's change. The
//! manifest is in the same format as `sha256sum`'s output, so `sha256sum -c` checks it too. It
//! only stops casual edits in a student's copy (who edits a snapshot can edit the manifest); the
//! real defence is grading with the instructor's copy of these files (see the README).

use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

/// The manifest, relative to the course's root.
pub const MANIFEST: &str = "grader/MANIFEST.sha256";

/// What the manifest covers: these files and everything under these folders.
const COVERED: &[&str] = &[
    "Cargo.toml",
    "course.toml",
    "fixtures",
    "grader/Cargo.toml",
    "grader/src",
    "grader/locales",
    "grader/kit",
    "grader/harnesses",
    "workspace-hack",
    ".github",
    "classroom50",
];

/// Every covered file under `root`, relative and with `/` separators, sorted.
fn covered_files(root: &Path) -> Vec<String> {
    let mut files = Vec::new();
    for entry in COVERED {
        collect(root, &root.join(entry), &mut files);
    }
    files.sort();
    files.dedup();
    files
}

fn collect(root: &Path, path: &Path, files: &mut Vec<String>) {
    if path.is_dir() {
        let Ok(entries) = std::fs::read_dir(path) else {
            return;
        };
        for entry in entries.flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            // Build output and editors' hidden files are not grading files.
            if name == "target" || (name.starts_with('.') && name != ".github") {
                continue;
            }
            collect(root, &entry.path(), files);
        }
    } else if path.is_file()
        && let Ok(relative) = path.strip_prefix(root)
    {
        let relative: PathBuf = relative.to_path_buf();
        let text = relative
            .components()
            .map(|part| part.as_os_str().to_string_lossy().into_owned())
            .collect::<Vec<_>>()
            .join("/");
        if text != MANIFEST {
            files.push(text);
        }
    }
}

fn sha256(path: &Path) -> std::io::Result<String> {
    let bytes = std::fs::read(path)?;
    Ok(Sha256::digest(&bytes)
        .iter()
        .map(|byte| format!("{byte:02x}"))
        .collect())
}

/// The manifest's text for the files as they are now under `root`.
pub fn manifest(root: &Path) -> std::io::Result<String> {
    let mut text = String::new();
    for file in covered_files(root) {
        text.push_str(&format!("{}  {file}\n", sha256(&root.join(&file))?));
    }
    Ok(text)
}

/// Writes the manifest for the files as they are now; returns how many files it covers.
pub fn seal(root: &Path) -> Result<usize, String> {
    let text = manifest(root).map_err(|error| format!("cannot read the grading files: {error}"))?;
    let path = root.join(MANIFEST);
    std::fs::write(&path, &text)
        .map_err(|error| format!("cannot write {}: {error}", path.display()))?;
    Ok(text.lines().count())
}

/// The grading files that differ from the manifest: `changed: path`, `missing: path`,
/// `added: path`; empty when all is as sealed.
pub fn verify(root: &Path) -> Vec<String> {
    let Ok(sealed) = std::fs::read_to_string(root.join(MANIFEST)) else {
        return vec![format!("missing: {MANIFEST}")];
    };
    let sealed: Vec<(&str, &str)> = sealed
        .lines()
        .filter_map(|line| line.split_once("  "))
        .collect();
    let now = covered_files(root);
    let mut problems = Vec::new();
    for (hash, file) in &sealed {
        match sha256(&root.join(file)) {
            Ok(current) if current == *hash => {}
            Ok(_) => problems.push(format!("changed: {file}")),
            Err(_) => problems.push(format!("missing: {file}")),
        }
    }
    for file in now {
        if !sealed.iter().any(|(_, sealed_file)| *sealed_file == file) {
            problems.push(format!("added: {file}"));
        }
    }
    problems
}

#[cfg(test)]
mod tests {
    use super::*;

    fn course() -> tempfile::TempDir {
        let root = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(root.path().join("fixtures/01-x/snapshots")).unwrap();
        std::fs::create_dir_all(root.path().join("grader/src")).unwrap();
        std::fs::write(root.path().join("course.toml"), "[[exercise]]\n").unwrap();
        std::fs::write(root.path().join("fixtures/01-x/snapshots/a.snap"), "t=0s\n").unwrap();
        std::fs::write(root.path().join("grader/src/lib.rs"), "//! x\n").unwrap();
        root
    }

    #[test]
    fn a_sealed_course_verifies() {
        let root = course();
        assert_eq!(seal(root.path()).unwrap(), 3);
        assert_eq!(verify(root.path()), Vec::<String>::new());
    }

    #[test]
    fn an_edited_snapshot_is_reported() {
        let root = course();
        seal(root.path()).unwrap();
        std::fs::write(root.path().join("fixtures/01-x/snapshots/a.snap"), "t=6s\n").unwrap();
        std::fs::write(root.path().join("fixtures/01-x/new.txt"), "").unwrap();
        std::fs::remove_file(root.path().join("grader/src/lib.rs")).unwrap();
        assert_eq!(
            verify(root.path()),
            [
                "changed: fixtures/01-x/snapshots/a.snap",
                "missing: grader/src/lib.rs",
                "added: fixtures/01-x/new.txt"
            ]
        );
    }

    #[test]
    fn the_course_as_committed_is_sealed() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
        let problems = verify(&root);
        assert!(
            problems.is_empty(),
            "the grading files differ from {MANIFEST}: after changing them on purpose, run \
             `cargo run -p grader -- seal`.\n{}",
            problems.join("\n")
        );
    }
}
