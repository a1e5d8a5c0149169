//! Exercise 2, the fastest IP: `fetch_ip` on every kind of answer, `fastest_ip` in a race of
//! mock services, and the offline variant on pages of Russian text.
//!
//! The services are routes of a local mock server (`mock::scripted`), with delays and answers
//! drawn from the run's seed, so that no fixed answer passes and a failure can be replayed
//! (`--seed`). Sockets are real, so time is real too: each check compares times with margins of
//! at least 150 ms, the smallest gap between two events of a scenario.

use std::collections::BTreeMap;
use std::path::Path;
use std::time::Duration;

use rand::rngs::StdRng;
use rand::seq::SliceRandom;
use rand::{Rng, SeedableRng};
use serde::Deserialize;
use serde_json::{Value, json};

use crate::checks::Context;
use crate::checks::ended::ended_badly;
use crate::child::Limits;
use crate::harness::{Harness, Run};
use crate::mock::http::{Ending, MockServer, Seen};
use crate::mock::scripted::{self, Behaviour, Route};
use crate::tr;
use crate::verdict::{Outcome, Status};

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

/// The timeout of the client the harness hands to the student's code.
const CLIENT_TIMEOUT: Duration = Duration::from_millis(1500);
/// The shorter timeout for `fetch_ip` alone and for the all-failed race.
const SHORT_TIMEOUT: Duration = Duration::from_millis(600);
/// How long the harness stays after `fastest_ip` returns, so that requests left running show.
const LINGER: Duration = Duration::from_millis(600);
/// How soon after the winner's answer the losers' connections must close.
const CANCELLED_WITHIN: Duration = Duration::from_millis(300);
/// The smallest gap between two events of a race: the margins below are built on it.
const GAP: u64 = 150;

/// How one kind of mock service answers (`fixtures/02-fastest-ip/answers.toml`).
#[derive(Debug, Clone, Deserialize)]
struct Kind {
    ip_attr: String,
    #[serde(flatten)]
    behaviour: Behaviour,
    /// The `FetchError` variant `fetch_ip` must return; `None` for a good answer.
    fails: Option<String>,
}

/// One service of a scenario: its name, kind, delay and (for a good one) the address it gives.
#[derive(Debug, Clone)]
struct Planned {
    name: String,
    kind: String,
    delay_ms: u64,
    ip: Option<String>,
}

pub async fn grade(
    context: &Context<'_>,
    harness: &Harness,
) -> Result<Vec<(String, Outcome)>, String> {
    let kinds = load_kinds(&context.fixtures)?;
    let text = std::fs::read_to_string(context.fixtures.join("pages/text.ru.txt"))
        .map_err(|error| format!("cannot read the pages' text: {error}"))?;
    let mut rng = StdRng::seed_from_u64(context.seed);
    let replay = tr!(
        "ip-replay",
        seed = context.seed.to_string(),
        exercise = NAME
    );

    // The scenarios are independent, each with its own mock server: run them all at once.
    let fetch = fetch_scenario(&kinds, &mut rng);
    let race = race_scenario(&kinds, &mut rng);
    let failing = all_failed_scenario(&kinds, &mut rng);
    let pages = pages_scenario(&text, &mut rng);
    let (fetch_run, race_run, failing_run, pages_run, none_run) = tokio::join!(
        run_services(harness, &kinds, &fetch, "fetch_ip", SHORT_TIMEOUT),
        run_services(harness, &kinds, &race, "fastest_ip", CLIENT_TIMEOUT),
        run_services(harness, &kinds, &failing, "fastest_ip", SHORT_TIMEOUT),
        run_pages(harness, &pages, pages.min_chars),
        run_pages(harness, &pages, text.chars().count() + 1),
    );

    // The mock's port changes from run to run: messages leave it out, so that the same
    // submission and seed always get the same words.
    let with_replay = |outcome: Outcome| match outcome.status {
        Status::Failed | Status::TimedOut => Outcome {
            message: format!("{} {replay}", without_port(&outcome.message)),
            ..outcome
        },
        _ => outcome,
    };
    let race_outcomes = judge_race(&kinds, &race, race_run?);
    let mut outcomes = vec![(
        "fetch-ip".to_string(),
        judge_fetch(&kinds, &fetch, fetch_run?),
    )];
    outcomes.extend(race_outcomes);
    outcomes.push((
        "all-failed".into(),
        judge_all_failed(&kinds, &failing, failing_run?),
    ));
    outcomes.push(("pages".into(), judge_pages(&pages, pages_run?, none_run?)));
    Ok(outcomes
        .into_iter()
        .map(|(id, outcome)| (id, with_replay(outcome)))
        .collect())
}

