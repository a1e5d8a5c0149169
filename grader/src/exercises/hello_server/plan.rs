//! The scenarios of the hello-server exercise, drawn from the run's seed: the names to greet,
//! the paths to refuse, and the times of the shutdown. Nothing here runs: [`super::run`] is the
//! client, [`super::judge`] reads what it saw.
//!
//! Sockets are real, so time is real too. Each scenario leaves wide gaps (at least 250 ms)
//! between the events whose order matters, so that its verdicts hold on a loaded machine.

use std::time::Duration;

use rand::rngs::StdRng;
use rand::seq::{IndexedRandom, SliceRandom};

/// The handler's sleep, as the exercise asks for it.
pub(super) const WORK: Duration = Duration::from_secs(1);
/// No answer can come sooner than this after its request, when the handler sleeps [`WORK`].
pub(super) const SLEPT_AT_LEAST: Duration = Duration::from_millis(950);
/// How many requests the concurrency scenario sends at once.
pub(super) const AT_ONCE: usize = 10;
/// Within how long all of them must be answered: about [`WORK`] at once, ten times that one
/// after another.
pub(super) const AT_ONCE_WITHIN: Duration = Duration::from_secs(5);
/// How long the routes' client waits for an answer: enough for a server that answers one
/// request at a time, so that its routes are still judged.
pub(super) const ROUTES_WITHIN: Duration = Duration::from_secs(8);
/// How many requests are in flight when the shutdown comes.
pub(super) const IN_FLIGHT: usize = 3;
/// How long the client of the requests in flight waits: well before a server that answers one
/// at a time could answer the last.
pub(super) const IN_FLIGHT_WITHIN: Duration = Duration::from_millis(2500);
/// When the shutdown comes, after the requests in flight were sent (they are answered at
/// [`WORK`]).
pub(super) const SHUTDOWN_AFTER: Duration = Duration::from_millis(400);
/// When a request on a new connection is sent, after the shutdown: it must be refused.
pub(super) const LATE_AFTER: Duration = Duration::from_millis(250);
/// How long the client of the late request waits.
pub(super) const LATE_WITHIN: Duration = Duration::from_secs(2);
/// Within how long of the shutdown `serve` must return: the exercise's second, with a margin.
pub(super) const RETURNS_WITHIN: Duration = Duration::from_millis(1500);
/// How long the harness waits for `serve` after the shutdown before it gives up.
pub(super) const LINGER: Duration = Duration::from_secs(3);

/// One request of a scenario, and what should answer it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Request {
    pub(super) method: String,
    /// The path as sent, percent-encoded.
    pub(super) path: String,
    pub(super) expected: Expected,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Expected {
    /// 200 with this body.
    Greeting(String),
    /// 404 (or, for another method than GET, 405).
    NotFound,
}

impl Request {
    fn get(path: String, expected: Expected) -> Request {
        Request {
            method: "GET".to_string(),
            path,
            expected,
        }
    }

    fn hello(name: &str) -> Request {
        Request::get(encode(name), Expected::Greeting(format!("Hello, {name}")))
    }

    /// `GET /Alice`, as messages name it.
    pub(super) fn label(&self) -> String {
        format!("{} {}", self.method, self.path)
    }
}

/// `Мир` → `/%D0%9C%D0%B8%D1%80`: every byte that is not a plain ASCII letter or digit, as
/// `%XX`, as a browser sends it.
fn encode(name: &str) -> String {
    let mut path = String::from("/");
    for byte in name.bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~".contains(&byte) {
            path.push(char::from(byte));
        } else {
            path.push_str(&format!("%{byte:02X}"));
        }
    }
    path
}

const NAMES: &[&str] = &[
    "Alice", "Bob", "Ferris", "Grace", "Guido", "Linus", "Ada", "Alan", "Barbara", "Ken", "Dennis",
    "Niklaus", "Edsger", "Donald", "Margaret", "Tony", "Frances", "John",
];
const CYRILLIC: &[&str] = &["Мир", "Юля", "Пётр", "Анна", "Ёжик", "Лев", "Соня"];
const WITH_SPACES: &[&str] = &[
    "Анна Каренина",
    "Ferris the Crab",
    "Лев Толстой",
    "Guido van Rossum",
];
const SEGMENTS: &[&str] = &["lessons", "api", "static", "users", "files"];

/// Which check a route belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Route {
    Greets,
    Decodes,
    NotFound,
}

/// Every scenario of a run.
pub(super) struct Plan {
    /// The routes, each with the check it belongs to: sent all at once, on connections that
    /// close after each answer.
    pub(super) routes: Vec<(Route, Request)>,
    /// Sent all at once, on keep-alive connections, which stay open (idle) through the
    /// shutdown that follows.
    pub(super) at_once: Vec<Request>,
    /// In flight when the shutdown comes.
    pub(super) in_flight: Vec<Request>,
    /// Sent on a new connection after the shutdown.
    pub(super) late: Request,
}

pub(super) fn draw(rng: &mut StdRng) -> Plan {
    let mut names = NAMES.to_vec();
    names.shuffle(rng);
    let mut names = names.into_iter();
    let mut take = |count: usize| names.by_ref().take(count).collect::<Vec<_>>();
    let greeted = take(1);
    let at_once = take(AT_ONCE);
    let in_flight = take(IN_FLIGHT);
    let late = take(1);

    let pick = |list: &[&'static str], rng: &mut StdRng| *list.choose(rng).unwrap_or(&list[0]);
    let cyrillic = pick(CYRILLIC, rng);
    let spaced = pick(WITH_SPACES, rng);
    let (first, second) = (pick(SEGMENTS, rng), pick(NAMES, rng));
    Plan {
        routes: vec![
            (
                Route::Greets,
                Request::get(
                    "/".to_string(),
                    Expected::Greeting("Hello, Anonymous".into()),
                ),
            ),
            (Route::Greets, Request::hello(greeted[0])),
            (Route::Decodes, Request::hello(cyrillic)),
            (Route::Decodes, Request::hello(spaced)),
            (
                Route::NotFound,
                Request::get(format!("/{first}/{second}"), Expected::NotFound),
            ),
            (
                Route::NotFound,
                Request {
                    method: "POST".to_string(),
                    path: "/".to_string(),
                    expected: Expected::NotFound,
                },
            ),
        ],
        at_once: at_once.into_iter().map(Request::hello).collect(),
        in_flight: in_flight.into_iter().map(Request::hello).collect(),
        late: Request::hello(late[0]),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::SeedableRng;

    #[test]
    fn names_are_encoded_as_a_browser_does() {
        assert_eq!(encode("Мир"), "/%D0%9C%D0%B8%D1%80");
        assert_eq!(encode("Ferris the Crab"), "/Ferris%20the%20Crab");
    }

    #[test]
    fn every_name_of_a_run_is_its_own() {
        let plan = draw(&mut StdRng::seed_from_u64(7));
        let mut paths: Vec<&str> = plan
            .at_once
            .iter()
            .chain(&plan.in_flight)
            .chain([&plan.late])
            .chain(plan.routes.iter().map(|(_, request)| request))
            .map(|request| request.path.as_str())
            .filter(|path| *path != "/")
            .collect();
        let count = paths.len();
        paths.sort_unstable();
        paths.dedup();
        assert_eq!(paths.len(), count);
        assert_eq!(plan.at_once.len(), AT_ONCE);
    }
}
