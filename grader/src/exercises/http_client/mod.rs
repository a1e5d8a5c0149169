//! The http-client exercise: `first_chars` on pages of a local mock server, good and bad.
//!
//! The pages are routes of a mock server (`mock::scripted`) on 127.0.0.1, cut from the
//! exercise's Russian text at places drawn from the run's seed, so that no fixed answer passes
//! and a failure can be replayed (`--seed`). Three runs of the harness, at once, one per check:
//! pages to cut by characters, answers with an error status, and servers that do not answer.
//!
//! # Layout
//!
//! - `plan`: the cases, drawn from the seed: which page, which status, which kind of silence.
//! - `run`: each group of cases on its own mock server, the harness called on their URLs.
//! - `judge`: what each call gave, against what it should have, as an outcome per check.

mod judge;
mod plan;
mod run;

use rand::SeedableRng;
use rand::rngs::StdRng;

use crate::checks::Context;
use crate::harness::Harness;
use crate::tr;
use crate::verdict::Outcome;

/// The exercise's package name, as in `course.toml`.
pub const NAME: &str = "http-client";

/// The checks this module grades, in `course.toml`'s order.
pub const CHECKS: &[&str] = &["first-chars", "error-status", "no-answer"];

pub async fn grade(
    context: &Context<'_>,
    harness: &Harness,
) -> Result<Vec<(String, Outcome)>, String> {
    let pages = plan::load_pages(&context.fixtures)?;
    let mut rng = StdRng::seed_from_u64(context.seed);
    let replay = tr!(
        "hc-replay",
        seed = context.seed.to_string(),
        exercise = NAME
    );
    let plan = plan::draw(&pages, &mut rng);

    // Each group on its own mock server, all at once: the slowest, a server that never
    // answers, takes the client's timeout.
    let (first, status, silent) = tokio::join!(
        run::run_cases(harness, &plan.pages),
        run::run_cases(harness, &plan.statuses),
        run::run_cases(harness, &plan.no_answer),
    );
    let outcomes = vec![
        ("first-chars", judge::judge_first_chars(&plan.pages, first?)),
        (
            "error-status",
            judge::judge_error_status(&plan.statuses, status?),
        ),
        (
            "no-answer",
            judge::judge_no_answer(&plan.no_answer, silent?),
        ),
    ];
    Ok(outcomes
        .into_iter()
        .map(|(id, outcome)| (id.to_string(), super::with_replay(outcome, &replay)))
        .collect())
}
