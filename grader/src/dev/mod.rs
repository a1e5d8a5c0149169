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

use clap::Subcommand;

use crate::course::Course;

/// The course author's subcommands, as the command line takes them (`dev check`, ...).
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Prove the course: every exercise's folders, packages and words, its snapshots, the
    /// generated files; the solutions get full points and the stubs pass no check. Exits 1 when
    /// it finds a problem.
    Check,
    /// Write the files made from course.toml: .github/classroom/autograding.json and the
    /// READMEs' tables of exercises.
    Update,
    /// Start a timeline exercise: its stub, solution and harness, and its entry in course.toml.
    New {
        /// The exercise's name, in kebab-case (`hello-world`); its folder is named the same.
        name: String,
    },
    /// Write the expected timelines of the timeline scenarios (and an instructor's hidden ones)
    /// from the reference solutions.
    Snapshots {
        /// The exercises, by name; all of them when none is given.
        #[arg(value_name = "NAME")]
        names: Vec<String>,
    },
}

/// Runs one `dev` subcommand on the course at `root`.
pub fn run(command: Command, root: &Path) -> Result<ExitCode, String> {
    match command {
        Command::Check => run_check(root),
        Command::Update => {
            for (path, written) in update::update(root, &Course::load(root)?)? {
                println!("{} {path}", if written { "wrote" } else { "unchanged" });
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::New { name } => {
            let new = new::new_exercise(root, &name)?;
            println!(
                "wrote exercises/{name}/ (the stub), solutions/{name}/ (the reference solution), \
                 grader/harnesses/{name}/ (its harness) and its entry at the end of course.toml.",
                name = new.name
            );
            println!("{}", new::next_steps(&new));
            Ok(ExitCode::SUCCESS)
        }
        Command::Snapshots { names } => {
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
