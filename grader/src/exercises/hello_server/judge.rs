//! Judges the hello-server exercise: what the client got for each request, and how `serve`
//! ended, against the plan, as an outcome per check. Messages name the requests and the
//! scenario's planned times, never measured ones nor the port, so that the same program and
//! seed always get the same words.

use super::plan::{
    AT_ONCE, AT_ONCE_WITHIN, Expected, IN_FLIGHT, LATE_AFTER, LINGER, Plan, RETURNS_WITHIN,
    ROUTES_WITHIN, Request, Route, SHUTDOWN_AFTER, SLEPT_AT_LEAST, WORK,
};
use super::run::{Ended, Got, Ran, ended};
use crate::checks::ended::{ended_badly, shown};
use crate::tr;
use crate::verdict::Outcome;

/// What the client saw, or the outcome that explains why there is nothing to judge: the run
/// ended badly (a `todo!()`, a panic), or `serve` returned before the shutdown.
fn seen<T>(ran: &Ran<T>) -> Result<&T, Outcome> {
    if let Some(outcome) = ended_badly(&ran.run, &ran.limits) {
        return Err(outcome);
    }
    if let Ended::Early(error) = ended(&ran.run) {
        return Err(Outcome::failed(match error {
            Some(error) => tr!("hs-returned-early-error", error = shown(&error)),
            None => tr!("hs-returned-early"),
        }));
    }
    ran.seen
        .as_ref()
        .ok_or_else(|| Outcome::failed(tr!("hs-no-port")))
}

/// What came back, in words: "404 with `Not Found`", "no answer: ...".
fn describe(got: &Got, within: std::time::Duration) -> String {
    match got {
        Got::Answer { status, body, .. } => tr!(
            "hs-got-answer",
            status = status.to_string(),
            body = shown(body)
        ),
        Got::Refused => tr!("hs-got-refused"),
        Got::Closed => tr!("hs-got-closed"),
        Got::TimedOut => tr!("hs-got-timed-out", seconds = within.as_secs()),
    }
}

/// The body of a 200, as the greeting: a line break at its end is allowed.
fn greeting_of(got: &Got) -> Option<&str> {
    match got {
        Got::Answer {
            status: 200, body, ..
        } => Some(body.strip_suffix('\n').unwrap_or(body)),
        _ => None,
    }
}

pub(super) fn judge_routes(plan: &Plan, ran: &Ran<Vec<Got>>, check: Route) -> Outcome {
    let got = match seen(ran) {
        Ok(got) => got,
        Err(outcome) => return outcome,
    };
    let routes = plan.routes.iter().zip(got);
    for ((_, request), got) in routes.filter(|((route, _), _)| *route == check) {
        if let Some(outcome) = judge_route(request, got) {
            return outcome;
        }
    }
    Outcome::passed(match check {
        Route::Greets => tr!("hs-greets-passed"),
        Route::Decodes => tr!("hs-decodes-passed"),
        Route::NotFound => tr!("hs-not-found-passed"),
    })
}

/// The failure of one route's request, if it failed.
fn judge_route(request: &Request, got: &Got) -> Option<Outcome> {
    let label = request.label();
    match &request.expected {
        Expected::Greeting(expected) => {
            if greeting_of(got) == Some(expected.as_str()) {
                return None;
            }
            // The name as it came, still percent-encoded.
            let raw = format!("Hello, {}", request.path.trim_start_matches('/'));
            if greeting_of(got) == Some(raw.as_str()) {
                return Some(Outcome::failed(tr!(
                    "hs-decodes-raw",
                    request = label,
                    got = raw,
                    expected = expected.as_str()
                )));
            }
            Some(Outcome::failed(tr!(
                "hs-route-wrong",
                request = label,
                got = describe(got, ROUTES_WITHIN),
                expected = expected.as_str()
            )))
        }
        Expected::NotFound => match got {
            Got::Answer { status: 404, .. } => None,
            // Another method than GET on a served path: "Method Not Allowed" says it too.
            Got::Answer { status: 405, .. } if request.method != "GET" => None,
            Got::Answer { status: 200, .. } => Some(Outcome::failed(tr!(
                "hs-not-found-greeted",
                request = label,
                got = describe(got, ROUTES_WITHIN)
            ))),
            _ => Some(Outcome::failed(tr!(
                "hs-not-found-wrong",
                request = label,
                got = describe(got, ROUTES_WITHIN)
            ))),
        },
    }
}

