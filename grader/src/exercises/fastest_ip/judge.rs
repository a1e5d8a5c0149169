//! Judges fastest-ip's runs: what the student's code returned and what the mock saw (when each
//! request arrived, whether it was answered or abandoned), against the plan, as an outcome per
//! check. Messages name the scenario's values, never measured times or the mock's port, so that
//! the same submission and seed always get the same words.

use std::collections::BTreeMap;
use std::time::Duration;

use serde_json::Value;

use super::plan::{GAP, Kind, Pages, Planned, SHORT_TIMEOUT, fill_in};
use super::run::Ran;
use crate::checks::ended::ended_badly;
use crate::mock::http::{Ending, Seen};
use crate::mock::scripted::Behaviour;
use crate::tr;
use crate::verdict::{Outcome, Status};

/// How soon after the winner's answer the losers' connections must close.
const CANCELLED_WITHIN: Duration = Duration::from_millis(300);

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

pub(super) fn judge_fetch(
    kinds: &BTreeMap<String, Kind>,
    planned: &[Planned],
    ran: Ran,
) -> Outcome {
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
pub(super) fn judge_race(
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
        (Some(name), _) => {
            let returned = planned.iter().find(|service| service.name == *name);
            match returned {
                Some(returned) => judge_wrong_winner(kinds, returned, winner),
                None => Outcome::failed(tr!(
                    "ip-first-success-unknown",
                    service = name.as_str().unwrap_or_default(),
                    winner = winner.name.as_str(),
                    winner_ms = winner.delay_ms
                )),
            }
        }
        _ => judge_gave_up(kinds, planned, winner, elapsed),
    };

    let concurrent = judge_concurrency(planned, &ran.seen, winner, elapsed);
    let cancelled = judge_cancellation(planned, &ran.seen, winner);
    vec![
        ("first-success".into(), first_success),
        ("concurrent".into(), concurrent),
        ("cancelled".into(), cancelled),
    ]
}

/// The service `fastest_ip` returned, though it is not the winner: a slower good one, or one
/// whose answer was no good, which the message describes.
fn judge_wrong_winner(
    kinds: &BTreeMap<String, Kind>,
    returned: &Planned,
    winner: &Planned,
) -> Outcome {
    let kind = &kinds[&returned.kind];
    let Some(fails) = &kind.fails else {
        return Outcome::failed(tr!(
            "ip-first-success-slower",
            service = returned.name.as_str(),
            service_ms = returned.delay_ms,
            winner = winner.name.as_str(),
            winner_ms = winner.delay_ms
        ));
    };
    // A failure taken for a success: say what it really answered, and when.
    Outcome::failed(tr!(
        "ip-first-success-took-failure",
        service = returned.name.as_str(),
        service_ms = returned.delay_ms,
        answer = describe(kind, returned.ip.as_deref().unwrap_or("")),
        variant = variant(fails),
        success_status = if kind.bad_success() { "yes" } else { "no" },
        winner = winner.name.as_str(),
        winner_ms = winner.delay_ms
    ))
}

/// `fastest_ip` gave up before the winner answered. The answer that ended the race is the last
/// to come before it returned (events are at least [`GAP`] ms apart, and the run's clock starts
/// before the requests do): when that was a 200 with a bad body, the code trusted the status.
fn judge_gave_up(
    kinds: &BTreeMap<String, Kind>,
    planned: &[Planned],
    winner: &Planned,
    elapsed: u64,
) -> Outcome {
    let last_answer = planned
        .iter()
        .filter(|service| kinds[&service.kind].behaviour != Behaviour::Silent)
        .filter(|service| service.delay_ms <= elapsed)
        .max_by_key(|service| service.delay_ms);
    match last_answer.map(|service| (service, &kinds[&service.kind])) {
        Some((service, kind)) if kind.bad_success() => Outcome::failed(tr!(
            "ip-first-success-gave-up-on-200",
            service = service.name.as_str(),
            service_ms = service.delay_ms,
            answer = describe(kind, service.ip.as_deref().unwrap_or("")),
            variant = variant(kind.fails.as_deref().unwrap_or_default()),
            winner = winner.name.as_str(),
            winner_ms = winner.delay_ms
        )),
        _ => Outcome::failed(tr!(
            "ip-first-success-gave-up",
            winner = winner.name.as_str(),
            winner_ms = winner.delay_ms
        )),
    }
}

/// Requests started together reach the mock within a few milliseconds; one sent only after an
/// answer came is at least that answer's delay late, and every delay of a scenario but a
/// failure's at once is over [`GAP`]. Returns the first request that came [`GAP`] ms or more
/// after the first, and the request that had ended just before it, if any (their targets).
fn one_at_a_time(seen: &[Seen]) -> Option<(&str, Option<&str>)> {
    let first = seen.first()?;
    let late = seen
        .iter()
        .find(|request| (request.arrived - first.arrived).as_millis() as u64 >= GAP)?;
    let earlier = seen
        .iter()
        .filter_map(|other| other.ended.map(|(at, _)| (at, other)))
        .filter(|(at, _)| *at <= late.arrived)
        .max_by_key(|(at, _)| *at)
        .map(|(_, other)| other.target.as_str());
    Some((late.target.as_str(), earlier))
}

