//! What the integration tests share: the course, copies of it, and the target folders the
//! copies build in.

use std::path::{Path, PathBuf};

/// The course this grader belongs to.
pub fn course_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .unwrap()
        .to_path_buf()
}

/// A target folder for copies of the course, named `name`, beside this workspace's own builds
/// (`target/tmp` is where cargo points integration tests). It outlives the test, so that the
/// next run compiles no dependency again; each test that copies the course has its own, since
/// two copies building in one folder would take each other's binaries.
pub fn target_dir(name: &str) -> PathBuf {
    Path::new(env!("CARGO_TARGET_TMPDIR"))
        .parent()
        .unwrap()
        .join(name)
}

/// Copies the parts of the course that grading reads (not `target/`, `.git`, the golden cases).
pub fn copy_course(from: &Path, to: &Path) {
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let name = entry.file_name();
        if [".git", "target", "golden"]
            .iter()
            .any(|skip| name == *skip)
        {
            continue;
        }
        let (source, destination) = (entry.path(), to.join(&name));
        if entry.file_type().unwrap().is_dir() {
            std::fs::create_dir_all(&destination).unwrap();
            copy_course(&source, &destination);
        } else {
            std::fs::copy(&source, &destination).unwrap();
        }
    }
}