fn load_kinds(fixtures: &Path) -> Result<BTreeMap<String, Kind>, String> {
    let path = fixtures.join("answers.toml");
    let text = std::fs::read_to_string(&path)
        .map_err(|error| format!("cannot read {}: {error}", path.display()))?;
    let kinds: BTreeMap<String, Kind> =
        toml::from_str(&text).map_err(|error| format!("{}: {error}", path.display()))?;
    // The scenarios need a silent service, four kinds of failure and two good kinds.
    let failing = kinds.values().filter(|kind| kind.fails.is_some()).count();
    let good = kinds.len() - failing;
    if !kinds.contains_key("silent") || failing < 5 || good < 2 {
        return Err(format!(
            "{} needs a `silent` kind, four more kinds that fail and two good ones",
            path.display()
        ));
    }
    Ok(kinds)
}

// ---------------------------------------------------------------------------------------------
// The scenarios.

/// Service names, shuffled for each run.
const NAMES: &[&str] = &[
    "ipify",
    "ip-api",
    "ipinfo",
    "ifconfig",
    "seeip",
    "icanhazip",
    "myip",
    "ident",
];

fn random_ipv4(rng: &mut StdRng) -> String {
    format!(
        "{}.{}.{}.{}",
        rng.random_range(11..=223),
        rng.random_range(0..=255),
        rng.random_range(0..=255),
        rng.random_range(1..=254)
    )
}

fn address_for(kind: &str, rng: &mut StdRng) -> String {
    match kind {
        "ipv6" => format!("2001:db8::{:x}", rng.random_range(1..=0xffffu32)),
        _ => random_ipv4(rng),
    }
}

/// Every kind of answer once, at once: `fetch_ip` must tell each right.
fn fetch_scenario(kinds: &BTreeMap<String, Kind>, rng: &mut StdRng) -> Vec<Planned> {
    kinds
        .keys()
        .enumerate()
        .map(|(index, kind)| Planned {
            name: format!("service-{index}"),
            kind: kind.clone(),
            delay_ms: 0,
            ip: Some(address_for(kind, rng)),
        })
        .collect()
}

/// The kinds of failure that answer (all but the silent one), in a random order.
fn shuffled_failures<'a>(kinds: &'a BTreeMap<String, Kind>, rng: &mut StdRng) -> Vec<&'a String> {
    let mut failing: Vec<&String> = kinds
        .iter()
        .filter(|(name, kind)| kind.fails.is_some() && name.as_str() != "silent")
        .map(|(name, _)| name)
        .collect();
    failing.shuffle(rng);
    failing
}

/// The race: two fast failures, the winner, a slower good service, and one that never answers.
/// Events are at least [`GAP`] ms apart; the services are listed in a random order.
fn race_scenario(kinds: &BTreeMap<String, Kind>, rng: &mut StdRng) -> Vec<Planned> {
    let failing = shuffled_failures(kinds, rng);
    let mut good: Vec<&String> = kinds
        .iter()
        .filter(|(_, kind)| kind.fails.is_none())
        .map(|(name, _)| name)
        .collect();
    good.shuffle(rng);
    let mut names: Vec<&str> = NAMES.to_vec();
    names.shuffle(rng);

    // The first answer comes after more than GAP, so that a request sent only after it is later
    // than the lateness margin of `judge_concurrency`.
    let first = rng.random_range(GAP + 50..=GAP + 150);
    let second = first + GAP + rng.random_range(0..=100);
    let winner = second + GAP + rng.random_range(0..=150);
    let slower = winner + 2 * GAP + rng.random_range(0..=100);
    let mut planned = vec![
        (failing[0], first),
        (failing[1], second),
        (good[0], winner),
        (good[1], slower),
    ]
    .into_iter()
    .map(|(kind, delay_ms)| (kind.clone(), delay_ms))
    .chain([("silent".to_string(), 0)])
    .zip(names)
    .map(|((kind, delay_ms), name)| Planned {
        name: name.to_string(),
        ip: Some(address_for(&kind, rng)),
        kind,
        delay_ms,
    })
    .collect::<Vec<_>>();
    planned.shuffle(rng);
    // The slower good service is always listed before the winner: asked one by one, they would
    // give the slower one, and the verdict of such code must not depend on the seed.
    let position = |delay: u64| planned.iter().position(|service| service.delay_ms == delay);
    if let (Some(slow), Some(fast)) = (position(slower), position(winner))
        && fast < slow
    {
        planned.swap(fast, slow);
    }
    planned
}

