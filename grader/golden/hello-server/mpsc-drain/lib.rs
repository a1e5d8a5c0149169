//! Correct, as tokio's mini-redis shuts down: a `broadcast` tells every connection to finish,
//! and each holds an `mpsc::Sender`: when the last one is dropped, `recv()` gives `None`.

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
use tokio::sync::{broadcast, mpsc};

pub const WORK: Duration = Duration::from_secs(1);

pub fn greeting(method: &Method, path: &str) -> Option<String> {
    let segments: Vec<&str> = path.split('/').skip(1).collect();
    match (method, segments.as_slice()) {
        (&Method::GET, [""]) => Some("Hello, Anonymous".into()),
        (&Method::GET, [name]) => percent_decode_str(name)
            .decode_utf8()
            .ok()
            .map(|name| format!("Hello, {name}")),
        _ => None,
    }
}

pub async fn handle(request: Request<Incoming>) -> Result<Response<String>, Infallible> {
    match greeting(request.method(), request.uri().path()) {
        Some(text) => {
            tokio::time::sleep(WORK).await;
            Ok(Response::new(text))
        }
        None => Ok(Response::builder()
            .status(StatusCode::NOT_FOUND)
            .body(String::new())
            .unwrap()),
    }
}

pub async fn serve(
    listener: TcpListener,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    let (notify, _) = broadcast::channel::<()>(1);
    let (done_tx, mut done_rx) = mpsc::channel::<()>(1);
    tokio::pin!(shutdown);
    loop {
        let (stream, _) = tokio::select! {
            accepted = listener.accept() => accepted?,
            () = &mut shutdown => break,
        };
        let mut told = notify.subscribe();
        let done = done_tx.clone();
        tokio::spawn(async move {
            let connection =
                http1::Builder::new().serve_connection(TokioIo::new(stream), service_fn(handle));
            tokio::pin!(connection);
            tokio::select! {
                _ = connection.as_mut() => {}
                _ = told.recv() => {
                    connection.as_mut().graceful_shutdown();
                    let _ = connection.await;
                }
            }
            drop(done);
        });
    }
    drop(listener);
    let _ = notify.send(());
    drop(done_tx);
    let _ = done_rx.recv().await;
    Ok(())
}
