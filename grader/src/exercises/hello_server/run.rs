//! Runs the hello-server exercise: its harness serves on a port the system picks and reports
//! it; the grader, as the client, sends each scenario's requests and notes what came back, and
//! when; then it closes the harness's standard input, which is the shutdown, and reads how
//! `serve` ended.

use std::future::Future;
use std::time::{Duration, Instant};

use grader_kit::protocol::Event;
use serde_json::{Value, json};
use tokio::sync::oneshot;

use super::plan::{
    AT_ONCE_WITHIN, IN_FLIGHT_WITHIN, LATE_AFTER, LATE_WITHIN, LINGER, Plan, ROUTES_WITHIN,
    Request, SHUTDOWN_AFTER,
};
use crate::child::Limits;
use crate::harness::{Harness, Run};

/// What the client got for one request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Got {
    /// An answer: its status and body, and how long after the request was sent.
    Answer {
        status: u16,
        body: String,
        after: Duration,
    },
    /// No answer: the connection was refused.
    Refused,
    /// No answer: the connection closed (or broke) before the answer.
    Closed,
    /// No answer within the client's timeout.
    TimedOut,
}

/// One scenario's run: what the harness said (its run, whose last report is how `serve`
/// ended) and what the client saw (`None` when the harness never said its port).
pub(super) struct Ran<T> {
    pub(super) run: Run,
    pub(super) limits: Limits,
    pub(super) seen: Option<T>,
}

/// The three scenarios of a run, at once, each with its own server.
pub(super) async fn run_all(
    harness: &Harness,
    plan: &Plan,
) -> Result<(Ran<Vec<Got>>, Ran<Vec<Got>>, Ran<(Vec<Got>, Got)>), String> {
    let (routes, at_once, shutdown) = tokio::join!(
        serve(harness, |base, stop| routes(base, plan, stop)),
        serve(harness, |base, stop| at_once(base, plan, stop)),
        serve(harness, |base, stop| in_flight(base, plan, stop)),
    );
    // The keep-alive client has done its part (its connections stayed open until the harness
    // ended): only what it saw is kept.
    let at_once = at_once.map(|ran| Ran {
        run: ran.run,
        limits: ran.limits,
        seen: ran.seen.map(|(got, _client)| got),
    });
    Ok((routes?, at_once?, shutdown?))
}

/// Starts the harness, waits for the port it reports, and runs `client` on
/// `http://127.0.0.1:PORT` with the sender that shuts the server down (dropping it does too).
/// What `client` returns is kept until the harness has ended: a client in it keeps its idle
/// connections open until then.
async fn serve<T, F, Fut>(harness: &Harness, client: F) -> Result<Ran<T>, String>
where
    F: FnOnce(String, oneshot::Sender<()>) -> Fut,
    Fut: Future<Output = T>,
{
    let (markers, mut reported) = tokio::sync::mpsc::unbounded_channel();
    let (stop, stopped) = oneshot::channel::<()>();
    let scenario = json!({ "linger_ms": LINGER.as_millis() as u64 }).to_string();
    let args = [scenario.as_str()];
    let running = harness.run_watched(
        &args,
        Some(Box::pin(async move {
            let _ = stopped.await;
        })),
        markers,
    );
    let talking = async move {
        // The harness's first report is its port; the channel closes if it ends before.
        let port = loop {
            match reported.recv().await {
                Some(Event::Done { result, .. }) => break result["port"].as_u64(),
                Some(_) => continue,
                None => break None,
            }
        };
        match port {
            Some(port) => Some(client(format!("http://127.0.0.1:{port}"), stop).await),
            None => None,
        }
    };
    let (run, seen) = tokio::join!(running, talking);
    Ok(Ran {
        run: run?,
        limits: harness.limits,
        seen,
    })
}