/// A race that no one wins: every kind of failure, the silent one included.
fn all_failed_scenario(kinds: &BTreeMap<String, Kind>, rng: &mut StdRng) -> Vec<Planned> {
    let failing = shuffled_failures(kinds, rng);
    let mut names: Vec<&str> = NAMES.to_vec();
    names.shuffle(rng);
    failing
        .into_iter()
        .take(4)
        .cloned()
        .chain(["silent".to_string()])
        .zip(names)
        .map(|(kind, name)| Planned {
            name: name.to_string(),
            // Each at least 150 ms: asked one after another, they add up past the limit.
            delay_ms: rng.random_range(150..=250),
            ip: Some(address_for(&kind, rng)),
            kind,
        })
        .collect()
}

/// Pages of the lesson: one that fails at once, one short in characters but long in bytes, the
/// one to find, and a longer one that comes later.
struct Pages {
    min_chars: usize,
    /// (path, delay in ms, text or `None` for a page that fails with a 500).
    pages: Vec<(String, u64, Option<String>)>,
    /// The path of the page to find, and its length in characters.
    answer: (String, usize),
    /// The page that only counting bytes would take.
    bytes_trap: (String, usize, usize),
}

fn pages_scenario(text: &str, rng: &mut StdRng) -> Pages {
    let min_chars = rng.random_range(600..=900);
    let cut = |chars: usize| text.chars().take(chars).collect::<String>();
    let trap_chars = min_chars - rng.random_range(50..=150);
    let answer_chars = min_chars + rng.random_range(50..=300);
    let longer_chars = text.chars().count();
    let start = rng.random_range(100..=200);
    let trap = cut(trap_chars);
    let mut pages = vec![
        ("/lessons/lab1.html".to_string(), 0, None),
        ("/lessons/lab2.html".to_string(), start, Some(trap.clone())),
        (
            "/lessons/lab3.html".to_string(),
            start + GAP * 2,
            Some(cut(answer_chars)),
        ),
        (
            "/lessons/lab4.html".to_string(),
            start + GAP * 4,
            Some(cut(longer_chars)),
        ),
    ];
    pages.shuffle(rng);
    Pages {
        min_chars,
        pages,
        answer: ("/lessons/lab3.html".to_string(), answer_chars),
        bytes_trap: ("/lessons/lab2.html".to_string(), trap_chars, trap.len()),
    }
}

// ---------------------------------------------------------------------------------------------
// Running them.

/// What one scenario gave: the harness's run and the mock's log of requests.
struct Ran {
    run: Run,
    seen: Vec<Seen>,
    limits: Limits,
    /// A service of the scenario that never answers, and the timeout of the client given to the
    /// student's code: only that timeout ends a request to it.
    silent: Option<(String, Duration)>,
}

async fn run_services(
    harness: &crate::harness::Harness,
    kinds: &BTreeMap<String, Kind>,
    planned: &[Planned],
    call: &str,
    timeout: Duration,
) -> Result<Ran, String> {
    let routes = planned
        .iter()
        .map(|service| {
            let kind = &kinds[&service.kind];
            Route {
                path: format!("/{}", service.name),
                delay: Duration::from_millis(service.delay_ms),
                behaviour: fill_in(&kind.behaviour, service.ip.as_deref().unwrap_or("")),
            }
        })
        .collect();
    let server = serve(routes).await?;
    let services: Vec<Value> = planned
        .iter()
        .map(|service| {
            json!({
                "name": service.name,
                "url": server.url(&format!("/{}", service.name)),
                "ip_attr": kinds[&service.kind].ip_attr,
            })
        })
        .collect();
    let scenario = json!({
        "call": call,
        "services": services,
        "timeout_ms": timeout.as_millis() as u64,
        "linger_ms": LINGER.as_millis() as u64,
    });
    let mut ran = finish(harness, &server, scenario).await?;
    ran.silent = planned
        .iter()
        .find(|service| kinds[&service.kind].behaviour == Behaviour::Silent)
        .map(|service| (service.name.clone(), timeout));
    Ok(ran)
}

