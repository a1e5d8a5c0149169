//! Correct: `tokio::spawn` per connection, the handles kept and awaited; the percent-encoding
//! decoded by hand.

use std::convert::Infallible;
use std::future::Future;
use std::time::Duration;

use hyper::body::Incoming;
use hyper::server::conn::http1;
use hyper::service::service_fn;
use hyper::{Method, Request, Response, StatusCode};
use hyper_util::rt::TokioIo;
use tokio::net::TcpListener;

pub const WORK: Duration = Duration::from_secs(1);

fn decode(name: &str) -> Option<String> {
    let mut bytes = Vec::new();
    let mut rest = name.as_bytes();
    while let Some((&byte, tail)) = rest.split_first() {
        if byte == b'%' && tail.len() >= 2 {
            let hex = std::str::from_utf8(&tail[..2]).ok()?;
            bytes.push(u8::from_str_radix(hex, 16).ok()?);
            rest = &tail[2..];
        } else {
            bytes.push(byte);
            rest = tail;
        }
    }
    String::from_utf8(bytes).ok()
}

pub fn greeting(method: &Method, path: &str) -> Option<String> {
    if *method != Method::GET {
        return None;
    }
    match path {
        "/" => Some("Hello, Anonymous".to_string()),
        _ => {
            let name = path.strip_prefix('/')?;
            if name.contains('/') {
                return None;
            }
            Some(format!("Hello, {}", decode(name)?))
        }
    }
}

pub async fn handle(request: Request<Incoming>) -> Result<Response<String>, Infallible> {
    let Some(text) = greeting(request.method(), request.uri().path()) else {
        let mut response = Response::new(String::from("no such page"));
        *response.status_mut() = StatusCode::NOT_FOUND;
        return Ok(response);
    };
    tokio::time::sleep(WORK).await;
    Ok(Response::new(text))
}

pub async fn serve(
    listener: TcpListener,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    let (stop, stopped) = tokio::sync::watch::channel(());
    let mut handles = Vec::new();
    tokio::pin!(shutdown);
    loop {
        tokio::select! {
            accepted = listener.accept() => {
                let (stream, _) = accepted?;
                let mut stopped = stopped.clone();
                handles.push(tokio::spawn(async move {
                    let connection = http1::Builder::new()
                        .serve_connection(TokioIo::new(stream), service_fn(handle));
                    tokio::pin!(connection);
                    tokio::select! {
                        _ = connection.as_mut() => {}
                        _ = stopped.changed() => {
                            connection.as_mut().graceful_shutdown();
                            let _ = connection.await;
                        }
                    }
                }));
                handles.retain(|handle| !handle.is_finished());
            }
            () = &mut shutdown => break,
        }
    }
    drop(listener);
    let _ = stop.send(());
    for handle in handles {
        let _ = handle.await;
    }
    Ok(())
}
