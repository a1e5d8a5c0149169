//! The hello-server exercise, the reference solution: the lesson's aiohttp server, on hyper.
//!
//! Read this after your own version passes. aiohttp hides three things that a server on hyper
//! shows: each connection is a task of its own (that is why ten slow requests take one second,
//! not ten), the routes are a plain `match` on the path, and stopping well takes a little
//! protocol of its own.
//!
//! # Layout
//!
//! - [`greeting`]: the routes. `/` and `/{name}` are greeted, the name percent-decoded; anything
//!   else is `None`, a 404.
//! - [`handle`]: one request: the lesson's "extra async logic" (a one-second sleep), then the
//!   greeting.
//! - [`serve`]: the accept loop. A task per connection; when `shutdown` completes, no new
//!   connection is taken, every connection is told to finish the request it is on, and `serve`
//!   returns once they all have.

use std::convert::Infallible;
use std::future::Future;
use std::time::Duration;

use hyper::body::Incoming;
use hyper::server::conn::http1;
use hyper::service::service_fn;
use hyper::{Method, Request, Response, StatusCode};
use hyper_util::rt::TokioIo;
use percent_encoding::percent_decode_str;
use tokio::net::TcpListener;
use tokio::sync::watch;
use tokio::task::JoinSet;

/// The lesson's "extra async logic" in the handler: here, a sleep. While one request sleeps,
/// the server goes on with the others.
pub const WORK: Duration = Duration::from_secs(1);

/// What the server answers to `method` on `path` (as it arrives, percent-encoded): the greeting,
/// or `None` for anything it does not serve (a 404).
pub fn greeting(method: &Method, path: &str) -> Option<String> {
    if method != Method::GET {
        return None;
    }
    // Every path starts with `/`; what follows is the name, unless it has a `/` of its own.
    let name = path.strip_prefix('/')?;
    if name.is_empty() {
        return Some("Hello, Anonymous".to_string());
    }
    if name.contains('/') {
        return None;
    }
    // A browser sends `/Мир` as `/%D0%9C%D0%B8%D1%80`: UTF-8 bytes, each written as `%XX`.
    // Decoding gives the bytes back; they must make valid UTF-8 to be a name.
    let name = percent_decode_str(name).decode_utf8().ok()?;
    Some(format!("Hello, {name}"))
}

/// Answers one request: after [`WORK`], the greeting; at once, a 404 for a path that has none.
pub async fn handle(request: Request<Incoming>) -> Result<Response<String>, Infallible> {
    let Some(text) = greeting(request.method(), request.uri().path()) else {
        let mut not_found = Response::new("Not Found".to_string());
        *not_found.status_mut() = StatusCode::NOT_FOUND;
        return Ok(not_found);
    };
    // `tokio::time::sleep`, never `std::thread::sleep`: this `.await` hands the thread back to
    // the runtime, which serves the other connections meanwhile.
    tokio::time::sleep(WORK).await;
    Ok(Response::new(text))
}

/// Serves HTTP/1 on `listener` until `shutdown` completes, then shuts down gracefully: new
/// connections are refused, the requests in flight are answered, and `serve` returns once they
/// have been. An error from `accept` ends it early, with that error.
pub async fn serve(
    listener: TcpListener,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    // One sender, a receiver per connection: `send(true)` tells them all at once to finish.
    let (finish, finish_told) = watch::channel(false);
    // Every connection's task, so that `serve` can wait for them before returning.
    let mut connections = JoinSet::new();
    tokio::pin!(shutdown);

    loop {
        let stream = tokio::select! {
            accepted = listener.accept() => accepted?.0,
            () = &mut shutdown => break,
        };
        let mut finish_told = finish_told.clone();
        // A task per connection: `accept` is ready for the next one at once, whatever this one
        // does. Awaiting the connection here instead would serve one client at a time.
        connections.spawn(async move {
            let connection =
                http1::Builder::new().serve_connection(TokioIo::new(stream), service_fn(handle));
            tokio::pin!(connection);
            tokio::select! {
                // The client is done with the connection (or it broke): nothing more to do.
                _ = connection.as_mut() => {}
                // Shutdown: finish the request in flight, if any, then close. An idle
                // keep-alive connection closes at once.
                _ = finish_told.changed() => {
                    connection.as_mut().graceful_shutdown();
                    let _ = connection.await;
                }
            }
        });
        // Forget the connections that have ended, so that a long run does not keep them all.
        while connections.try_join_next().is_some() {}
    }

    // No more connections: from here on, the system refuses them.
    drop(listener);
    let _ = finish.send(true);
    while connections.join_next().await.is_some() {}
    Ok(())
}