fn judge_concurrency(
    planned: &[Planned],
    seen: &[Seen],
    winner: &Planned,
    elapsed: u64,
) -> Outcome {
    if seen.is_empty() {
        return Outcome::failed(tr!("ip-no-request"));
    }
    // Each request, by service, as the mock saw it.
    let request_of = |name: &str| {
        seen.iter()
            .find(|request| request.target == format!("/{name}"))
    };
    if let Some((late, earlier)) = one_at_a_time(seen) {
        let service = late.trim_start_matches('/');
        return Outcome::failed(match earlier {
            Some(earlier) => tr!(
                "ip-sequential-after-answer",
                service = service,
                earlier = earlier.trim_start_matches('/')
            ),
            None => tr!("ip-sequential-late", service = service),
        });
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

pub(super) fn judge_all_failed(
    kinds: &BTreeMap<String, Kind>,
    planned: &[Planned],
    ran: Ran,
) -> Outcome {
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

pub(super) fn judge_pages(pages: &Pages, found: Ran, none: Ran) -> Outcome {
    let result = match result_of(&found) {
        Ok(result) => result.clone(),
        Err(outcome) => return outcome,
    };
    // Fetched one after another, the pages show it in both runs' logs, whatever the order of
    // the urls: in the run where none is long enough, every page is asked for, and all but the
    // first of them only after a page that takes more than GAP.
    for ran in [&found, &none] {
        if let Some((late, earlier)) = one_at_a_time(&ran.seen) {
            return Outcome::failed(match earlier {
                Some(earlier) => tr!("ip-pages-one-at-a-time", path = late, earlier = earlier),
                None => tr!("ip-pages-one-at-a-time-late", path = late),
            });
        }
    }
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

    fn kind(behaviour: Behaviour, fails: Option<&str>) -> Kind {
        Kind {
            ip_attr: "ip".into(),
            behaviour,
            fails: fails.map(str::to_string),
        }
    }

    fn answer(status: u16, body: &str) -> Behaviour {
        Behaviour::Answer {
            status,
            content_type: "text/html".into(),
            body: body.into(),
        }
    }

    /// A race: a 500 at 250 ms, a decoy (a 200 that is not JSON) at 450 ms, the winner at
    /// 650 ms.
    fn race() -> (BTreeMap<String, Kind>, Vec<Planned>) {
        let kinds = BTreeMap::from([
            (
                "server-error".to_string(),
                kind(answer(500, "oops"), Some("status")),
            ),
            (
                "not-json".to_string(),
                kind(answer(200, "<p>{ip}</p>"), Some("not_json")),
            ),
            (
                "good".to_string(),
                kind(answer(200, r#"{"ip":"{ip}"}"#), None),
            ),
        ]);
        let planned = [
            ("a", "server-error", 250),
            ("b", "not-json", 450),
            ("c", "good", 650),
        ]
        .into_iter()
        .map(|(name, kind, delay_ms)| Planned {
            name: name.into(),
            kind: kind.into(),
            delay_ms,
            ip: Some("10.0.0.1".into()),
        })
        .collect();
        (kinds, planned)
    }

    #[test]
    fn a_failure_returned_as_the_winner_is_described_as_it_answered() {
        let (kinds, planned) = race();
        let decoy = judge_wrong_winner(&kinds, &planned[1], &planned[2]).message;
        assert!(
            decoy.contains("b, but its answer, at 450 ms, was no good"),
            "{decoy}"
        );
        assert!(
            decoy.contains("answers 200 with `<p>10.0.0.1</p>`"),
            "{decoy}"
        );
        assert!(
            decoy.contains("A 200 with a bad body is a failure too."),
            "{decoy}"
        );
        let error = judge_wrong_winner(&kinds, &planned[0], &planned[2]).message;
        assert!(
            error.contains("`FetchError::Status`. c answered well"),
            "{error}"
        );
    }

    #[test]
    fn giving_up_at_a_200_with_a_bad_body_is_told_apart() {
        let (kinds, planned) = race();
        let at_the_decoy = judge_gave_up(&kinds, &planned, &planned[2], 460).message;
        assert!(
            at_the_decoy.contains("as soon as b answered"),
            "{at_the_decoy}"
        );
        let at_the_error = judge_gave_up(&kinds, &planned, &planned[2], 260).message;
        assert!(
            at_the_error.contains("A failure must not end the race"),
            "{at_the_error}"
        );
    }

    fn seen(target: &str, arrived: u64, ended: u64) -> Seen {
        Seen {
            method: "GET".into(),
            target: target.into(),
            arrived: Duration::from_millis(arrived),
            ended: Some((Duration::from_millis(ended), Ending::Answered)),
        }
    }

    #[test]
    fn requests_sent_after_an_answer_are_one_at_a_time() {
        let together = [seen("/a", 3, 5), seen("/b", 4, 300), seen("/c", 6, 500)];
        assert_eq!(one_at_a_time(&together), None);
        let one_by_one = [seen("/a", 3, 5), seen("/b", 6, 300), seen("/c", 301, 500)];
        assert_eq!(one_at_a_time(&one_by_one), Some(("/c", Some("/b"))));
    }
}
