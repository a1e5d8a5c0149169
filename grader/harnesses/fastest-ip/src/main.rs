//! Runs one scenario of fastest-ip against the grader's mock services, on the real clock.
//!
//! `fastest-ip-harness SCENARIO_JSON`, where the scenario (see [`Scenario`]) says which function
//! to call and with what. The harness builds the `reqwest::Client` the way the grader wants it
//! (a timeout, no proxy), calls the function, [`grader_kit::report`]s the result, then lingers
//! a moment so that the grader can see whether the requests that lost were cancelled.

use std::process::ExitCode;
use std::time::Duration;

use serde::{Deserialize, Serialize};

// The grader builds this harness with exactly one of the two features.
#[cfg(not(feature = "solution"))]
use fastest_ip as subject;
#[cfg(feature = "solution")]
use fastest_ip_solution as subject;

use subject::{FetchError, Service};

/// What to run: the grader writes it as JSON.
#[derive(Debug, Deserialize)]
#[serde(tag = "call", rename_all = "snake_case")]
enum Scenario {
    /// `fetch_ip` on each service, one after another.
    FetchIp {
        services: Vec<ServiceSpec>,
        timeout_ms: u64,
    },
    /// `fastest_ip` on all the services, then `linger_ms` more before exiting.
    FastestIp {
        services: Vec<ServiceSpec>,
        timeout_ms: u64,
        linger_ms: u64,
    },
    /// `first_page_longer_than`.
    FirstPageLongerThan {
        urls: Vec<String>,
        min_chars: usize,
        timeout_ms: u64,
    },
}

#[derive(Debug, Deserialize)]
struct ServiceSpec {
    name: String,
    url: String,
    ip_attr: String,
}

/// One service's outcome, as the grader reads it.
#[derive(Debug, Serialize)]
#[serde(rename_all = "snake_case")]
enum Fetched {
    Ip(String),
    Error { kind: &'static str, message: String },
}

fn main() -> ExitCode {
    let Some(Ok(scenario)) = std::env::args()
        .nth(1)
        .map(|json| serde_json::from_str::<Scenario>(&json))
    else {
        eprintln!("usage: fastest-ip-harness SCENARIO_JSON");
        return ExitCode::from(2);
    };
    grader_kit::run_on_real_clock(run(scenario))
}

async fn run(scenario: Scenario) {
    match scenario {
        Scenario::FetchIp {
            services,
            timeout_ms,
        } => {
            let client = client(timeout_ms);
            let mut outcomes = Vec::new();
            for service in services.iter().map(service) {
                outcomes.push(fetched(subject::fetch_ip(&client, &service).await));
            }
            grader_kit::report(outcomes);
        }
        Scenario::FastestIp {
            services,
            timeout_ms,
            linger_ms,
        } => {
            let client = client(timeout_ms);
            let services: Vec<Service> = services.iter().map(service).collect();
            let result = match subject::fastest_ip(&client, &services).await {
                Ok((name, ip)) => serde_json::json!({ "winner": name, "ip": ip.to_string() }),
                Err(all_failed) => {
                    let failures: Vec<_> = all_failed
                        .failures
                        .into_iter()
                        .map(|(name, error)| (name, fetched(Err(error))))
                        .collect();
                    serde_json::json!({ "all_failed": failures })
                }
            };
            grader_kit::report(result);
            // Stay a while: requests the student's code left running keep their connections
            // open until this process ends, which the mock sees.
            tokio::time::sleep(Duration::from_millis(linger_ms)).await;
        }
        Scenario::FirstPageLongerThan {
            urls,
            min_chars,
            timeout_ms,
        } => {
            let client = client(timeout_ms);
            let found = subject::first_page_longer_than(&client, &urls, min_chars).await;
            grader_kit::report(found);
        }
    }
}

/// The client the grader hands in: a timeout, and never a proxy (the mock is on 127.0.0.1).
fn client(timeout_ms: u64) -> reqwest::Client {
    reqwest::Client::builder()
        .timeout(Duration::from_millis(timeout_ms))
        .no_proxy()
        .build()
        .expect("a client with a timeout always builds")
}

fn service(spec: &ServiceSpec) -> Service {
    Service {
        name: spec.name.clone(),
        url: spec.url.clone(),
        ip_attr: spec.ip_attr.clone(),
    }
}

fn fetched(result: Result<std::net::IpAddr, FetchError>) -> Fetched {
    match result {
        Ok(ip) => Fetched::Ip(ip.to_string()),
        Err(error) => Fetched::Error {
            kind: match &error {
                FetchError::Request(_) => "request",
                FetchError::Status(_) => "status",
                FetchError::NotJson(_) => "not_json",
                FetchError::MissingField(_) => "missing_field",
                FetchError::NotAnIp(_) => "not_an_ip",
            },
            message: error.to_string(),
        },
    }
}