/// A client that never goes through a proxy (the server is on 127.0.0.1), with a timeout.
fn client(timeout: Duration, keep_alive: bool) -> reqwest::Client {
    let builder = reqwest::Client::builder().no_proxy().timeout(timeout);
    // Without keep-alive, each connection closes after its answer.
    let builder = if keep_alive {
        builder
    } else {
        builder.pool_max_idle_per_host(0)
    };
    builder
        .build()
        .expect("a client with a timeout always builds")
}

/// Sends `request` and notes what came back, and how long after.
async fn send(client: &reqwest::Client, base: &str, request: &Request) -> Got {
    let method = reqwest::Method::from_bytes(request.method.as_bytes()).unwrap_or_default();
    let sent = Instant::now();
    let answer = async {
        let response = client
            .request(method, format!("{base}{}", request.path))
            .send()
            .await?;
        let status = response.status().as_u16();
        let body = response.text().await?;
        Ok::<_, reqwest::Error>((status, body))
    };
    match answer.await {
        Ok((status, body)) => Got::Answer {
            status,
            body,
            after: sent.elapsed(),
        },
        Err(error) if error.is_timeout() => Got::TimedOut,
        Err(error) if error.is_connect() => Got::Refused,
        Err(_) => Got::Closed,
    }
}

/// Every route at once, on connections that close after each answer; then the shutdown.
async fn routes(base: String, plan: &Plan, stop: oneshot::Sender<()>) -> Vec<Got> {
    let client = client(ROUTES_WITHIN, false);
    let requests = plan
        .routes
        .iter()
        .map(|(_, request)| send(&client, &base, request));
    let got = futures::future::join_all(requests).await;
    let _ = stop.send(());
    got
}

/// Ten requests at once on keep-alive connections; then the shutdown, while the connections
/// stay open, idle, as a browser's do. The client is returned, to keep them open.
async fn at_once(
    base: String,
    plan: &Plan,
    stop: oneshot::Sender<()>,
) -> (Vec<Got>, reqwest::Client) {
    let client = client(AT_ONCE_WITHIN, true);
    let requests = plan
        .at_once
        .iter()
        .map(|request| send(&client, &base, request));
    let got = futures::future::join_all(requests).await;
    let _ = stop.send(());
    (got, client)
}

/// Requests in flight when the shutdown comes, and one on a new connection after it.
async fn in_flight(base: String, plan: &Plan, stop: oneshot::Sender<()>) -> (Vec<Got>, Got) {
    let started = tokio::time::Instant::now();
    let client = client(IN_FLIGHT_WITHIN, false);
    let requests = plan
        .in_flight
        .iter()
        .map(|request| send(&client, &base, request));
    let shutdown_then_late = async {
        tokio::time::sleep_until(started + SHUTDOWN_AFTER).await;
        let _ = stop.send(());
        tokio::time::sleep_until(started + SHUTDOWN_AFTER + LATE_AFTER).await;
        send(&client_late(), &base, &plan.late).await
    };
    tokio::join!(futures::future::join_all(requests), shutdown_then_late)
}

/// The late request's client: a connection of its own.
fn client_late() -> reqwest::Client {
    client(LATE_WITHIN, false)
}

/// How `serve` ended, as the harness's last report says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Ended {
    /// Before the shutdown came, with this error, if any.
    Early(Option<String>),
    /// After the shutdown, within this long, with this error, if any.
    After(Duration, Option<String>),
    /// Not within [`LINGER`] of the shutdown.
    StillRunning,
    /// No report of its end.
    Unknown,
}

pub(super) fn ended(run: &Run) -> Ended {
    let Some(returned) = &run.timeline.returned else {
        return Ended::Unknown;
    };
    let report = &returned.value;
    let error = report["error"].as_str().map(str::to_string);
    if report["returned_early"] == Value::Bool(true) {
        Ended::Early(error)
    } else if let Some(ms) = report["returned_after_ms"].as_u64() {
        Ended::After(Duration::from_millis(ms), error)
    } else if report["still_running"] == Value::Bool(true) {
        Ended::StillRunning
    } else {
        Ended::Unknown
    }
}
