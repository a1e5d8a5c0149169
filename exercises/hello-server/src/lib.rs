//! The hello-server exercise: the lesson's aiohttp server, on hyper.
//!
//! `GET /` answers `Hello, Anonymous`, `GET /{name}` answers `Hello, {name}`, and anything else
//! gets a 404. Each answer first waits a second (the lesson's "extra async logic"), yet ten
//! requests at once take about a second, not ten. And when told to stop, the server stops well:
//! it takes no new connection, answers the requests it has, and returns.
//!
//! Fill in the three functions below, then grade your work:
//!
//! ```console
//! $ cargo run -p grader -- hello-server
//! ```
//!
//! `README.md` beside this file explains the exercise.

use std::convert::Infallible;
use std::future::Future;
use std::time::Duration;

use hyper::body::Incoming;
use hyper::{Method, Request, Response};
use tokio::net::TcpListener;

/// The lesson's "extra async logic" in the handler: here, a sleep. While one request sleeps,
/// the server goes on with the others.
pub const WORK: Duration = Duration::from_secs(1);

/// What the server answers to `method` on `path` (as it arrives, percent-encoded): the greeting,
/// or `None` for anything it does not serve (a 404).
pub fn greeting(method: &Method, path: &str) -> Option<String> {
    // TODO: only `GET` is served.
    // TODO: `/` is "Hello, Anonymous"; `/{name}` is "Hello, {name}"; a path with more than one
    //       segment (`/a/b`) is not served.
    // TODO: a browser sends `/Мир` as `/%D0%9C%D0%B8%D1%80`: decode the name with
    //       `percent_encoding::percent_decode_str(name).decode_utf8()` (not valid UTF-8: 404).
    todo!("greet {method} {path}")
}

/// Answers one request: after [`WORK`], the greeting; at once, a 404 for a path that has none.
pub async fn handle(request: Request<Incoming>) -> Result<Response<String>, Infallible> {
    // TODO: `greeting(request.method(), request.uri().path())`.
    // TODO: `None`: a response with `StatusCode::NOT_FOUND` (`*response.status_mut() = ...`).
    // TODO: `Some(text)`: sleep `WORK` with `tokio::time::sleep` (never `std::thread::sleep`,
    //       which stops every other connection too), then `Ok(Response::new(text))`.
    todo!("answer {} {}", request.method(), request.uri())
}

/// Serves HTTP/1 on `listener` until `shutdown` completes, then shuts down gracefully: new
/// connections are refused, the requests in flight are answered, and `serve` returns once they
/// have been. An error from `accept` ends it early, with that error.
pub async fn serve(
    listener: TcpListener,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    // TODO: a loop that waits for whichever comes first (`tokio::select!`): a connection from
    //       `listener.accept()`, or `shutdown` (pin it first: `tokio::pin!(shutdown)`, then
    //       select on `&mut shutdown`), which ends the loop.
    // TODO: serve each connection in a task of its own (a `tokio::task::JoinSet` keeps them):
    //       `hyper::server::conn::http1::Builder::new()
    //           .serve_connection(hyper_util::rt::TokioIo::new(stream),
    //                             hyper::service::service_fn(handle))`.
    //       Awaiting it in the loop instead would serve one client at a time.
    // TODO: after the loop, drop the listener (new connections are refused from then on) and
    //       tell every connection to finish: a `tokio::sync::watch` channel, whose `changed()`
    //       each connection's task selects on beside the connection, then calls
    //       `connection.as_mut().graceful_shutdown()` (pin the connection) and awaits it. An
    //       idle keep-alive connection closes at once; a busy one after its answer.
    // TODO: wait for every connection's task, then return `Ok(())`.
    let _ = (listener, shutdown);
    todo!("serve until shutdown")
}