async fn run_pages(
    harness: &crate::harness::Harness,
    pages: &Pages,
    min_chars: usize,
) -> Result<Ran, String> {
    let routes = pages
        .pages
        .iter()
        .map(|(path, delay_ms, text)| Route {
            path: path.clone(),
            delay: Duration::from_millis(*delay_ms),
            behaviour: match text {
                Some(text) => Behaviour::Answer {
                    status: 200,
                    content_type: "text/html; charset=utf-8".into(),
                    body: text.clone(),
                },
                None => Behaviour::Answer {
                    status: 500,
                    content_type: "text/plain".into(),
                    body: "Internal Server Error".into(),
                },
            },
        })
        .collect();
    let server = serve(routes).await?;
    let urls: Vec<String> = pages
        .pages
        .iter()
        .map(|(path, ..)| server.url(path))
        .collect();
    let scenario = json!({
        "call": "first_page_longer_than",
        "urls": urls,
        "min_chars": min_chars,
        "timeout_ms": CLIENT_TIMEOUT.as_millis() as u64,
    });
    finish(harness, &server, scenario).await
}

async fn serve(routes: Vec<Route>) -> Result<MockServer, String> {
    scripted::serve(routes)
        .await
        .map_err(|error| format!("cannot start a mock server on 127.0.0.1: {error}"))
}

async fn finish(
    harness: &crate::harness::Harness,
    server: &MockServer,
    scenario: Value,
) -> Result<Ran, String> {
    let run = harness.run(&[&scenario.to_string()]).await?;
    // The harness has ended, so every connection is closed; give the server a moment to see it.
    let seen = server.log.settled(Duration::from_secs(2)).await;
    Ok(Ran {
        run,
        seen,
        limits: harness.limits,
        silent: None,
    })
}

/// `{ip}` and `{ip6}` in a body become the service's address.
fn fill_in(behaviour: &Behaviour, ip: &str) -> Behaviour {
    match behaviour {
        Behaviour::Answer {
            status,
            content_type,
            body,
        } => Behaviour::Answer {
            status: *status,
            content_type: content_type.clone(),
            body: body.replace("2001:db8::{ip6}", ip).replace("{ip}", ip),
        },
        other => other.clone(),
    }
}

// ---------------------------------------------------------------------------------------------
// Judging them.

/// The run's result, or the outcome that explains why there is none.
fn result_of(ran: &Ran) -> Result<&Value, Outcome> {
    let run = &ran.run;
    if let Some(outcome) = ended_badly(run, &ran.limits) {
        // A request to a service that never answers ends only with the client's timeout. When
        // it was still open long past that timeout, its client had none: the reason the run
        // waited until it was stopped.
        let outlived_the_timeout = |service: &str, timeout: Duration| {
            ran.seen
                .iter()
                .filter(|request| request.target == format!("/{service}"))
                .any(|request| {
                    request.ended.is_none_or(|(ended, _)| {
                        ended.saturating_sub(request.arrived) > timeout * 4
                    })
                })
        };
        if let (Status::TimedOut, Some((service, timeout))) = (outcome.status, &ran.silent)
            && outlived_the_timeout(service, *timeout)
        {
            return Err(Outcome::new(
                Status::TimedOut,
                tr!(
                    "ip-timed-out-on-silent",
                    seconds = ran.limits.time.as_secs(),
                    service = service.as_str(),
                    timeout_ms = timeout.as_millis() as u64
                ),
            ));
        }
        return Err(outcome);
    }
    match &run.timeline.returned {
        Some(returned) => Ok(&returned.value),
        None => Err(Outcome::failed(tr!("ip-no-return"))),
    }
}

