//! `cargo run -p grader -- export DIR`: the student template. The course as a student gets it:
//! no `solutions/`, no golden cases (they hold correct answers), no course CI, a README for a
//! student, the harnesses without their solution dependency, and a freshly sealed manifest.
//!
//! The exercises' stubs are taken from git's last commit, never from the working tree, where an
//! instructor may have tried an exercise out: `export` refuses while `exercises/` differs from
//! HEAD, and names what differs. A copy of the course without git history has no commit to
//! take them from; `--working-tree` then takes `exercises/` as it is on disk, unchecked.

use std::path::Path;

use crate::{git, integrity, tr};

/// What a template leaves out, relative to the course's root.
const LEFT_OUT: &[&str] = &[
    ".git",
    "target",
    "solutions",
    "grader/golden",
    "grader/tests/golden.rs",
    "grader/tests/snapshots.rs",
    "grader/tests/new_exercise.rs",
    "grader/tests/submission.rs",
    "grader/tests/classroom50.rs",
    "grader/tests/support",
    "scripts/class-sample",
    ".ci",
    ".github/workflows/ci.yml",
    "scripts/same-verdict",
    "scripts/bench",
];

/// The stubs' folder, relative to the course's root.
const EXERCISES: &str = "exercises";

/// The student's README.
const STUDENT_README: &str = include_str!("../templates/README.student.md");

/// Where the template's `exercises/` comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stubs {
    /// HEAD's, once the working tree's `exercises/` is checked to be the same.
    Committed,
    /// The working tree's, unchecked (for a copy of the course without git history).
    WorkingTree,
}

/// Writes the template of the course at `root` into `dir`, which must not exist or be empty,
/// with the stubs of HEAD.
pub fn export(root: &Path, dir: &Path) -> Result<(), String> {
    export_with(root, dir, Stubs::Committed)
}

/// Writes the template of the course at `root` into `dir`, which must not exist or be empty,
/// with the stubs `stubs` says.
pub fn export_with(root: &Path, dir: &Path, stubs: Stubs) -> Result<(), String> {
    let head = match stubs {
        Stubs::Committed => Some(committed_stubs(root)?),
        Stubs::WorkingTree => None,
    };
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
    if head.is_some() {
        left_out.push(EXERCISES.to_string());
    }
    for exercise in &course.exercises {
        for private in &exercise.private {
            let private = private.trim_end_matches('/');
            left_out.push(format!("fixtures/{}/{private}", exercise.name));
        }
    }
    copy(root, root, dir, &destination, &left_out)
        .map_err(|error| format!("cannot copy the course: {error}"))?;
    if let Some(head) = head {
        write_committed(root, &head, dir)?;
    }
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
    // The golden cases' test target is declared by name (it has its own `main`); the template
    // has no golden cases, so it has no such target either.
    let grader_manifest = dir.join("grader/Cargo.toml");
    if let Ok(text) = std::fs::read_to_string(&grader_manifest) {
        std::fs::write(&grader_manifest, without_test(&text, "golden"))
            .map_err(|error| format!("cannot write {}: {error}", grader_manifest.display()))?;
    }
    prune_lockfile(dir)?;
    integrity::seal(dir).map(|_| ())
}

/// A package manifest without its `[[test]]` table named `name`.
fn without_test(manifest: &str, name: &str) -> String {
    let mut kept = String::new();
    let mut tables = manifest.split("\n[[test]]\n").peekable();
    if let Some(first) = tables.next() {
        kept.push_str(first);
    }
    for table in tables {
        let named = table
            .lines()
            .take_while(|line| !line.starts_with('['))
            .any(|line| line.replace(' ', "") == format!("name=\"{name}\""));
        if named {
            // Keep whatever follows the table (the next `[section]`).
            if let Some(at) = table.find("\n[") {
                kept.push_str(&table[at..]);
            }
        } else {
            kept.push_str("\n[[test]]\n");
            kept.push_str(table);
        }
    }
    if manifest.ends_with('\n') && !kept.ends_with('\n') {
        kept.push('\n');
    }
    kept
}

/// HEAD, once `exercises/` in the working tree is checked to be as committed there.
fn committed_stubs(root: &Path) -> Result<String, String> {
    let Some(head) = git::commit(root, "HEAD") else {
        return Err(tr!("export-no-history", root = root.display().to_string()));
    };
    let changes = git::changes(root, EXERCISES)?;
    if !changes.is_empty() {
        return Err(tr!(
            "export-exercises-changed",
            files = changes.join(", "),
            commit = git::short(&head)
        ));
    }
    Ok(head)
}

