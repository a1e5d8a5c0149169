//! The scenarios of exercise 2, drawn from the run's seed: which mock services a race has, how
//! each answers and after how long, and the lesson's pages. Nothing here runs: [`super::run`]
//! starts the mocks and the harness, [`super::judge`] reads what happened.
//!
//! Sockets are real, so time is real too: events of a scenario are at least [`GAP`] ms apart,
//! and the judge's margins are built on that gap.

use std::collections::BTreeMap;
use std::path::Path;
use std::time::Duration;

use rand::Rng;
use rand::rngs::StdRng;
use rand::seq::SliceRandom;
use serde::Deserialize;

use crate::mock::scripted::Behaviour;

/// The timeout of the client the harness hands to the student's code.
pub(super) const CLIENT_TIMEOUT: Duration = Duration::from_millis(1500);
/// The shorter timeout for `fetch_ip` alone and for the all-failed race.
pub(super) const SHORT_TIMEOUT: Duration = Duration::from_millis(600);
/// How long the harness stays after `fastest_ip` returns, so that requests left running show.
pub(super) const LINGER: Duration = Duration::from_millis(600);
/// The smallest gap between two events of a race: the judge's margins are built on it.
pub(super) const GAP: u64 = 150;

/// How one kind of mock service answers (`fixtures/02-fastest-ip/answers.toml`).
#[derive(Debug, Clone, Deserialize)]
pub(super) struct Kind {
    pub(super) ip_attr: String,
    #[serde(flatten)]
    pub(super) behaviour: Behaviour,
    /// The `FetchError` variant `fetch_ip` must return; `None` for a good answer.
    pub(super) fails: Option<String>,
}

/// One service of a scenario: its name, kind, delay and (for a good one) the address it gives.
#[derive(Debug, Clone)]
pub(super) struct Planned {
    pub(super) name: String,
    pub(super) kind: String,
    pub(super) delay_ms: u64,
    pub(super) ip: Option<String>,
}

pub(super) fn load_kinds(fixtures: &Path) -> Result<BTreeMap<String, Kind>, String> {
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

/// The lesson's text (Russian), which the pages are cut from.
pub(super) fn load_text(fixtures: &Path) -> Result<String, String> {
    std::fs::read_to_string(fixtures.join("pages/text.ru.txt"))
        .map_err(|error| format!("cannot read the pages' text: {error}"))
}

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
pub(super) fn fetch_scenario(kinds: &BTreeMap<String, Kind>, rng: &mut StdRng) -> Vec<Planned> {
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
pub(super) fn race_scenario(kinds: &BTreeMap<String, Kind>, rng: &mut StdRng) -> Vec<Planned> {
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
pub(super) fn all_failed_scenario(
    kinds: &BTreeMap<String, Kind>,
    rng: &mut StdRng,
) -> Vec<Planned> {
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
/// one to find, and a longer one that comes later. Every page but the one that fails at once
/// takes more than [`GAP`] ms: a page asked for only after another has arrived is that late.
pub(super) struct Pages {
    pub(super) min_chars: usize,
    /// (path, delay in ms, text or `None` for a page that fails with a 500).
    pub(super) pages: Vec<(String, u64, Option<String>)>,
    /// The path of the page to find, and its length in characters.
    pub(super) answer: (String, usize),
    /// The page that only counting bytes would take.
    pub(super) bytes_trap: (String, usize, usize),
}

pub(super) fn pages_scenario(text: &str, rng: &mut StdRng) -> Pages {
    let min_chars = rng.random_range(600..=900);
    let cut = |chars: usize| text.chars().take(chars).collect::<String>();
    let trap_chars = min_chars - rng.random_range(50..=150);
    let answer_chars = min_chars + rng.random_range(50..=300);
    let longer_chars = text.chars().count();
    let start = rng.random_range(GAP + 50..=GAP + 150);
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

/// `{ip}` and `{ip6}` in a body become the service's address.
pub(super) fn fill_in(behaviour: &Behaviour, ip: &str) -> Behaviour {
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

#[cfg(test)]
mod tests {
    use rand::SeedableRng;

    use super::*;

    /// Whatever the seed, each scenario holds the same traps, so that a mistake fails on every
    /// seed or on none.
    #[test]
    fn every_seed_sets_the_same_traps() {
        let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("../fixtures/02-fastest-ip");
        let text = load_text(&fixtures).unwrap();
        for seed in 0..100 {
            let mut rng = StdRng::seed_from_u64(seed);
            let pages = pages_scenario(&text, &mut rng);
            for (path, delay_ms, _) in &pages.pages {
                assert!(*delay_ms == 0 || *delay_ms > GAP, "seed {seed}: {path}");
            }
        }
    }
}
