//! A proxy that lets nothing through, for image-bot's bot. The harness's `HTTP_PROXY`,
//! `HTTPS_PROXY` and `ALL_PROXY` point here while `NO_PROXY` keeps 127.0.0.1 direct, so that a
//! request for anywhere else (a `Bot` of the student's own, talking to api.telegram.org) ends
//! here: it is refused with a 403, and its host is recorded, so that the grader can say where
//! the bot tried to go. Grading reaches nothing but 127.0.0.1.

use std::sync::{Arc, Mutex};

use crate::mock::http::{Handler, MockServer, respond};

/// A running proxy that refuses every request and records the hosts asked for.
pub struct Recorder {
    server: MockServer,
    hosts: Arc<Mutex<Vec<String>>>,
}

impl Recorder {
    /// Starts the proxy on 127.0.0.1; the error says, in words, why it could not.
    pub async fn start() -> Result<Recorder, String> {
        let hosts = Arc::new(Mutex::new(Vec::new()));
        let recorded = Arc::clone(&hosts);
        let handler: Handler = Arc::new(move |request| {
            // `CONNECT api.telegram.org:443` for HTTPS, `GET http://host/...` for plain HTTP.
            let host = request.uri().host().map(str::to_string).or_else(|| {
                let header = request.headers().get("host")?.to_str().ok()?;
                Some(header.split(':').next().unwrap_or(header).to_string())
            });
            if let Some(host) = host {
                let mut hosts = recorded.lock().unwrap();
                if !hosts.contains(&host) {
                    hosts.push(host);
                }
            }
            Box::pin(async {
                respond(
                    403,
                    "text/plain",
                    "the grader lets no request leave this machine",
                )
            })
        });
        let server = MockServer::start(handler)
            .await
            .map_err(|error| format!("cannot start the proxy that records requests: {error}"))?;
        Ok(Recorder { server, hosts })
    }

    /// The proxy's URL, for the proxy variables of the harness's environment.
    pub fn url(&self) -> String {
        self.server.url("")
    }

    /// The hosts the bot tried to reach through the proxy, in order, each once.
    pub fn hosts(&self) -> Vec<String> {
        self.hosts.lock().unwrap().clone()
    }
}
