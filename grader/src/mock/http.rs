//! A small hyper 1 server on 127.0.0.1 whose every request goes through a [`Handler`], and a log
//! of each request: when it arrived, when it ended, and whether the client went away first.
//!
//! A client that drops its request (a cancelled future) closes the connection; hyper then drops
//! the handler's future, and the [`Pending`] guard inside it records the time. That is how the
//! grader sees cancellation from the outside.

use std::convert::Infallible;
use std::future::Future;
use std::net::SocketAddr;
use std::pin::Pin;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use bytes::Bytes;
use http_body_util::Full;
use hyper::body::Incoming;
use hyper::server::conn::http1;
use hyper::service::service_fn;
use hyper::{Request, Response};
use hyper_util::rt::TokioIo;
use tokio::net::TcpListener;
use tokio::sync::Notify;
use tokio::task::JoinHandle;

/// What a handler answers: a response, or `Err(Hangup)` to close the connection without one.
pub type Reply = Result<Response<Full<Bytes>>, Hangup>;

/// Closes the connection without answering (a server that dies mid-request).
#[derive(Debug)]
pub struct Hangup;

impl std::fmt::Display for Hangup {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("the mock hung up")
    }
}

impl std::error::Error for Hangup {}

/// Answers one request.
pub type Handler =
    Arc<dyn Fn(Request<Incoming>) -> Pin<Box<dyn Future<Output = Reply> + Send>> + Send + Sync>;

/// One request, as the server saw it. Times count from the server's start.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Seen {
    pub method: String,
    /// The path and query.
    pub target: String,
    pub arrived: Duration,
    /// When it ended, and how; `None` while it is still running.
    pub ended: Option<(Duration, Ending)>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ending {
    /// The server answered (or hung up on purpose).
    Answered,
    /// The client went away before the answer: its request was cancelled.
    Abandoned,
}

/// Every request the server got, in order of arrival.
#[derive(Debug)]
pub struct Log {
    start: Instant,
    seen: Mutex<Vec<Seen>>,
    /// Told of every arrival and every end.
    changed: Notify,
}

impl Log {
    pub fn requests(&self) -> Vec<Seen> {
        self.seen.lock().unwrap().clone()
    }

    /// Waits until every request has ended (the server notices a closed connection a moment
    /// after the client process ends), or `limit` has passed. Returns the requests.
    pub async fn settled(&self, limit: Duration) -> Vec<Seen> {
        let wait = async {
            loop {
                let changed = self.changed.notified();
                let seen = self.requests();
                if seen.iter().all(|request| request.ended.is_some()) {
                    return;
                }
                changed.await;
            }
        };
        let _ = tokio::time::timeout(limit, wait).await;
        self.requests()
    }

    /// Time since the server started.
    pub fn now(&self) -> Duration {
        self.start.elapsed()
    }

    fn arrive(&self, method: String, target: String) -> usize {
        let mut seen = self.seen.lock().unwrap();
        seen.push(Seen {
            method,
            target,
            arrived: self.start.elapsed(),
            ended: None,
        });
        self.changed.notify_waiters();
        seen.len() - 1
    }

    fn end(&self, index: usize, how: Ending) {
        let mut seen = self.seen.lock().unwrap();
        if seen[index].ended.is_none() {
            seen[index].ended = Some((self.start.elapsed(), how));
            self.changed.notify_waiters();
        }
    }
}

/// Records how a request ended; dropped without [`Pending::answered`], it was abandoned.
struct Pending {
    log: Arc<Log>,
    index: usize,
}

impl Pending {
    fn answered(self) {
        self.log.end(self.index, Ending::Answered);
    }
}

impl Drop for Pending {
    fn drop(&mut self) {
        self.log.end(self.index, Ending::Abandoned);
    }
}

/// A running mock server. Dropping it stops it.
pub struct MockServer {
    pub addr: SocketAddr,
    pub log: Arc<Log>,
    accepting: JoinHandle<()>,
}

impl MockServer {
    /// Starts a server on 127.0.0.1 with a port the system picks.
    pub async fn start(handler: Handler) -> std::io::Result<MockServer> {
        let listener = TcpListener::bind(("127.0.0.1", 0)).await?;
        let addr = listener.local_addr()?;
        let log = Arc::new(Log {
            start: Instant::now(),
            seen: Mutex::new(Vec::new()),
            changed: Notify::new(),
        });
        let accepting = tokio::spawn(accept_loop(listener, handler, Arc::clone(&log)));
        Ok(MockServer {
            addr,
            log,
            accepting,
        })
    }

    /// `http://127.0.0.1:PORT` followed by `path`.
    pub fn url(&self, path: &str) -> String {
        format!("http://{}{path}", self.addr)
    }
}

impl Drop for MockServer {
    fn drop(&mut self) {
        self.accepting.abort();
    }
}

async fn accept_loop(listener: TcpListener, handler: Handler, log: Arc<Log>) {
    let mut connections = tokio::task::JoinSet::new();
    loop {
        let Ok((stream, _)) = listener.accept().await else {
            continue;
        };
        let (handler, log) = (Arc::clone(&handler), Arc::clone(&log));
        connections.spawn(async move {
            let service = service_fn(move |request: Request<Incoming>| {
                let (handler, log) = (Arc::clone(&handler), Arc::clone(&log));
                async move {
                    let target = request
                        .uri()
                        .path_and_query()
                        .map_or_else(|| request.uri().path().to_string(), |p| p.to_string());
                    let index = log.arrive(request.method().to_string(), target);
                    let pending = Pending { log, index };
                    let reply = handler(request).await;
                    pending.answered();
                    reply
                }
            });
            // An error here is a client that went away, or a hang-up the handler asked for.
            let _ = http1::Builder::new()
                .serve_connection(TokioIo::new(stream), service)
                .await;
        });
        // Reap finished connections, so that a long run does not keep them all.
        while connections.try_join_next().is_some() {}
    }
}

/// A response with `status`, `content_type` and `body`.
pub fn respond(status: u16, content_type: &str, body: impl Into<Bytes>) -> Reply {
    Ok(Response::builder()
        .status(status)
        .header("content-type", content_type)
        .body(Full::new(body.into()))
        .expect("a status, a header and a body always make a response"))
}

/// Waits for ever: for a server that never answers. (The client's timeout ends it.)
pub async fn never() -> Reply {
    let never: Infallible = std::future::pending().await;
    match never {}
}

/// `http://127.0.0.1:40321/x` → `http://127.0.0.1/x`: the port the system picked changes from
/// run to run, and messages leave it out, so that the same program always gets the same words.
pub fn without_port(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find("127.0.0.1:") {
        let (before, after) = rest.split_at(at + "127.0.0.1".len());
        out.push_str(before);
        rest = after[1..].trim_start_matches(|c: char| c.is_ascii_digit());
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_leave_the_mocks_port_out() {
        assert_eq!(
            without_port("error for url (http://127.0.0.1:40321/ipify): 127.0.0.1:9"),
            "error for url (http://127.0.0.1/ipify): 127.0.0.1"
        );
    }
}
