//! `cargo run -p grader -- reset NAME`: puts an exercise's folder back as it was shipped (the
//! repository's first commit), after asking.

use std::io::BufRead;
use std::path::Path;
use std::process::Command;

use crate::course::Exercise;

/// Restores `exercises/<dir>` of the course at `root` from the first commit, once `confirm`
/// says yes to the question it is given.
pub fn reset(
    root: &Path,
    exercise: &Exercise,
    confirm: impl FnOnce(&str) -> bool,
) -> Result<String, String> {
    let folder = format!("exercises/{}", exercise.dir);
    let git = |args: &[&str]| {
        Command::new("git")
            .arg("-C")
            .arg(root)
            .args(args)
            .output()
            .map_err(|error| format!("cannot run git: {error}"))
    };
    let first = git(&["rev-list", "--max-parents=0", "HEAD"])?;
    let first = String::from_utf8_lossy(&first.stdout)
        .lines()
        .last()
        .unwrap_or("")
        .to_string();
    if first.is_empty() {
        return Err(format!(
            "{} is not a git repository with history: there is no shipped copy to go back to",
            root.display()
        ));
    }
    let question = format!("Put {folder} back as it was shipped? Your changes there will be lost.");
    if !confirm(&question) {
        return Ok("Nothing was changed.".to_string());
    }
    let restored = git(&["checkout", &first, "--", &folder])?;
    if !restored.status.success() {
        return Err(String::from_utf8_lossy(&restored.stderr).trim().to_string());
    }
    Ok(format!("{folder} is as shipped again."))
}

/// Asks on the terminal; anything but "y" or "yes" is no.
pub fn ask(question: &str) -> bool {
    eprint!("{question} [y/N] ");
    let mut answer = String::new();
    let _ = std::io::stdin().lock().read_line(&mut answer);
    matches!(answer.trim().to_lowercase().as_str(), "y" | "yes")
}
