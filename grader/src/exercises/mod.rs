//! The `custom` checks: what a timeline cannot say, in the exercise's own code, one module per
//! exercise, named after it (http-client's pages, hello-server's server, fastest-ip's services,
//! image-bot's bot).
//!
//! A module receives the [`Context`] and the built harness (the compile errors are handled
//! before, for every kind of check) and returns an [`Outcome`] for each of its custom checks.
//! `course.toml` gives the points; the test `every_custom_check_is_graded` keeps the two in step.
//! Timeline and prediction checks need no module here: see [`crate::checks`].

pub mod fastest_ip;
pub mod hello_server;
pub mod http_client;
pub mod image_bot;

use crate::checks::Context;
use crate::harness::Harness;
use crate::mock::http::without_port;
use crate::verdict::{Outcome, Status};

/// Grades the custom checks of one exercise: an outcome for each, by id. Fails only when the
/// grader itself lacks something (checks for this exercise, a snapshot): a student's mistake is
/// an outcome, never an error.
pub async fn grade(
    context: &Context<'_>,
    harness: &Harness,
) -> Result<Vec<(String, Outcome)>, String> {
    match context.exercise.name.as_str() {
        http_client::NAME => http_client::grade(context, harness).await,
        hello_server::NAME => hello_server::grade(context, harness).await,
        fastest_ip::NAME => fastest_ip::grade(context, harness).await,
        image_bot::NAME => image_bot::grade(context, harness).await,
        other => Err(format!(
            "this grader has no custom checks for an exercise named `{other}`"
        )),
    }
}

/// The custom check ids each exercise's module grades, for the consistency test with
/// `course.toml`.
pub fn check_ids(exercise: &str) -> Option<&'static [&'static str]> {
    match exercise {
        http_client::NAME => Some(http_client::CHECKS),
        hello_server::NAME => Some(hello_server::CHECKS),
        fastest_ip::NAME => Some(fastest_ip::CHECKS),
        image_bot::NAME => Some(image_bot::CHECKS),
        _ => None,
    }
}

/// A failure's message, without the port of the local server it talked to (the system picks a
/// new one each run), followed by the way to replay the run (`replay`, with its seed): so that the
/// same program and seed always get the same words.
pub fn with_replay(outcome: Outcome, replay: &str) -> Outcome {
    match outcome.status {
        Status::Failed | Status::TimedOut => Outcome {
            message: format!("{} {replay}", without_port(&outcome.message)),
            ..outcome
        },
        _ => outcome,
    }
}

#[cfg(test)]
mod tests {
    use crate::course::Course;

    #[test]
    fn every_custom_check_is_graded() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
        let course = Course::load(&root).unwrap();
        for exercise in &course.exercises {
            let listed = exercise.custom_checks();
            let graded = super::check_ids(&exercise.name).unwrap_or_default();
            assert_eq!(
                listed, graded,
                "course.toml and the custom checks of `{}`",
                exercise.name
            );
        }
    }
}
