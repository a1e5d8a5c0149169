//! git, as `export` and `reset` ask it about the course: always the repository at the course's
//! root, whatever `GIT_DIR` and its kin say (a hook that runs the grader sets them for its own
//! repository). Paths are relative to the course's root, with `/` separators.

use std::path::Path;
use std::process::{Command, Output};

/// `git -C root`, blind to the variables that would point it at another repository.
fn git(root: &Path) -> Command {
    let mut git = Command::new("git");
    git.arg("-C").arg(root);
    for name in [
        "GIT_DIR",
        "GIT_WORK_TREE",
        "GIT_INDEX_FILE",
        "GIT_OBJECT_DIRECTORY",
        "GIT_COMMON_DIR",
        "GIT_PREFIX",
    ] {
        git.env_remove(name);
    }
    git
}

fn run(root: &Path, args: &[&str]) -> Result<Output, String> {
    git(root)
        .args(args)
        .output()
        .map_err(|error| format!("cannot run git: {error}"))
}

/// Runs git and gives its output, or its error as it said it.
fn succeed(root: &Path, args: &[&str]) -> Result<Vec<u8>, String> {
    let output = run(root, args)?;
    if output.status.success() {
        Ok(output.stdout)
    } else {
        Err(format!(
            "git {}: {}",
            args.join(" "),
            String::from_utf8_lossy(&output.stderr).trim()
        ))
    }
}

/// The commit a revision names (`HEAD`), or `None` when there is none: no repository, no
/// commit yet, or no git.
pub fn commit(root: &Path, revision: &str) -> Option<String> {
    let output = run(
        root,
        &[
            "rev-parse",
            "--verify",
            "--quiet",
            &format!("{revision}^{{commit}}"),
        ],
    )
    .ok()?;
    let commit = String::from_utf8_lossy(&output.stdout).trim().to_string();
    (output.status.success() && !commit.is_empty()).then_some(commit)
}

/// The first commit of HEAD's history (the oldest root, when several histories were merged).
pub fn first_commit(root: &Path) -> Option<String> {
    let output = run(root, &["rev-list", "--max-parents=0", "HEAD"]).ok()?;
    let text = String::from_utf8_lossy(&output.stdout);
    let first = text.lines().last()?.trim();
    (output.status.success() && !first.is_empty()).then(|| first.to_string())
}

/// A commit's short name, for messages.
pub fn short(commit: &str) -> &str {
    &commit[..commit.len().min(7)]
}

/// The files under `path` that differ from HEAD: changed (staged or not), deleted, or untracked
/// (ignored files are not counted).
pub fn changes(root: &Path, path: &str) -> Result<Vec<String>, String> {
    let output = succeed(
        root,
        &[
            "status",
            "--porcelain=v1",
            "-z",
            "--untracked-files=all",
            "--",
            path,
        ],
    )?;
    let mut files = Vec::new();
    let mut entries = output.split(|&byte| byte == 0).filter(|e| !e.is_empty());
    while let Some(entry) = entries.next() {
        let entry = String::from_utf8_lossy(entry);
        let (state, file) = entry.split_at(entry.len().min(3));
        files.push(file.to_string());
        // A rename or a copy names its origin next; the origin is not a file of the tree.
        if state.contains(['R', 'C']) {
            entries.next();
        }
    }
    Ok(files)
}

/// One file of a commit.
pub struct CommittedFile {
    pub path: String,
    pub executable: bool,
    object: String,
}

/// The files under `path` in `commit`.
pub fn files(root: &Path, commit: &str, path: &str) -> Result<Vec<CommittedFile>, String> {
    let output = succeed(root, &["ls-tree", "-r", "-z", commit, "--", path])?;
    let mut files = Vec::new();
    for entry in output.split(|&byte| byte == 0).filter(|e| !e.is_empty()) {
        let entry = String::from_utf8_lossy(entry);
        let (meta, path) = entry
            .split_once('\t')
            .ok_or_else(|| format!("git ls-tree: unexpected line {entry:?}"))?;
        let mut meta = meta.split(' ');
        let (mode, kind, object) = (meta.next(), meta.next(), meta.next());
        if kind != Some("blob") {
            return Err(format!("{path} is a {} in {commit}", kind.unwrap_or("?")));
        }
        files.push(CommittedFile {
            path: path.to_string(),
            executable: mode == Some("100755"),
            object: object.unwrap_or_default().to_string(),
        });
    }
    Ok(files)
}

/// A committed file's bytes.
pub fn contents(root: &Path, file: &CommittedFile) -> Result<Vec<u8>, String> {
    succeed(root, &["cat-file", "blob", &file.object])
}

/// Writes a committed file at `target` (its folders made as needed), executable where it was.
pub fn write_out(root: &Path, file: &CommittedFile, target: &Path) -> Result<(), String> {
    let bytes = contents(root, file)?;
    let write = || -> std::io::Result<()> {
        if let Some(parent) = target.parent() {
            std::fs::create_dir_all(parent)?;
        }
        std::fs::write(target, bytes)?;
        #[cfg(unix)]
        {
            // Over a file that is there already, its mode is the commit's as well.
            use std::os::unix::fs::PermissionsExt;
            let mode = if file.executable { 0o755 } else { 0o644 };
            std::fs::set_permissions(target, std::fs::Permissions::from_mode(mode))?;
        }
        Ok(())
    };
    write().map_err(|error| format!("cannot write {}: {error}", target.display()))
}

