//! An Openverse-style picture search, for image-bot's bot: `GET /v1/images/?q=...` answers as
//! the caller's script says, and the pictures it finds are served from a folder at
//! `/img/<name>`.

use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

use serde_json::json;

use crate::mock::http::{Handler, MockServer, respond};

/// What the search answers one query with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SearchAnswer {
    /// One result, the picture of this name in the folder (or not: a broken link), after a
    /// delay.
    Picture { name: &'static str, after: Duration },
    /// A 500.
    ServerError,
    /// No results.
    NoResults,
}

/// Starts a search whose every query `script` answers, with the pictures of `images`.
pub async fn serve(images: &Path, script: fn(&str) -> SearchAnswer) -> std::io::Result<MockServer> {
    let images = images.to_path_buf();
    let handler: Handler = Arc::new(move |request| {
        let images = images.clone();
        let path = request.uri().path().to_string();
        let query = request.uri().query().unwrap_or("").to_string();
        let host = request
            .headers()
            .get("host")
            .and_then(|host| host.to_str().ok())
            .unwrap_or("127.0.0.1")
            .to_string();
        Box::pin(async move {
            if let Some(name) = path.strip_prefix("/img/") {
                return match std::fs::read(images.join(name)) {
                    Ok(bytes) => respond(200, "image/png", bytes),
                    Err(_) => respond(404, "text/plain", "no such picture"),
                };
            }
            if path.trim_end_matches('/') != "/v1/images" {
                return respond(404, "application/json", r#"{"detail":"Not found."}"#);
            }
            let q = query
                .split('&')
                .find_map(|pair| pair.strip_prefix("q="))
                .unwrap_or("");
            let result = |name: &str| {
                json!({ "results": [{ "url": format!("http://{host}/img/{name}"), "title": name }],
                        "result_count": 1 })
                .to_string()
            };
            match script(q) {
                SearchAnswer::Picture { name, after } => {
                    // An answer "at once" does not wait even for a tick of the timer.
                    if !after.is_zero() {
                        tokio::time::sleep(after).await;
                    }
                    respond(200, "application/json", result(name))
                }
                SearchAnswer::ServerError => respond(500, "text/plain", "Internal Server Error"),
                SearchAnswer::NoResults => respond(
                    200,
                    "application/json",
                    r#"{"results":[],"result_count":0}"#,
                ),
            }
        })
    });
    MockServer::start(handler).await
}
