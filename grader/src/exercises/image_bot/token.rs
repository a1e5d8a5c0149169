//! The check `token-secret`: everything the bot printed in both runs, on every path it took (a
//! 429 waited out, a failed search, a panic), searched for the token the grader gave it.

use super::run::Conversations;
use crate::checks::ended::{ended_badly, shown};
use crate::mock::telegram;
use crate::tr;
use crate::verdict::Outcome;

/// Where a token was printed, in the order a message names them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Place {
    Stdout,
    Panic,
    Stderr,
}

/// The check's outcome over both runs; `run_problem` says why a run that never reached the local
/// Telegram cannot be judged.
pub(super) fn judge(
    runs: &[&Conversations],
    run_problem: fn(&Conversations) -> Option<Outcome>,
) -> Outcome {
    // A `todo!()` left: nothing was written yet, so nothing is vouched for.
    if let Some(got) = runs.iter().find(|got| got.run.unfinished().is_some()) {
        return ended_badly(&got.run, &got.limits).expect("a todo!() ends a run badly");
    }
    let mut places = Vec::new();
    let mut lines = Vec::new();
    for got in runs {
        for (place, line) in leaks(got) {
            if !places.contains(&place) {
                places.push(place);
            }
            lines.push(line);
        }
    }
    if !places.is_empty() {
        places.sort();
        let places = places
            .iter()
            .map(|place| match place {
                Place::Stdout => tr!("bot-token-on-stdout"),
                Place::Panic => tr!("bot-token-in-a-panic"),
                Place::Stderr => tr!("bot-token-on-stderr"),
            })
            .collect::<Vec<_>>()
            .join(", ");
        lines.dedup();
        lines.truncate(10);
        return Outcome::failed(tr!(
            "bot-token-printed",
            places = places,
            token = telegram::TOKEN
        ))
        .with_details(lines.join("\n"));
    }
    // A bot that never talked to the local Telegram printed nothing on the paths that matter.
    if let Some(got) = runs.iter().find(|got| got.calls.is_empty()) {
        return run_problem(got).unwrap_or_else(|| Outcome::failed(tr!("bot-no-call")));
    }
    Outcome::passed(tr!("bot-token-secret-passed"))
}

/// The secret part of the token, after its colon: what a leak shows, however it is printed
/// (whole, in a URL, in a `Bot`'s `{:?}`).
fn secret() -> &'static str {
    let token = telegram::TOKEN;
    token.split_once(':').map_or(token, |(_, secret)| secret)
}

/// Where the run printed the token, and each line that holds it, as the details show it.
fn leaks(got: &Conversations) -> Vec<(Place, String)> {
    let secret = secret();
    let mut found = Vec::new();
    let printed: Vec<&str> = got
        .run
        .timeline
        .lines()
        .filter(|line| line.contains(secret))
        .collect();
    for line in &printed {
        found.push((Place::Stdout, masked(line)));
    }
    // The markers carry the panics' messages: the token is in one when standard output holds
    // it more often than the lines the bot printed do.
    let in_a_panic = got.run.stdout.matches(secret).count()
        > printed
            .iter()
            .map(|line| line.matches(secret).count())
            .sum();
    if in_a_panic {
        let message = got
            .run
            .panic
            .as_ref()
            .filter(|(message, _)| message.contains(secret))
            .map_or_else(|| secret.to_string(), |(message, _)| message.clone());
        found.push((Place::Panic, masked(&message)));
    } else {
        // (A panic's message is on standard error too, as Rust prints it: said once.)
        for line in got.run.stderr.lines().filter(|line| line.contains(secret)) {
            found.push((Place::Stderr, masked(line)));
        }
    }
    found
}

/// A line as the details show it: shortened, with the mocks' ports taken out.
fn masked(line: &str) -> String {
    shown(&without_ports(line))
}

/// `text` without the ports of 127.0.0.1, which change at every run: what the bot printed of the
/// mocks' URLs (a `Bot`'s `{:?}` holds one) reads the same every time.
pub(super) fn without_ports(text: &str) -> String {
    let mut kept = String::new();
    let mut rest = text;
    while let Some(at) = rest.find("127.0.0.1:") {
        let after = &rest[at + "127.0.0.1:".len()..];
        let digits = after.len() - after.trim_start_matches(|c: char| c.is_ascii_digit()).len();
        kept.push_str(&rest[..at]);
        kept.push_str("127.0.0.1");
        if digits == 0 {
            kept.push(':');
        }
        rest = &after[digits..];
    }
    kept.push_str(rest);
    kept
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ports_are_taken_out_of_a_line() {
        assert_eq!(
            without_ports("Bot { api_url: http://127.0.0.1:41234/, token: x } 127.0.0.1:"),
            "Bot { api_url: http://127.0.0.1/, token: x } 127.0.0.1:"
        );
    }

    #[test]
    fn the_secret_is_what_follows_the_colon() {
        assert_eq!(secret(), "grader-test-token");
    }
}