fn judge_fetch(kinds: &BTreeMap<String, Kind>, planned: &[Planned], ran: Ran) -> Outcome {
    let results = match result_of(&ran) {
        Ok(Value::Array(results)) => results.clone(),
        Ok(other) => {
            return Outcome::failed(tr!("ip-fetch-unreadable", result = other.to_string()));
        }
        Err(outcome) => return outcome,
    };
    for (service, result) in planned.iter().zip(&results) {
        let kind = &kinds[&service.kind];
        let answer = describe(kind, service.ip.as_deref().unwrap_or(""));
        let got = describe_result(result);
        match (&kind.fails, result.get("ip"), result.get("error")) {
            (None, Some(ip), _) if ip == service.ip.as_deref().unwrap_or("") => {}
            (None, _, _) => {
                return Outcome::failed(tr!(
                    "ip-fetch-wrong-address",
                    answer = answer,
                    got = got,
                    ip = service.ip.as_deref().unwrap_or("")
                ));
            }
            (Some(fails), _, Some(error)) if error["kind"] == fails.as_str() => {}
            (Some(fails), _, _) => {
                return Outcome::failed(tr!(
                    "ip-fetch-wrong-error",
                    answer = answer,
                    got = got,
                    variant = variant(fails)
                ));
            }
        }
    }
    Outcome::passed(tr!("ip-fetch-passed"))
}

/// Judges the race for three checks: the first success won, the requests ran at once, the
/// losers were cancelled.
fn judge_race(
    kinds: &BTreeMap<String, Kind>,
    planned: &[Planned],
    ran: Ran,
) -> Vec<(String, Outcome)> {
    let result = match result_of(&ran) {
        Ok(result) => result.clone(),
        Err(outcome) => {
            return ["first-success", "concurrent", "cancelled"]
                .iter()
                .map(|id| (id.to_string(), outcome.clone()))
                .collect();
        }
    };
    let elapsed = ran.run.timeline.returned.as_ref().map_or(0, |r| r.at_ms);
    let mut good: Vec<&Planned> = planned
        .iter()
        .filter(|service| kinds[&service.kind].fails.is_none())
        .collect();
    good.sort_by_key(|service| service.delay_ms);
    let winner = good[0];
    let winner_ip = winner.ip.as_deref().unwrap_or("");

    let first_success = match (result.get("winner"), result.get("ip")) {
        (Some(name), Some(ip)) if name == winner.name.as_str() && ip == winner_ip => {
            Outcome::passed(tr!("ip-first-success-passed"))
        }
        (Some(name), _) if name == winner.name.as_str() => Outcome::failed(tr!(
            "ip-first-success-wrong-address",
            service = winner.name.as_str(),
            got = result["ip"].to_string(),
            ip = winner_ip
        )),
        (Some(name), _) => Outcome::failed(tr!(
            "ip-first-success-slower",
            service = name.as_str().unwrap_or_default(),
            service_ms = planned
                .iter()
                .find(|service| service.name == *name)
                .map_or(0, |service| service.delay_ms),
            winner = winner.name.as_str(),
            winner_ms = winner.delay_ms
        )),
        _ => Outcome::failed(tr!(
            "ip-first-success-gave-up",
            winner = winner.name.as_str(),
            winner_ms = winner.delay_ms
        )),
    };

    let concurrent = judge_concurrency(planned, &ran.seen, winner, elapsed);
    let cancelled = judge_cancellation(planned, &ran.seen, winner);
    vec![
        ("first-success".into(), first_success),
        ("concurrent".into(), concurrent),
        ("cancelled".into(), cancelled),
    ]
}

