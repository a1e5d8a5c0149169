//! Judges the http-client exercise's runs: what each call of `first_chars` gave (a page's
//! start, an error, a panic, no end), against what the case asks for, as an outcome per check.
//! Messages name the cases and their texts, never the mock's port, so that the same program and
//! seed always get the same words.

use serde::Deserialize;

use super::plan::{CALL_LIMIT, CLIENT_TIMEOUT, Case, PREVIEW_CHARS, What};
use super::run::Ran;
use crate::checks::ended::{ended_badly, shown};
use crate::tr;
use crate::verdict::Outcome;

/// What one call of `first_chars` gave, as the harness reports it.
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "snake_case")]
enum Called {
    Ok(String),
    Error {
        kind: String,
        status: Option<u16>,
        message: String,
    },
    Panicked(String),
    Hung,
}

/// Each call's result, or the outcome that explains why there is none.
fn calls_of(ran: &Ran, cases: &[Case]) -> Result<Vec<Called>, Outcome> {
    if let Some(outcome) = ended_badly(&ran.run, &ran.limits) {
        return Err(outcome);
    }
    let Some(returned) = &ran.run.timeline.returned else {
        return Err(Outcome::failed(tr!("hc-no-return")));
    };
    match serde_json::from_value::<Vec<Called>>(returned.value.clone()) {
        Ok(calls) if calls.len() == cases.len() => Ok(calls),
        _ => Err(Outcome::failed(tr!(
            "hc-unreadable",
            result = returned.value.to_string()
        ))),
    }
}

/// A case in words: "a page of Russian text", "a page that answers 404"...
fn describe(case: &Case) -> String {
    match &case.what {
        What::Text => tr!("hc-case-text"),
        What::Html => tr!("hc-case-html"),
        What::Short => tr!("hc-case-short", chars = case.body.chars().count()),
        What::ErrorStatus(status) => tr!("hc-case-status", status = status.to_string()),
        What::Refused => tr!("hc-case-refused"),
        What::Hangup => tr!("hc-case-hangup"),
        What::Silent => tr!(
            "hc-case-silent",
            timeout_ms = CLIENT_TIMEOUT.as_millis() as u64
        ),
    }
}

/// What a call gave, in words: `Ok("...")`, `FetchError::Status(404)`... (A panic and a hang
/// have messages of their own.)
fn describe_called(called: &Called) -> String {
    match called {
        Called::Ok(text) => format!("`Ok(\"{}\")`", shown(text)),
        Called::Error {
            kind,
            status: Some(status),
            ..
        } if kind == "status" => format!("`FetchError::Status({status})`"),
        Called::Error { message, .. } => format!("`FetchError::Request` ({})", shown(message)),
        Called::Panicked(_) | Called::Hung => String::new(),
    }
}

/// A panic's (or an error's) message as the messages show it: a `reqwest::Error`'s details (the
/// OS's words for a refused connection, its error number) differ from one system to the next,
/// and are left out.
fn error_text(message: &str) -> String {
    match message.find("reqwest::Error {") {
        Some(at) => shown(&format!("{}reqwest::Error {{ … }}", &message[..at])),
        None => shown(message),
    }
}

/// The verdict on a panic or a hang, which every check words the same way.
fn panicked_or_hung(case: &Case, called: &Called) -> Option<Outcome> {
    match called {
        Called::Panicked(message) => Some(Outcome::failed(tr!(
            "hc-panicked",
            what = describe(case),
            message = error_text(message)
        ))),
        Called::Hung => Some(Outcome::failed(tr!(
            "hc-hung",
            what = describe(case),
            seconds = CALL_LIMIT.as_secs()
        ))),
        _ => None,
    }
}

/// Judges each case's call with `failure` (`None` when it went right): the first failure is the
/// outcome, else `passed`.
fn judge_each(
    cases: &[Case],
    ran: Ran,
    passed: String,
    failure: impl Fn(&Case, &Called) -> Option<Outcome>,
) -> Outcome {
    match calls_of(&ran, cases) {
        Ok(calls) => cases
            .iter()
            .zip(&calls)
            .find_map(|(case, called)| failure(case, called))
            .unwrap_or_else(|| Outcome::passed(passed)),
        Err(outcome) => outcome,
    }
}

