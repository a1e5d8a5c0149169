//! Tamper detection: a manifest of the SHA-256 of every grading file (the grader, its harnesses,
//! the fixtures and snapshots, the course file, the workflows), checked before each grade.
//!
//! `cargo run -p grader -- seal` rewrites the manifest after an instructor's change. The
//! manifest is in the same format as `sha256sum`'s output, so `sha256sum -c` checks it too.
//!
//! In a student's own run it only stops casual edits (who edits a snapshot can edit the
//! manifest): the checks of an exercise whose grading files differ score nothing. The real
//! defence is grading on the instructor's side (`--submission`, see [`crate::submission`]):
//! there the instructor's manifest is read once, before any student code runs, and the working
//! copy is held to it ([`Sealed`]) before each exercise.

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
    Ok(hex_sha256(&std::fs::read(path)?))
}

/// The SHA-256 of `bytes`, in hexadecimal, as the manifest writes it.
pub fn hex_sha256(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|byte| format!("{byte:02x}"))
        .collect()
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

/// A manifest read into memory: what the grading files must be, whatever happens to the file
/// it was read from afterwards.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sealed {
    /// `(sha256, path)`, as the manifest lists them.
    files: Vec<(String, String)>,
}

impl Sealed {
    /// Reads the manifest of the course at `root`.
    pub fn read(root: &Path) -> Result<Sealed, String> {
        let path = root.join(MANIFEST);
        let text = std::fs::read_to_string(&path)
            .map_err(|error| format!("cannot read {}: {error}", path.display()))?;
        Ok(Sealed::parse(&text))
    }

    fn parse(text: &str) -> Sealed {
        let files = text
            .lines()
            .filter_map(|line| line.split_once("  "))
            .map(|(hash, file)| (hash.to_string(), file.to_string()))
            .collect();
        Sealed { files }
    }

    /// The paths of the grading files, relative to the course.
    pub fn paths(&self) -> impl Iterator<Item = &str> {
        self.files.iter().map(|(_, path)| path.as_str())
    }

    /// Reads the grading files of `root`, each as this manifest seals it: fails if one differs.
    pub fn read_files(&self, root: &Path) -> Result<Vec<(String, Vec<u8>)>, String> {
        let mut files = Vec::new();
        for (hash, path) in &self.files {
            let bytes = std::fs::read(root.join(path))
                .map_err(|error| format!("cannot read {path}: {error}"))?;
            if hex_sha256(&bytes) != *hash {
                return Err(format!("changed: {path}"));
            }
            files.push((path.clone(), bytes));
        }
        Ok(files)
    }

    /// The grading files under `root` that differ from this manifest: `changed: path`,
    /// `missing: path`, `added: path`; empty when all is as sealed.
    pub fn verify(&self, root: &Path) -> Vec<String> {
        let mut problems = Vec::new();
        for (hash, file) in &self.files {
            match sha256(&root.join(file)) {
                Ok(current) if current == *hash => {}
                Ok(_) => problems.push(format!("changed: {file}")),
                Err(_) => problems.push(format!("missing: {file}")),
            }
        }
        for file in covered_files(root) {
            if !self.files.iter().any(|(_, sealed)| *sealed == file) {
                problems.push(format!("added: {file}"));
            }
        }
        problems
    }
}

/// The grading files under `root` that differ from its manifest: `changed: path`,
/// `missing: path`, `added: path`; empty when all is as sealed.
pub fn verify(root: &Path) -> Vec<String> {
    match Sealed::read(root) {
        Ok(sealed) => sealed.verify(root),
        Err(_) => vec![format!("missing: {MANIFEST}")],
    }
}

/// The path in a line of [`verify`]'s list (`changed: fixtures/...`).
pub fn problem_path(problem: &str) -> &str {
    problem.split_once(": ").map_or(problem, |(_, path)| path)
}

/// The exercise folder a grading file belongs to (`fixtures/DIR/...`, `grader/harnesses/DIR/...`),
/// or `None` for a file every exercise shares (the grader, the course file, the kit).
pub fn exercise_of(path: &str) -> Option<&str> {
    ["fixtures/", "grader/harnesses/"]
        .iter()
        .find_map(|folder| path.strip_prefix(folder))
        .and_then(|rest| rest.split_once('/'))
        .map(|(dir, _)| dir)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn course() -> tempfile::TempDir {
        let root = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(root.path().join("fixtures/x/snapshots")).unwrap();
        std::fs::create_dir_all(root.path().join("grader/src")).unwrap();
        std::fs::write(root.path().join("course.toml"), "[[exercise]]\n").unwrap();
        std::fs::write(root.path().join("fixtures/x/snapshots/a.snap"), "t=0s\n").unwrap();
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
        std::fs::write(root.path().join("fixtures/x/snapshots/a.snap"), "t=6s\n").unwrap();
        std::fs::write(root.path().join("fixtures/x/new.txt"), "").unwrap();
        std::fs::remove_file(root.path().join("grader/src/lib.rs")).unwrap();
        assert_eq!(
            verify(root.path()),
            [
                "changed: fixtures/x/snapshots/a.snap",
                "missing: grader/src/lib.rs",
                "added: fixtures/x/new.txt"
            ]
        );
    }

    #[test]
    fn a_manifest_read_once_holds_when_the_file_is_rewritten() {
        let root = course();
        seal(root.path()).unwrap();
        let sealed = Sealed::read(root.path()).unwrap();
        std::fs::write(root.path().join("fixtures/x/snapshots/a.snap"), "t=6s\n").unwrap();
        seal(root.path()).unwrap();
        assert_eq!(verify(root.path()), Vec::<String>::new());
        assert_eq!(
            sealed.verify(root.path()),
            ["changed: fixtures/x/snapshots/a.snap"]
        );
    }

    #[test]
    fn a_grading_file_belongs_to_its_exercise_or_to_all() {
        assert_eq!(exercise_of("fixtures/x/snapshots/a.snap"), Some("x"));
        assert_eq!(exercise_of("grader/harnesses/y/src/main.rs"), Some("y"));
        assert_eq!(exercise_of("grader/src/lib.rs"), None);
        assert_eq!(exercise_of("course.toml"), None);
        assert_eq!(problem_path("changed: course.toml"), "course.toml");
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
