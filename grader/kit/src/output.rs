//! The harness's side of the protocol: the run's token, and writing markers to stdout.
//!
//! Markers go through the same `std::io::stdout()` as the student's `println!`s, so that the
//! grader reads both in the order they happened.

use std::io::Write;
use std::sync::OnceLock;
use std::time::{Duration, Instant};

use serde::Serialize;

use crate::protocol::{Event, TOKEN_VAR, marker_line};

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
    };
    emit(&event);
}

/// Reads the run's token and removes it from the environment before any student code runs.
/// Started by hand (no grader), a harness uses a fixed token, which is enough to read its output.
fn take_token() -> String {
    let token = std::env::var(TOKEN_VAR).unwrap_or_else(|_| "manual".to_string());
    // SAFETY: called before the runtime, the watchdog or any student code starts a thread.
    unsafe { std::env::remove_var(TOKEN_VAR) };
    token
}

/// Writes one marker line and flushes it, so that it cannot be lost if the process ends next.
pub(crate) fn emit(event: &Event) {
    let token = RUN.get().map_or("manual", |(token, _)| token.as_str());
    let mut out = std::io::stdout().lock();
    // A `print!` without a line break may have left half a line: the marker starts after it,
    // and the grader splits the two.
    let _ = writeln!(out, "{}", marker_line(token, event));
    let _ = out.flush();
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
        let location = info
            .location()
            .map(|at| format!("{}:{}:{}", at.file(), at.line(), at.column()));
        emit(&Event::Panic { message, location });
        default_hook(info);
    }));
}

pub(crate) fn millis(duration: Duration) -> u64 {
    u64::try_from(duration.as_millis()).unwrap_or(u64::MAX)
}
