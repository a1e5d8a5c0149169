//! The hello-server exercise: the grader is the client of the student's server, over real
//! sockets on 127.0.0.1.
//!
//! The harness binds a listener on a port the system picks and reports it; the grader reads
//! that report while the harness runs ([`crate::harness::Harness::run_watched`]), sends the
//! scenario's requests, then closes the harness's standard input: that is the shutdown. Three
//! scenarios, each with a server of its own, at once: the routes, ten requests at once (then a
//! shutdown with idle keep-alive connections), and a shutdown with requests in flight. The names
//! are drawn from the run's seed, so that no fixed answer passes and a failure can be replayed
//! (`--seed`). Time is real: the judge's margins are wide (see [`plan`]).
//!
//! # Layout
//!
//! - `plan`: the requests of each scenario, and its times.
//! - `run`: the harness started, its port read, the requests sent, the shutdown, and how
//!   `serve` ended.
//! - `judge`: what the client saw and how `serve` ended, as an outcome per check.

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
pub const NAME: &str = "hello-server";

/// The checks this module grades, in `course.toml`'s order.
pub const CHECKS: &[&str] = &[
    "greets",
    "decodes",
    "not-found",
    "concurrent",
    "graceful",
    "returns",
];

pub async fn grade(
    context: &Context<'_>,
    harness: &Harness,
) -> Result<Vec<(String, Outcome)>, String> {
    let mut rng = StdRng::seed_from_u64(context.seed);
    let replay = tr!(
        "hs-replay",
        seed = context.seed.to_string(),
        exercise = NAME
    );
    let plan = plan::draw(&mut rng);
    let (routes, at_once, in_flight) = run::run_all(harness, &plan).await?;
    let outcomes = vec![
        (
            "greets",
            judge::judge_routes(&plan, &routes, plan::Route::Greets),
        ),
        (
            "decodes",
            judge::judge_routes(&plan, &routes, plan::Route::Decodes),
        ),
        (
            "not-found",
            judge::judge_routes(&plan, &routes, plan::Route::NotFound),
        ),
        ("concurrent", judge::judge_concurrent(&plan, &at_once)),
        (
            "graceful",
            judge::judge_graceful(&plan, &in_flight, &at_once),
        ),
        ("returns", judge::judge_returns(&in_flight, &at_once)),
    ];
    Ok(outcomes
        .into_iter()
        .map(|(id, outcome)| (id.to_string(), super::with_replay(outcome, &replay)))
        .collect())
}
