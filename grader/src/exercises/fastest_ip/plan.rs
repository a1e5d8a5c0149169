//! The scenarios of fastest-ip, drawn from the run's seed: which mock services a race has, how
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
use rand::seq::{IndexedRandom, SliceRandom};
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

/// How one kind of mock service answers (`fixtures/fastest-ip/answers.toml`).
#[derive(Debug, Clone, Deserialize)]
pub(super) struct Kind {
    pub(super) ip_attr: String,
    #[serde(flatten)]
    pub(super) behaviour: Behaviour,
    /// The `FetchError` variant `fetch_ip` must return; `None` for a good answer.
    pub(super) fails: Option<String>,
}

impl Kind {
    /// A failure that says so: an error status, or a hang-up.
    pub(super) fn plain_failure(&self) -> bool {
        self.fails.is_some()
            && match &self.behaviour {
                Behaviour::Answer { status, .. } => !(200..300).contains(status),
                Behaviour::Hangup => true,
                Behaviour::Silent => false,
            }
    }

    /// A failure that looks like a success: a 2xx status, and a body that is not JSON but holds
    /// the address. Code that reads only the status takes it for a success; code that searches
    /// the body for an address finds one; code that unwraps the JSON panics.
    pub(super) fn decoy(&self) -> bool {
        self.fails.as_deref() == Some("not_json")
            && matches!(&self.behaviour, Behaviour::Answer { status, body, .. }
                if (200..300).contains(status) && body.contains("{ip}"))
    }

    /// A 2xx answer that is still a failure (a body that is no good answer).
    pub(super) fn bad_success(&self) -> bool {
        self.fails.is_some()
            && matches!(&self.behaviour, Behaviour::Answer { status, .. }
                if (200..300).contains(status))
    }
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
    // The scenarios need a silent service, a plain failure, a decoy and two good kinds; the
    // all-failed race has a service of every kind that fails.
    let failing = kinds.values().filter(|kind| kind.fails.is_some()).count();
    let good = kinds.len() - failing;
    let any = |test: fn(&Kind) -> bool| kinds.values().any(test);
    if !kinds.contains_key("silent")
        || !any(Kind::plain_failure)
        || !any(Kind::decoy)
        || good < 2
        || failing > NAMES.len()
    {
        return Err(format!(
            "{} needs a `silent` kind, a kind that fails with an error status or a hang-up, one \
             that answers 200 with the address in a body that is not JSON, two good kinds, and \
             no more kinds that fail than there are service names ({})",
            path.display(),
            NAMES.len()
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
    "checkip",
    "ipecho",
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

/// One of the kinds that pass `test`, at random.
fn one_kind<'a>(
    kinds: &'a BTreeMap<String, Kind>,
    test: fn(&Kind) -> bool,
    rng: &mut StdRng,
) -> &'a String {
    let matching: Vec<&String> = kinds
        .iter()
        .filter(|(_, kind)| test(kind))
        .map(|(name, _)| name)
        .collect();
    matching
        .choose(rng)
        .expect("load_kinds makes sure that every kind a scenario needs is there")
}

/// The race: two fast failures, the winner, a slower good service, and one that never answers.
/// Events are at least [`GAP`] ms apart; the services are listed in a random order.
///
/// The first failure says so (an error status or a hang-up); the second is a decoy, a 200 with
/// the address in a body that is not JSON. So, on every seed, code that ends the race at the
/// first failure stops at the plain one, code that trusts a 200 stops at the decoy, and code
/// that takes an address from any body returns the decoy's: each mistake fails, and is named.
pub(super) fn race_scenario(kinds: &BTreeMap<String, Kind>, rng: &mut StdRng) -> Vec<Planned> {
    let failing = [
        one_kind(kinds, Kind::plain_failure, rng),
        one_kind(kinds, Kind::decoy, rng),
    ];
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

/// A race that no one wins: every kind of failure, the silent one included, in a random order.
/// Every kind, on every seed: code that takes any of them for an address, or gives it the wrong
/// reason, fails whatever the seed.
pub(super) fn all_failed_scenario(
    kinds: &BTreeMap<String, Kind>,
    rng: &mut StdRng,
) -> Vec<Planned> {
    let mut failing: Vec<&String> = kinds
        .iter()
        .filter(|(_, kind)| kind.fails.is_some())
        .map(|(name, _)| name)
        .collect();
    failing.shuffle(rng);
    let mut names: Vec<&str> = NAMES.to_vec();
    names.shuffle(rng);
    failing
        .into_iter()
        .cloned()
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
        let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("../fixtures/fastest-ip");
        let kinds = load_kinds(&fixtures).unwrap();
        let text = load_text(&fixtures).unwrap();
        for seed in 0..100 {
            let mut rng = StdRng::seed_from_u64(seed);
            let mut race = race_scenario(&kinds, &mut rng);
            race.retain(|service| kinds[&service.kind].behaviour != Behaviour::Silent);
            race.sort_by_key(|service| service.delay_ms);
            let kind = |index: usize| &kinds[&race[index].kind];
            assert!(kind(0).plain_failure() && kind(1).decoy(), "seed {seed}");
            assert!(
                kind(2).fails.is_none() && kind(3).fails.is_none(),
                "seed {seed}"
            );

            let all_failed = all_failed_scenario(&kinds, &mut rng);
            let failing = kinds.values().filter(|kind| kind.fails.is_some()).count();
            assert_eq!(all_failed.len(), failing, "seed {seed}");

            let pages = pages_scenario(&text, &mut rng);
            for (path, delay_ms, _) in &pages.pages {
                assert!(*delay_ms == 0 || *delay_ms > GAP, "seed {seed}: {path}");
            }
        }
    }
}