pub(super) fn judge_first_chars(cases: &[Case], ran: Ran) -> Outcome {
    judge_each(cases, ran, tr!("hc-first-passed"), |case, called| {
        let expected = case.expected();
        let chars = case.body.chars().count();
        let what = describe(case);
        let got = match called {
            Called::Ok(got) if *got == expected => return None,
            Called::Ok(got) => got,
            Called::Panicked(message) if case.what == What::Short => {
                return Some(Outcome::failed(tr!(
                    "hc-first-short-panicked",
                    chars = chars,
                    message = error_text(message)
                )));
            }
            // The panic's own words change with Rust's versions: the message explains it.
            Called::Panicked(message) if message.contains("char boundary") => {
                return Some(Outcome::failed(tr!("hc-first-bytes-panicked", what = what)));
            }
            Called::Error { .. } => {
                return Some(Outcome::failed(tr!(
                    "hc-first-error",
                    what = what,
                    got = describe_called(called)
                )));
            }
            other => return panicked_or_hung(case, other),
        };
        let got_chars = got.chars().count();
        // Counted in bytes: at most 70 of them, the start of the page, maybe with half a
        // letter turned into U+FFFD.
        let whole_letters = got.trim_end_matches('\u{FFFD}');
        let by_bytes = whole_letters.len() <= PREVIEW_CHARS
            && got_chars < expected.chars().count()
            && expected.starts_with(whole_letters);
        let message = if *got == format!("{expected}...") {
            tr!("hc-first-dots", what = what)
        } else if by_bytes {
            tr!(
                "hc-first-bytes",
                what = what,
                got = shown(got),
                got_chars = got_chars,
                expected = shown(&expected)
            )
        } else if case.what == What::Short {
            tr!(
                "hc-first-short-wrong",
                chars = chars,
                got = shown(got),
                got_chars = got_chars,
                expected = shown(&expected)
            )
        } else {
            tr!(
                "hc-first-wrong",
                what = what,
                got = shown(got),
                got_chars = got_chars,
                expected = shown(&expected)
            )
        };
        Some(Outcome::failed(message))
    })
}

pub(super) fn judge_error_status(cases: &[Case], ran: Ran) -> Outcome {
    judge_each(cases, ran, tr!("hc-status-passed"), |case, called| {
        let What::ErrorStatus(status) = case.what else {
            return None;
        };
        let what = describe(case);
        match called {
            Called::Error {
                status: Some(got), ..
            } if *got == status => None,
            Called::Error {
                status: Some(got), ..
            } => Some(Outcome::failed(tr!(
                "hc-status-wrong-code",
                what = what,
                got = got.to_string()
            ))),
            Called::Error { message, .. } => Some(Outcome::failed(tr!(
                "hc-status-request",
                what = what,
                message = error_text(message),
                status = status.to_string()
            ))),
            Called::Ok(got) => Some(Outcome::failed(tr!(
                "hc-status-ok",
                what = what,
                got = shown(got)
            ))),
            other => panicked_or_hung(case, other),
        }
    })
}

pub(super) fn judge_no_answer(cases: &[Case], ran: Ran) -> Outcome {
    judge_each(cases, ran, tr!("hc-no-answer-passed"), |case, called| {
        let what = describe(case);
        match called {
            Called::Error { kind, .. } if kind == "request" => None,
            Called::Panicked(message) => Some(Outcome::failed(tr!(
                "hc-no-answer-panicked",
                what = what,
                message = error_text(message)
            ))),
            Called::Hung => Some(Outcome::failed(tr!(
                "hc-no-answer-hung",
                what = what,
                seconds = CALL_LIMIT.as_secs()
            ))),
            other => Some(Outcome::failed(tr!(
                "hc-no-answer-wrong",
                what = what,
                got = describe_called(other)
            ))),
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::Value;

    #[test]
    fn the_harness_reports_read_back() {
        let value: Value = serde_json::json!([
            {"ok": "Привет"},
            {"error": {"kind": "status", "status": 404, "message": "the server answered 404"}},
            {"panicked": "boom"},
            "hung",
        ]);
        let calls: Vec<Called> = serde_json::from_value(value).unwrap();
        assert!(matches!(&calls[0], Called::Ok(text) if text == "Привет"));
        assert!(matches!(
            &calls[1],
            Called::Error {
                status: Some(404),
                ..
            }
        ));
        assert!(matches!(&calls[2], Called::Panicked(_)));
        assert!(matches!(&calls[3], Called::Hung));
    }
}