pub(super) fn judge_concurrent(plan: &Plan, ran: &Ran<Vec<Got>>) -> Outcome {
    let got = match seen(ran) {
        Ok(got) => got,
        Err(outcome) => return outcome,
    };
    if got.iter().any(|got| !matches!(got, Got::Answer { .. })) {
        return Outcome::failed(tr!(
            "hs-concurrent-not-all",
            count = AT_ONCE,
            seconds = AT_ONCE_WITHIN.as_secs(),
            sequential_s = AT_ONCE as u64 * WORK.as_secs()
        ));
    }
    for (request, got) in plan.at_once.iter().zip(got) {
        let Got::Answer { status, after, .. } = got else {
            continue;
        };
        if *status != 200 {
            return Outcome::failed(tr!(
                "hs-concurrent-not-greeted",
                request = request.label(),
                got = describe(got, AT_ONCE_WITHIN)
            ));
        }
        if *after < SLEPT_AT_LEAST {
            return Outcome::failed(tr!(
                "hs-concurrent-no-work",
                request = request.label(),
                work_ms = WORK.as_millis() as u64
            ));
        }
    }
    Outcome::passed(tr!(
        "hs-concurrent-passed",
        count = AT_ONCE,
        seconds = AT_ONCE_WITHIN.as_secs()
    ))
}

pub(super) fn judge_graceful(
    plan: &Plan,
    ran: &Ran<(Vec<Got>, Got)>,
    at_once: &Ran<Vec<Got>>,
) -> Outcome {
    let (in_flight, late) = match seen(ran) {
        Ok(seen) => seen,
        Err(outcome) => return outcome,
    };
    if in_flight
        .iter()
        .any(|got| !matches!(got, Got::Answer { .. }))
    {
        // A server that takes one connection at a time had the others waiting for their turn,
        // not in flight: the concurrent check says why.
        let one_at_a_time = at_once
            .seen
            .as_ref()
            .is_some_and(|got| got.iter().any(|got| !matches!(got, Got::Answer { .. })));
        return Outcome::failed(if one_at_a_time {
            tr!("hs-graceful-one-at-a-time", count = IN_FLIGHT)
        } else {
            tr!(
                "hs-graceful-dropped",
                count = IN_FLIGHT,
                shutdown_ms = SHUTDOWN_AFTER.as_millis() as u64
            )
        });
    }
    if let Got::Answer { .. } = late {
        return Outcome::failed(tr!(
            "hs-graceful-accepted",
            request = plan.late.label(),
            late_ms = LATE_AFTER.as_millis() as u64
        ));
    }
    Outcome::passed(tr!("hs-graceful-passed", count = IN_FLIGHT))
}

/// `serve` returns soon after the shutdown: with idle keep-alive connections (`at_once`), and
/// with requests in flight (`in_flight`). A server that never returns is told by the first,
/// whatever the reason (the shutdown ignored, or idle connections waited for): so that its
/// words do not depend on when a server that takes one connection at a time got to each.
pub(super) fn judge_returns(in_flight: &Ran<(Vec<Got>, Got)>, at_once: &Ran<Vec<Got>>) -> Outcome {
    if let Err(outcome) = seen(at_once) {
        return outcome;
    }
    if let Err(outcome) = seen(in_flight) {
        return outcome;
    }
    if ended(&at_once.run) == Ended::StillRunning {
        return Outcome::failed(tr!("hs-returns-idle", seconds = LINGER.as_secs()));
    }
    for run in [&in_flight.run, &at_once.run] {
        let outcome = match ended(run) {
            Ended::After(within, None) if within <= RETURNS_WITHIN => continue,
            Ended::After(_, Some(error)) => {
                Outcome::failed(tr!("hs-returns-error", error = shown(&error)))
            }
            Ended::After(_, None) => Outcome::failed(tr!("hs-returns-slow")),
            Ended::StillRunning => Outcome::failed(tr!(
                "hs-returns-never",
                seconds = LINGER.as_secs(),
                remaining_ms = (WORK - SHUTDOWN_AFTER).as_millis() as u64
            )),
            Ended::Early(_) | Ended::Unknown => Outcome::failed(tr!("hs-returns-unknown")),
        };
        return outcome;
    }
    Outcome::passed(tr!("hs-returns-passed"))
}