/// Writes `exercises/` as committed in `commit` into the template at `dir`.
fn write_committed(root: &Path, commit: &str, dir: &Path) -> Result<(), String> {
    let files = git::files(root, commit, EXERCISES)?;
    if files.is_empty() {
        return Err(tr!("export-no-exercises", commit = git::short(commit)));
    }
    for file in files {
        git::write_out(root, &file, &dir.join(&file.path))?;
    }
    Ok(())
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
    #[test]
    fn the_golden_test_target_leaves_the_grader_manifest() {
        let manifest = "[package]\nname = \"grader\"\n\n[[test]]\nname = \"golden\"\npath = \"tests/golden.rs\"\nharness = false\n\n[dev-dependencies]\nx = \"1\"\n";
        assert_eq!(
            super::without_test(manifest, "golden"),
            "[package]\nname = \"grader\"\n\n[dev-dependencies]\nx = \"1\"\n"
        );
    }

    use super::*;
    use crate::git::scratch::Repository;

    const LIB: &str = "exercises/factorial-gather/src/lib.rs";

    /// A course small enough to export in a test: the real course file, a workspace with
    /// factorial-gather's stub alone, no harnesses.
    fn small_course(course: &Repository) {
        let real = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
        course.write(
            "course.toml",
            &std::fs::read_to_string(real.join("course.toml")).unwrap(),
        );
        course.write(
            "Cargo.toml",
            "[workspace]\nresolver = \"3\"\nmembers = [\n    \"exercises/*\",\n    \"solutions/*\",\n]\n",
        );
        course.write(
            "exercises/factorial-gather/Cargo.toml",
            "[package]\nname = \"factorial-gather\"\nversion = \"0.1.0\"\nedition = \"2024\"\n",
        );
        course.write(LIB, "pub fn stub() { todo!() }\n");
        course.write("exercises/factorial-gather/prediction.txt", "");
        course.write(
            "solutions/factorial-gather/Cargo.toml",
            "[package]\nname = \"factorial-gather-solution\"\nversion = \"0.1.0\"\n\
             edition = \"2024\"\n",
        );
        course.write(
            "solutions/factorial-gather/src/lib.rs",
            "pub fn stub() {}\n",
        );
        course.write(".gitignore", "target/\n*.bak\n");
        std::fs::create_dir_all(course.path().join("grader/harnesses")).unwrap();
    }

    #[test]
    fn export_refuses_while_exercises_differs_from_head_and_names_the_files() {
        let course = Repository::init();
        small_course(&course);
        course.commit("the course");
        course.write(LIB, "pub fn stub() {} // solved, to try it out\n");
        course.write("exercises/factorial-gather/notes.txt", "untracked\n");
        course.write("exercises/new/src/lib.rs", "staged\n");
        course.git(&["add", "exercises/new"]);
        let template = tempfile::tempdir().unwrap();
        let dir = template.path().join("template");

        let error = export(course.path(), &dir).unwrap_err();
        for file in [
            LIB,
            "exercises/factorial-gather/notes.txt",
            "exercises/new/src/lib.rs",
        ] {
            assert!(error.contains(file), "{file} is not named: {error}");
        }
        assert!(!dir.exists(), "nothing is written");
    }

    #[test]
    fn export_writes_the_stubs_of_head() {
        let course = Repository::init();
        small_course(&course);
        course.commit("the course");
        // Ignored, so not a change git sees: a solved copy kept beside the stub.
        course.write(&format!("{LIB}.bak"), "pub fn stub() {} // solved\n");
        // Outside exercises/, changes are the instructor's to export.
        course.write("fixtures/factorial-gather/new.txt", "new fixture\n");
        let template = tempfile::tempdir().unwrap();
        let dir = template.path().join("template");

        export(course.path(), &dir).unwrap();
        let exported = |path: &str| std::fs::read_to_string(dir.join(path)).unwrap();
        assert_eq!(exported(LIB), "pub fn stub() { todo!() }\n");
        assert!(!dir.join(format!("{LIB}.bak")).exists());
        assert_eq!(
            exported("fixtures/factorial-gather/new.txt"),
            "new fixture\n"
        );
        assert!(!dir.join("solutions").exists());

        // The stubs are read from the commit, not from the disk.
        let head = git::commit(course.path(), "HEAD").unwrap();
        course.write(LIB, "pub fn stub() {} // solved\n");
        let again = tempfile::tempdir().unwrap();
        write_committed(course.path(), &head, again.path()).unwrap();
        assert_eq!(
            std::fs::read_to_string(again.path().join(LIB)).unwrap(),
            "pub fn stub() { todo!() }\n"
        );
    }

    #[test]
    fn without_history_export_takes_the_working_tree_only_when_told() {
        let Some(course) = Repository::outside_git() else {
            return;
        };
        small_course(&course);
        let template = tempfile::tempdir().unwrap();
        let dir = template.path().join("template");

        let error = export(course.path(), &dir).unwrap_err();
        assert!(error.contains("--working-tree"), "{error}");
        assert!(!dir.exists());

        export_with(course.path(), &dir, Stubs::WorkingTree).unwrap();
        assert_eq!(
            std::fs::read_to_string(dir.join(LIB)).unwrap(),
            "pub fn stub() { todo!() }\n"
        );
    }

    #[test]
    fn a_harness_loses_its_solution_dependency() {
        let manifest = "[features]\ndefault = [\"exercise\"]\nexercise = [\"dep:x\"]\n\
                        solution = [\"dep:x-solution\"]\n\n[dependencies]\n\
                        x = { path = \"../../../exercises/x\", optional = true }\n\
                        x-solution = { path = \"../../../solutions/x\", optional = true }\n";
        let template = without_solution(manifest);
        assert!(!template.contains("solutions/"), "{template}");
        assert!(template.contains("solution = []\n"), "{template}");
        assert!(template.contains("exercises/x"), "{template}");
    }
}
