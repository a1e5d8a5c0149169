//! Runs image-bot's bot against the grader's mock Telegram, until the grader ends the harness's
//! standard input.
//!
//! `image-bot-harness SCENARIO_JSON`: the mock's URL, the token, and the picture source. The
//! harness builds the `Bot` (pointed at the mock) and the `Pictures`, and calls the student's
//! `run`, which should serve until stopped.

use std::io::Read;
use std::path::PathBuf;
use std::process::ExitCode;

use serde::Deserialize;

// The grader builds this harness with exactly one of the two features.
#[cfg(not(feature = "solution"))]
use image_bot as subject;
#[cfg(feature = "solution")]
use image_bot_solution as subject;

#[derive(Debug, Deserialize)]
struct Scenario {
    api_url: String,
    token: String,
    source: Source,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "snake_case")]
enum Source {
    Folder(PathBuf),
    Search(String),
}

fn main() -> ExitCode {
    let Some(Ok(scenario)) = std::env::args()
        .nth(1)
        .map(|json| serde_json::from_str::<Scenario>(&json))
    else {
        eprintln!("usage: image-bot-harness SCENARIO_JSON");
        return ExitCode::from(2);
    };
    let Ok(api_url) = reqwest::Url::parse(&scenario.api_url) else {
        eprintln!("not a URL: {}", scenario.api_url);
        return ExitCode::from(2);
    };
    let pictures = match scenario.source {
        Source::Folder(folder) => subject::Pictures::Folder(folder),
        Source::Search(base_url) => subject::Pictures::Search { base_url },
    };
    grader_kit::run_on_real_clock(async move {
        // The grader ends the run by closing stdin (after the token, which the kit has read).
        std::thread::spawn(|| {
            let _ = std::io::stdin().lock().read_to_end(&mut Vec::new());
            std::process::exit(0);
        });
        let bot = teloxide::Bot::new(scenario.token).set_api_url(api_url);
        subject::run(bot, pictures).await;
        // `run` should serve until stopped; say so if it returned.
        grader_kit::report("run returned");
    })
}