/// Whether `commit` has `path` (a file or a folder).
pub fn has(root: &Path, commit: &str, path: &str) -> Result<bool, String> {
    Ok(!succeed(root, &["ls-tree", "--name-only", commit, "--", path])?.is_empty())
}

/// Puts `paths` in the working tree back as they are in `commit`; the index is left alone.
pub fn restore(root: &Path, commit: &str, paths: &[String]) -> Result<(), String> {
    let source = format!("--source={commit}");
    let mut args = vec!["restore", &source, "--worktree", "--"];
    args.extend(paths.iter().map(String::as_str));
    succeed(root, &args).map(|_| ())
}

/// Puts `from` (a file or a folder) as it is in `commit` at `to` in the working tree: a
/// restore into another path, for a folder renamed since `commit`. As with [`restore`], a file
/// under `to` that git tracks but `from` lacks is removed, and untracked files stay; unlike it,
/// a committed symbolic link is written as a file holding its target (a stub has none).
pub fn restore_to(root: &Path, commit: &str, from: &str, to: &str) -> Result<(), String> {
    let mut kept = std::collections::HashSet::new();
    for file in files(root, commit, from)? {
        let inside = file
            .path
            .strip_prefix(from)
            .filter(|inside| inside.is_empty() || inside.starts_with('/'))
            .ok_or_else(|| format!("git ls-tree {from}: {} is not under it", file.path))?;
        let path = format!("{to}{inside}");
        write_out(root, &file, &root.join(&path))?;
        kept.insert(path);
    }
    let tracked = succeed(root, &["ls-files", "-z", "--", to])?;
    for path in tracked.split(|&byte| byte == 0).filter(|p| !p.is_empty()) {
        let path = String::from_utf8_lossy(path);
        if !kept.contains(path.as_ref()) {
            let target = root.join(path.as_ref());
            match std::fs::remove_file(&target) {
                Err(error) if error.kind() != std::io::ErrorKind::NotFound => {
                    return Err(format!("cannot remove {}: {error}", target.display()));
                }
                _ => {}
            }
        }
    }
    Ok(())
}

/// Scratch repositories for the tests of `export` and `reset`.
#[cfg(test)]
pub mod scratch {
    use std::path::{Path, PathBuf};
    use std::process::Command;

    /// A folder for a course of the tests' own, in git or not.
    pub struct Repository {
        folder: tempfile::TempDir,
    }

    impl Repository {
        /// An empty repository, with no commit yet.
        pub fn init() -> Repository {
            let repository = Repository::without_git();
            repository.git(&["init", "-q"]);
            repository
        }

        /// A folder outside git (the test is skipped, and `None` given, when the temporary
        /// folder is inside a repository).
        pub fn outside_git() -> Option<Repository> {
            let repository = Repository::without_git();
            let inside = Command::new("git")
                .arg("-C")
                .arg(repository.path())
                .args(["rev-parse", "--git-dir"])
                .output()
                .is_ok_and(|output| output.status.success());
            if inside {
                eprintln!("skipped: the temporary folder is inside a git repository");
                return None;
            }
            Some(repository)
        }

        fn without_git() -> Repository {
            Repository {
                folder: tempfile::tempdir().unwrap(),
            }
        }

        pub fn path(&self) -> &Path {
            self.folder.path()
        }

        pub fn write(&self, path: &str, text: &str) {
            let path = self.path().join(path);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, text).unwrap();
        }

        pub fn read(&self, path: &str) -> String {
            std::fs::read_to_string(self.path().join(path)).unwrap()
        }

        /// Runs git in the repository, blind to a repository the tests themselves may run in
        /// (from a hook, with `GIT_DIR` set), to one above it, to hooks and to signing; it must
        /// succeed. Gives what it printed.
        pub fn git(&self, args: &[&str]) -> String {
            let parent: PathBuf = self.path().parent().unwrap().into();
            let output = super::git(self.path())
                .env("GIT_CEILING_DIRECTORIES", parent)
                .args(["-c", "user.name=t", "-c", "user.email=t@t"])
                .args([
                    "-c",
                    "commit.gpgsign=false",
                    "-c",
                    "core.hooksPath=/dev/null",
                ])
                .args(args)
                .output()
                .unwrap();
            assert!(
                output.status.success(),
                "git {args:?}: {}",
                String::from_utf8_lossy(&output.stderr)
            );
            String::from_utf8_lossy(&output.stdout).into_owned()
        }

        /// Commits every file of the working tree.
        pub fn commit(&self, message: &str) {
            self.git(&["add", "-A"]);
            self.git(&["commit", "-qm", message]);
        }

        /// The files staged for the next commit, one a line.
        pub fn staged(&self) -> String {
            self.git(&["diff", "--cached", "--name-only"])
        }
    }
}