fn judge_concurrency(
    planned: &[Planned],
    seen: &[Seen],
    winner: &Planned,
    elapsed: u64,
) -> Outcome {
    let Some(first) = seen.first() else {
        return Outcome::failed(tr!("ip-no-request"));
    };
    // Each request, by service, as the mock saw it.
    let request_of = |name: &str| {
        seen.iter()
            .find(|request| request.target == format!("/{name}"))
    };
    // Started together, all requests reach the mock within a few milliseconds; a request sent
    // only after an answer came is at least the first answer's delay (over GAP) late.
    for request in seen {
        let late_ms = (request.arrived - first.arrived).as_millis() as u64;
        if late_ms >= GAP {
            let earlier = seen
                .iter()
                .filter_map(|other| other.ended.map(|(at, _)| (at, other)))
                .filter(|(at, _)| *at <= request.arrived)
                .max_by_key(|(at, _)| *at)
                .map(|(_, other)| other.target.trim_start_matches('/').to_string());
            let service = request.target.trim_start_matches('/').to_string();
            return Outcome::failed(match earlier {
                Some(earlier) => tr!(
                    "ip-sequential-after-answer",
                    service = service,
                    earlier = earlier
                ),
                None => tr!("ip-sequential-late", service = service),
            });
        }
    }
    for service in planned {
        if request_of(&service.name).is_none() {
            return Outcome::failed(tr!("ip-never-asked", service = service.name.as_str()));
        }
    }
    let margin = GAP + GAP / 3;
    if elapsed > winner.delay_ms + margin {
        // The message names the scenario's times, not the measured ones, so that it is the same
        // run after run.
        return Outcome::failed(tr!(
            "ip-waited-for-slower",
            winner = winner.name.as_str(),
            winner_ms = winner.delay_ms
        ));
    }
    Outcome::passed(tr!("ip-concurrent-passed"))
}

fn judge_cancellation(planned: &[Planned], seen: &[Seen], winner: &Planned) -> Outcome {
    let answered_at = seen
        .iter()
        .find(|request| request.target == format!("/{}", winner.name))
        .and_then(|request| request.ended)
        .map(|(at, _)| at);
    let Some(answered_at) = answered_at else {
        return Outcome::failed(tr!("ip-winner-never-asked", winner = winner.name.as_str()));
    };
    let mut left_running = Vec::new();
    for request in seen {
        let Some((ended_at, how)) = request.ended else {
            continue;
        };
        // Only the requests still running when the winner answered had something to cancel.
        if ended_at <= answered_at {
            continue;
        }
        let cancelled = how == Ending::Abandoned && ended_at - answered_at <= CANCELLED_WITHIN;
        if !cancelled {
            left_running.push(request.target.trim_start_matches('/').to_string());
        }
    }
    // Named in the scenario's order: requests sent at the same instant reach the mock in any
    // order, and the same run must get the same words.
    left_running.sort_by_key(|name| planned.iter().position(|service| service.name == *name));
    if left_running.is_empty() {
        Outcome::passed(tr!("ip-cancelled-passed"))
    } else {
        // "a, b and c" ("a, b и c" in Russian): the last one joined by ip-list-last.
        let count = left_running.len();
        let last = left_running.pop().unwrap_or_default();
        let services = match left_running
            .into_iter()
            .reduce(|first, next| tr!("ip-list-more", first = first, next = next))
        {
            Some(first) => tr!("ip-list-last", first = first, next = last),
            None => last,
        };
        Outcome::failed(tr!(
            "ip-left-running",
            winner = winner.name.as_str(),
            services = services,
            count = count
        ))
    }
}

fn judge_all_failed(kinds: &BTreeMap<String, Kind>, planned: &[Planned], ran: Ran) -> Outcome {
    let result = match result_of(&ran) {
        Ok(result) => result.clone(),
        Err(outcome) => return outcome,
    };
    let elapsed = ran.run.timeline.returned.as_ref().map_or(0, |r| r.at_ms);
    let Some(failures) = result.get("all_failed").and_then(Value::as_array) else {
        return Outcome::failed(tr!(
            "ip-all-failed-took-address",
            result = result.to_string()
        ));
    };
    for service in planned {
        let entry = failures
            .iter()
            .find(|failure| failure[0] == service.name.as_str());
        let Some(entry) = entry else {
            return Outcome::failed(tr!(
                "ip-all-failed-missing",
                service = service.name.as_str()
            ));
        };
        let expected = kinds[&service.kind].fails.as_deref().unwrap_or("");
        if entry[1]["error"]["kind"] != expected {
            return Outcome::failed(tr!(
                "ip-all-failed-wrong-reason",
                got = describe_result(&entry[1]),
                service = service.name.as_str(),
                answer = describe(&kinds[&service.kind], ""),
                variant = variant(expected)
            ));
        }
    }
    if failures.len() != planned.len() {
        return Outcome::failed(tr!(
            "ip-all-failed-count",
            reasons = failures.len(),
            services = planned.len()
        ));
    }
    let limit = SHORT_TIMEOUT.as_millis() as u64 + 3 * GAP;
    if elapsed > limit {
        return Outcome::failed(tr!(
            "ip-all-failed-slow",
            timeout_ms = SHORT_TIMEOUT.as_millis() as u64
        ));
    }
    Outcome::passed(tr!("ip-all-failed-passed"))
}

