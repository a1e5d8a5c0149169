//! `cargo run -p grader -- dev ...`: the course author's tools, as rustlings has them.
//!
//! - [`snapshots`]: writes the expected timelines of the timeline scenarios from the reference
//!   solutions (the course's, and an instructor's hidden ones).
//!
//! These speak to course authors, in English; what students read goes through the catalogues.

pub mod snapshots;

use std::path::Path;
use std::process::ExitCode;

use crate::cli::DevCommand;
use crate::course::Course;

/// Runs one `dev` subcommand on the course at `root`.
pub fn run(command: DevCommand, root: &Path) -> Result<ExitCode, String> {
    let course = Course::load(root)?;
    let runtime = tokio::runtime::Runtime::new().map_err(|error| error.to_string())?;
    match command {
        DevCommand::Snapshots { names } => {
            for exercise in course.select(&names)? {
                for recorded in runtime.block_on(snapshots::record(root, exercise, None))? {
                    let path = recorded.path();
                    let shown = path.strip_prefix(root).unwrap_or(&path).display();
                    match recorded.write()? {
                        true => println!("wrote {shown}"),
                        false => println!("unchanged {shown}"),
                    }
                }
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}
