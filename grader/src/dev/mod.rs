//! `cargo run -p grader -- dev ...`: the course author's tools, as rustlings has them.
//!
//! - [`check`]: proves the course: layout, words, shared copies, generated files, and grading
//!   (the solutions pass, the stubs are not done, the snapshots are current).
//! - [`update`]: writes the files made from `course.toml` (`autograding.json`, the READMEs'
//!   tables of exercises).
//! - [`new`]: starts a timeline exercise from the templates under `grader/templates/new-exercise/`.
//! - [`snapshots`]: writes the expected timelines of the timeline scenarios from the reference
//!   solutions (the course's, and an instructor's hidden ones).
//!
//! These speak to course authors, in English; what students read goes through the catalogues.

pub mod check;
pub mod new;
pub mod snapshots;
pub mod update;

use std::path::Path;
use std::process::ExitCode;

use crate::cli::DevCommand;
use crate::course::Course;

/// Runs one `dev` subcommand on the course at `root`.
pub fn run(command: DevCommand, root: &Path) -> Result<ExitCode, String> {
    match command {
        DevCommand::Check => run_check(root),
        DevCommand::Update => {
            for (path, written) in update::update(root, &Course::load(root)?)? {
                println!("{} {path}", if written { "wrote" } else { "unchanged" });
            }
            Ok(ExitCode::SUCCESS)
        }
        DevCommand::New { name } => {
            let new = new::new_exercise(root, &name)?;
            println!(
                "wrote exercises/{dir}/ (the stub), solutions/{dir}/ (the reference solution), \
                 grader/harnesses/{dir}/ (its harness) and `{name}`'s entry at the end of \
                 course.toml.",
                dir = new.dir
            );
            println!("{}", new::next_steps(&new));
            Ok(ExitCode::SUCCESS)
        }
        DevCommand::Snapshots { names } => {
            let course = Course::load(root)?;
            let selected = course.select(&names)?;
            let runtime = runtime()?;
            let recorder = runtime.block_on(snapshots::Recorder::build(root, &selected, None))?;
            for exercise in selected {
                for recorded in runtime.block_on(recorder.record(exercise))? {
                    let path = recorded.path();
                    let shown = path.strip_prefix(root).unwrap_or(&path).display();
                    let written = recorded.write()?;
                    println!("{} {shown}", if written { "wrote" } else { "unchanged" });
                }
            }
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// `dev check`: every problem on a line of its own, and exit status 1 when there is one.
fn run_check(root: &Path) -> Result<ExitCode, String> {
    let course = Course::load(root)?;
    let problems = runtime()?.block_on(check::check(root, &course, None, |step| {
        eprintln!("dev check: {step}...");
    }))?;
    if problems.is_empty() {
        println!(
            "dev check: the course is sound: {} exercises, {} points; the solutions pass, the \
             stubs are not done, the snapshots and the generated files are current.",
            course.exercises.len(),
            course.max_points()
        );
        return Ok(ExitCode::SUCCESS);
    }
    for problem in &problems {
        println!("- {}", problem.replace('\n', "\n  "));
    }
    let plural = if problems.len() == 1 { "" } else { "s" };
    println!("dev check: {} problem{plural}", problems.len());
    Ok(ExitCode::from(1))
}

fn runtime() -> Result<tokio::runtime::Runtime, String> {
    tokio::runtime::Runtime::new().map_err(|error| error.to_string())
}
