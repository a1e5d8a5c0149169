//! The harness's side of the protocol: the run's token, and writing markers to stdout.
//!
//! Markers go through the same `std::io::stdout()` as the student's `println!`s, so that the
//! grader reads both in the order they happened.

use std::future::Future;
use std::io::Write;
use std::sync::OnceLock;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use serde::Serialize;

use crate::protocol::{Event, TOKEN_ON_STDIN_VAR, marker_line};

/// The run's token and the real instant the run started, set once by [`start`].
static RUN: OnceLock<(String, Instant)> = OnceLock::new();

/// Starts a run: takes the token out of the environment and reports panics as markers.
/// Called by the `run_*` functions before any student code runs.
pub(crate) fn start() {
    RUN.get_or_init(|| (take_token(), Instant::now()));
    install_panic_hook();
}

/// The time since [`start`].
pub(crate) fn real_elapsed() -> Duration {
    RUN.get()
        .map_or(Duration::ZERO, |(_, started)| started.elapsed())
}

/// Reports the graded call's result, and how long after the start it came. A harness calls it
/// when the result is there, and may go on (to see what the student's code does afterwards).
pub fn report(result: impl Serialize) {
    let elapsed = millis(real_elapsed());
    let event = Event::Done {
        virtual_ms: elapsed,
        real_ms: elapsed,
        result: serde_json::to_value(result).unwrap_or(serde_json::Value::Null),
        alive_tasks: 0,
    };
    emit(&event);
}

/// How many [`expecting_panics`] scopes are running now.
static EXPECTING_PANICS: AtomicUsize = AtomicUsize::new(0);

/// Runs `future` as a scope where a panic is expected: a task that panics on purpose (the lesson's
/// `exception()`, seen by its caller through `JoinError::is_panic()`) is reported as expected,
/// and the grader does not count it as the run ending badly. A `todo!()` is never expected.
///
/// The scope lasts from the first poll of `future` until it finishes or is dropped; every task
/// of the current-thread runtime that panics meanwhile is covered.
pub async fn expecting_panics<F: Future>(future: F) -> F::Output {
    struct Scope;
    impl Drop for Scope {
        fn drop(&mut self) {
            EXPECTING_PANICS.fetch_sub(1, Ordering::SeqCst);
        }
    }
    EXPECTING_PANICS.fetch_add(1, Ordering::SeqCst);
    let _scope = Scope;
    future.await
}

/// Reads the run's token from the first line of stdin, where the grader writes it. Started by
/// hand (no grader), a harness uses a fixed token, which is enough to read its output.
fn take_token() -> String {
    if std::env::var_os(TOKEN_ON_STDIN_VAR).is_none() {
        return "manual".to_string();
    }
    let mut line = String::new();
    let _ = std::io::stdin().read_line(&mut line);
    line.trim().to_string()
}

fn token() -> &'static str {
    RUN.get().map_or("manual", |(token, _)| token.as_str())
}

/// Writes one marker line and flushes it, so that it cannot be lost if the process ends next.
pub(crate) fn emit(event: &Event) {
    let mut out = std::io::stdout().lock();
    // A `print!` without a line break may have left half a line: the marker starts after it,
    // and the grader splits the two.
    let _ = writeln!(out, "{}", marker_line(token(), event));
    let _ = out.flush();
}

/// Writes a last marker straight to file descriptor 1, past `std::io::stdout()`'s lock, which
/// the student's code may hold for ever (the watchdog's marker must get out all the same).
#[cfg(unix)]
pub(crate) fn emit_last(event: &Event) {
    let line = format!("{}\n", marker_line(token(), event));
    let mut bytes = line.as_bytes();
    while !bytes.is_empty() {
        // SAFETY: writes from a live buffer of the given length to stdout's descriptor.
        let written = unsafe { libc::write(1, bytes.as_ptr().cast(), bytes.len()) };
        if written <= 0 {
            return;
        }
        bytes = &bytes[written as usize..];
    }
}

#[cfg(not(unix))]
pub(crate) fn emit_last(event: &Event) {
    emit(event);
}

/// Reports every panic as a marker, then lets the default hook print it to stderr as usual.
fn install_panic_hook() {
    let default_hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let payload = info.payload();
        let message = payload
            .downcast_ref::<&str>()
            .map(|text| text.to_string())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "a panic without a message".to_string());
        // Forward slashes on every platform, so that a message reads the same everywhere.
        let location = info.location().map(|at| {
            format!(
                "{}:{}:{}",
                at.file().replace('\\', "/"),
                at.line(),
                at.column()
            )
        });
        let unfinished =
            message.starts_with("not yet implemented") || message.starts_with("not implemented");
        let expected = !unfinished && EXPECTING_PANICS.load(Ordering::SeqCst) > 0;
        emit(&Event::Panic {
            message,
            location,
            expected,
        });
        default_hook(info);
    }));
}

pub(crate) fn millis(duration: Duration) -> u64 {
    u64::try_from(duration.as_millis()).unwrap_or(u64::MAX)
}