fn judge_pages(pages: &Pages, found: Ran, none: Ran) -> Outcome {
    let result = match result_of(&found) {
        Ok(result) => result.clone(),
        Err(outcome) => return outcome,
    };
    let (answer_path, answer_chars) = &pages.answer;
    let (trap_path, trap_chars, trap_bytes) = &pages.bytes_trap;
    let url = result[0].as_str().unwrap_or("");
    if result.is_null() {
        return Outcome::failed(tr!(
            "ip-pages-none",
            min_chars = pages.min_chars,
            path = answer_path.as_str(),
            chars = *answer_chars
        ));
    }
    if url.ends_with(trap_path.as_str()) {
        return Outcome::failed(tr!(
            "ip-pages-bytes",
            min_chars = pages.min_chars,
            path = trap_path.as_str(),
            bytes = *trap_bytes,
            chars = *trap_chars
        ));
    }
    if !url.ends_with(answer_path.as_str()) || result[1] != *answer_chars {
        return Outcome::failed(tr!(
            "ip-pages-wrong",
            min_chars = pages.min_chars,
            result = result.to_string(),
            path = answer_path.as_str(),
            chars = *answer_chars
        ));
    }
    // The page to find arrives well before the longer one: returning only after that one
    // means waiting for every page.
    let answer_delay = pages
        .pages
        .iter()
        .find(|(path, ..)| path == answer_path)
        .map_or(0, |(_, delay, _)| *delay);
    let elapsed = found.run.timeline.returned.as_ref().map_or(0, |r| r.at_ms);
    if elapsed > answer_delay + GAP {
        return Outcome::failed(tr!("ip-pages-slow", delay_ms = answer_delay));
    }
    match result_of(&none) {
        Ok(Value::Null) => Outcome::passed(tr!("ip-pages-passed")),
        Ok(other) => Outcome::failed(tr!("ip-pages-not-none", result = other.to_string())),
        Err(outcome) => outcome,
    }
}

/// A kind of answer in words, for messages.
fn describe(kind: &Kind, ip: &str) -> String {
    match fill_in(&kind.behaviour, ip) {
        Behaviour::Answer { status, body, .. } => {
            tr!("ip-answer-status", status = status.to_string(), body = body)
        }
        Behaviour::Hangup => tr!("ip-answer-hangup"),
        Behaviour::Silent => tr!("ip-answer-silent"),
    }
}

/// What the student's `fetch_ip` returned, in words.
fn describe_result(result: &Value) -> String {
    if let Some(ip) = result.get("ip") {
        return format!("Ok({})", ip.as_str().unwrap_or_default());
    }
    match result["error"]["kind"].as_str() {
        Some(kind) => format!(
            "`FetchError::{}` ({})",
            variant(kind),
            result["error"]["message"].as_str().unwrap_or("")
        ),
        None => result.to_string(),
    }
}

/// `http://127.0.0.1:40321/x` → `http://127.0.0.1/x`.
fn without_port(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find("127.0.0.1:") {
        let (before, after) = rest.split_at(at + "127.0.0.1".len());
        out.push_str(before);
        rest = after[1..].trim_start_matches(|c: char| c.is_ascii_digit());
    }
    out.push_str(rest);
    out
}

/// `not_json` → `NotJson`.
fn variant(snake: &str) -> String {
    snake
        .split('_')
        .map(|word| {
            let mut chars = word.chars();
            chars
                .next()
                .map(|first| first.to_uppercase().chain(chars).collect::<String>())
                .unwrap_or_default()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_leave_the_mocks_port_out() {
        assert_eq!(
            without_port("error for url (http://127.0.0.1:40321/ipify): 127.0.0.1:9"),
            "error for url (http://127.0.0.1/ipify): 127.0.0.1"
        );
    }
}
