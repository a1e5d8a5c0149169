//! The cases of the http-client exercise, drawn from the run's seed: the pages to cut (Russian
//! text, HTML, a short page), the error answers, and the servers that do not answer. Nothing
//! here runs: [`super::run`] serves them, [`super::judge`] reads what the calls gave.

use std::path::Path;
use std::time::Duration;

use rand::Rng;
use rand::rngs::StdRng;
use rand::seq::IndexedRandom;

/// How many characters `first_chars` keeps (the exercise's `PREVIEW_CHARS`).
pub(super) const PREVIEW_CHARS: usize = 70;
/// The timeout of the client the harness hands to the student's code.
pub(super) const CLIENT_TIMEOUT: Duration = Duration::from_millis(600);
/// How long the harness waits for one call before it gives up on it.
pub(super) const CALL_LIMIT: Duration = Duration::from_secs(3);

/// The exercise's fixtures: `fixtures/http-client/pages/`.
pub(super) struct Pages {
    text: String,
    html: String,
    not_found: String,
    server_error: String,
}

pub(super) fn load_pages(fixtures: &Path) -> Result<Pages, String> {
    let read = |name: &str| {
        let path = fixtures.join("pages").join(name);
        std::fs::read_to_string(&path)
            .map_err(|error| format!("cannot read {}: {error}", path.display()))
    };
    Ok(Pages {
        text: read("text.ru.txt")?,
        html: read("page.ru.html")?,
        not_found: read("not-found.ru.html")?,
        server_error: read("server-error.ru.html")?,
    })
}

/// What one case is, for the messages and for the mock.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum What {
    /// A page of Russian text whose 70th byte falls inside a letter.
    Text,
    /// An HTML page whose first 70 characters mix markup and Cyrillic.
    Html,
    /// A page shorter than 70 characters.
    Short,
    /// An error answer (4xx or 5xx) with an apology page.
    ErrorStatus(u16),
    /// No server on the port: the connection is refused.
    Refused,
    /// The server closes the connection without answering.
    Hangup,
    /// The server never answers: only the client's timeout ends the wait.
    Silent,
}

/// One call of `first_chars`: on which path of the mock, and what the mock does there.
#[derive(Debug, Clone)]
pub(super) struct Case {
    pub(super) path: String,
    pub(super) what: What,
    /// The body served (empty when nothing is).
    pub(super) body: String,
}

impl Case {
    /// What `first_chars` should return for a page: its first 70 characters.
    pub(super) fn expected(&self) -> String {
        self.body.chars().take(PREVIEW_CHARS).collect()
    }
}

/// Every case of a run, by check.
pub(super) struct Plan {
    pub(super) pages: Vec<Case>,
    pub(super) statuses: Vec<Case>,
    pub(super) no_answer: Vec<Case>,
}

pub(super) fn draw(pages: &Pages, rng: &mut StdRng) -> Plan {
    let case = |path: &str, what: What, body: &str| Case {
        path: path.to_string(),
        what,
        body: body.to_string(),
    };
    let client_error = *[404, 403, 410].choose(rng).unwrap_or(&404);
    let server_error = *[500, 502, 503].choose(rng).unwrap_or(&500);
    Plan {
        pages: vec![
            case(
                "/lessons/http.html",
                What::Text,
                &text_page(&pages.text, rng),
            ),
            case("/lessons/lab8.html", What::Html, &pages.html),
            case("/hello.txt", What::Short, &short_page(&pages.text, rng)),
        ],
        statuses: vec![
            case(
                "/lessons/lab9.html",
                What::ErrorStatus(client_error),
                &pages.not_found,
            ),
            case(
                "/lessons/lab10.html",
                What::ErrorStatus(server_error),
                &pages.server_error,
            ),
        ],
        no_answer: vec![
            case("/", What::Refused, ""),
            case("/lessons/hangup.html", What::Hangup, ""),
            case("/lessons/silent.html", What::Silent, ""),
        ],
    }
}

/// The text from a word the seed picks, where the 70th byte falls inside a letter: cut by
/// bytes, it panics.
fn text_page(text: &str, rng: &mut StdRng) -> String {
    let starts: Vec<usize> = text
        .char_indices()
        .filter(|&(at, _)| at == 0 || text[..at].ends_with([' ', '\n']))
        .map(|(at, _)| at)
        .filter(|&at| {
            let page = &text[at..];
            !page.is_char_boundary(PREVIEW_CHARS) && page.chars().count() >= 3 * PREVIEW_CHARS
        })
        .collect();
    let start = starts.choose(rng).copied().unwrap_or(0);
    let length = rng.random_range(2 * PREVIEW_CHARS..=3 * PREVIEW_CHARS);
    text[start..].chars().take(length).collect()
}

/// One sentence of the text, shorter than 70 characters: a page to take whole.
fn short_page(text: &str, rng: &mut StdRng) -> String {
    let sentences: Vec<String> = text
        .lines()
        .flat_map(|line| line.split_inclusive(". "))
        .map(|sentence| sentence.trim().to_string())
        .filter(|sentence| (20..PREVIEW_CHARS - 10).contains(&sentence.chars().count()))
        .collect();
    sentences
        .choose(rng)
        .cloned()
        .unwrap_or_else(|| "Привет, мир!".to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::SeedableRng;

    #[test]
    fn every_seed_gives_pages_that_catch_counting_bytes() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../fixtures/http-client");
        let pages = load_pages(&root).unwrap();
        for seed in 0..200 {
            let plan = draw(&pages, &mut StdRng::seed_from_u64(seed));
            let text = &plan.pages[0].body;
            assert!(!text.is_char_boundary(PREVIEW_CHARS), "seed {seed}: {text}");
            assert!(text.chars().count() > PREVIEW_CHARS);
            let html = &plan.pages[1].body;
            assert!(html.len() > html.chars().count() && html.chars().count() > PREVIEW_CHARS);
            let short = plan.pages[2].body.chars().count();
            assert!((20..PREVIEW_CHARS).contains(&short), "seed {seed}");
            for case in &plan.statuses {
                assert!(case.body.chars().count() > PREVIEW_CHARS);
            }
        }
    }
}
