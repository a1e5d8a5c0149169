//! The fastest-ip exercise: `fetch_ip` on every kind of answer, `fastest_ip` in a race of mock
//! services, and the offline variant on pages of Russian text.
//!
//! The services are routes of a local mock server (`mock::scripted`), with delays and answers
//! drawn from the run's seed, so that no fixed answer passes and a failure can be replayed
//! (`--seed`). Sockets are real, so time is real too: each check compares times with margins of
//! at least 150 ms, the smallest gap between two events of a scenario.
//!
//! # Layout
//!
//! - `plan`: the scenarios, drawn from the seed: the kinds of answer
//!   (`fixtures/fastest-ip/answers.toml`), the services of each race with their delays and
//!   addresses, the lesson's pages.
//! - `run`: each scenario on its own mock server, the harness called on its URLs, and the
//!   mock's log of the requests.
//! - `judge`: what the code returned and what the mock saw, as an outcome per check.

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
pub const NAME: &str = "fastest-ip";

/// The checks this module grades, in `course.toml`'s order.
pub const CHECKS: &[&str] = &[
    "fetch-ip",
    "first-success",
    "concurrent",
    "cancelled",
    "all-failed",
    "pages",
];

pub async fn grade(
    context: &Context<'_>,
    harness: &Harness,
) -> Result<Vec<(String, Outcome)>, String> {
    let kinds = plan::load_kinds(&context.fixtures)?;
    let text = plan::load_text(&context.fixtures)?;
    let mut rng = StdRng::seed_from_u64(context.seed);
    let replay = tr!(
        "ip-replay",
        seed = context.seed.to_string(),
        exercise = NAME
    );

    // The scenarios are independent, each with its own mock server: run them all at once.
    let fetch = plan::fetch_scenario(&kinds, &mut rng);
    let race = plan::race_scenario(&kinds, &mut rng);
    let failing = plan::all_failed_scenario(&kinds, &mut rng);
    let pages = plan::pages_scenario(&text, &mut rng);
    let (fetch_run, race_run, failing_run, pages_run, none_run) = tokio::join!(
        run::run_services(harness, &kinds, &fetch, "fetch_ip", plan::SHORT_TIMEOUT),
        run::run_services(harness, &kinds, &race, "fastest_ip", plan::CLIENT_TIMEOUT),
        run::run_services(harness, &kinds, &failing, "fastest_ip", plan::SHORT_TIMEOUT),
        run::run_pages(harness, &pages, pages.min_chars),
        run::run_pages(harness, &pages, text.chars().count() + 1),
    );

    let race_outcomes = judge::judge_race(&kinds, &race, race_run?);
    let mut outcomes = vec![(
        "fetch-ip".to_string(),
        judge::judge_fetch(&kinds, &fetch, fetch_run?),
    )];
    outcomes.extend(race_outcomes);
    outcomes.push((
        "all-failed".into(),
        judge::judge_all_failed(&kinds, &failing, failing_run?),
    ));
    outcomes.push((
        "pages".into(),
        judge::judge_pages(&pages, pages_run?, none_run?),
    ));
    Ok(outcomes
        .into_iter()
        .map(|(id, outcome)| (id, super::with_replay(outcome, &replay)))
        .collect())
}
