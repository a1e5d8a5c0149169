//! Runs a future on tokio's paused clock and reports, on standard output, the virtual instant at
//! which each line was printed.
//!
//! With the clock paused, tokio's time moves only when the runtime has nothing left to do: it
//! then jumps straight to the next timer. So every line printed between two waits was printed at
//! the same virtual instant, and a park hook that writes a marker just before each wait closes
//! the batch at that instant. A three-second program is graded in milliseconds.
//!
//! Two things can go wrong that the clock cannot show, and a watchdog thread catches them:
//! the runtime's thread never waits (a `std::thread::sleep` or a busy loop), or it waits with no
//! timer set, so that nothing will ever wake it (a deadlock, `pending()`).

use std::future::Future;
use std::io::Write;
use std::process::ExitCode;
use std::sync::{Arc, Mutex, OnceLock};
use std::time::{Duration, Instant};

use serde::Serialize;

use crate::protocol::{Event, TOKEN_VAR, marker_line};

/// How long the runtime's thread may run without waiting before the watchdog ends the run.
/// A correct program waits within microseconds; this leaves room for a heavily loaded machine.
pub const BLOCKED_AFTER: Duration = Duration::from_secs(3);

/// How long the runtime may wait with no timer set before the watchdog ends the run.
pub const STUCK_AFTER: Duration = Duration::from_secs(3);

/// The exit code of a run that the watchdog ended.
const WATCHDOG_EXIT: u8 = 3;

/// Runs `future` to completion on a current-thread runtime with a paused clock, writing the
/// protocol's markers among whatever it prints, and finally a [`Event::Done`] with its output.
pub fn run_on_paused_clock<F>(future: F) -> ExitCode
where
    F: Future,
    F::Output: Serialize,
{
    let token = take_token();
    let real_start = Instant::now();
    let activity = Arc::new(Mutex::new(Activity {
        parked: false,
        since: real_start,
    }));
    install_panic_hook(token.clone());
    spawn_watchdog(token.clone(), Arc::clone(&activity));

    // The virtual instant the future started at; set on its first poll, inside the runtime.
    let virtual_start: Arc<OnceLock<tokio::time::Instant>> = Arc::new(OnceLock::new());
    let runtime = {
        let (park_token, park_start, park_activity) = (
            token.clone(),
            Arc::clone(&virtual_start),
            Arc::clone(&activity),
        );
        let unpark_activity = Arc::clone(&activity);
        tokio::runtime::Builder::new_current_thread()
            .enable_time()
            .start_paused(true)
            .on_thread_park(move || {
                if let Some(start) = park_start.get() {
                    let event = Event::Park {
                        virtual_ms: millis(tokio::time::Instant::now() - *start),
                        real_ms: millis(real_start.elapsed()),
                    };
                    emit(&park_token, &event);
                }
                park_activity.lock().unwrap().set(true);
            })
            .on_thread_unpark(move || unpark_activity.lock().unwrap().set(false))
            .build()
            .expect("a current-thread runtime always builds")
    };

    runtime.block_on(async {
        let start = *virtual_start.get_or_init(tokio::time::Instant::now);
        let output = future.await;
        let event = Event::Done {
            virtual_ms: millis(tokio::time::Instant::now() - start),
            real_ms: millis(real_start.elapsed()),
            result: serde_json::to_value(output).unwrap_or(serde_json::Value::Null),
        };
        emit(&token, &event);
    });
    ExitCode::SUCCESS
}

/// Whether the runtime's thread is waiting, and since when (real time).
struct Activity {
    parked: bool,
    since: Instant,
}

impl Activity {
    fn set(&mut self, parked: bool) {
        self.parked = parked;
        self.since = Instant::now();
    }
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
fn emit(token: &str, event: &Event) {
    let mut out = std::io::stdout().lock();
    // A `print!` without a line break may have left half a line: the marker starts after it,
    // and the grader splits the two.
    let _ = writeln!(out, "{}", marker_line(token, event));
    let _ = out.flush();
}

/// Reports every panic as a marker, then lets the default hook print it to stderr as usual.
fn install_panic_hook(token: String) {
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
        emit(&token, &Event::Panic { message, location });
        default_hook(info);
    }));
}

/// Starts the thread that ends the run when the runtime is blocked or stuck for too long.
fn spawn_watchdog(token: String, activity: Arc<Mutex<Activity>>) {
    std::thread::Builder::new()
        .name("grader-watchdog".into())
        .spawn(move || {
            loop {
                std::thread::sleep(Duration::from_millis(50));
                let (parked, waited) = {
                    let activity = activity.lock().unwrap();
                    (activity.parked, activity.since.elapsed())
                };
                let event = if parked && waited > STUCK_AFTER {
                    Event::Stuck {
                        real_ms: millis(waited),
                    }
                } else if !parked && waited > BLOCKED_AFTER {
                    Event::Blocked {
                        real_ms: millis(waited),
                        cpu_ms: process_cpu_time().map(millis),
                    }
                } else {
                    continue;
                };
                emit(&token, &event);
                std::process::exit(WATCHDOG_EXIT.into());
            }
        })
        .expect("the watchdog thread starts");
}

/// The CPU time this process has used so far, where the platform tells it.
#[cfg(unix)]
fn process_cpu_time() -> Option<Duration> {
    let mut time = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: `clock_gettime` only writes into the `timespec` it is given.
    let status = unsafe { libc::clock_gettime(libc::CLOCK_PROCESS_CPUTIME_ID, &mut time) };
    (status == 0).then(|| Duration::new(time.tv_sec as u64, time.tv_nsec as u32))
}

#[cfg(not(unix))]
fn process_cpu_time() -> Option<Duration> {
    None
}

fn millis(duration: Duration) -> u64 {
    u64::try_from(duration.as_millis()).unwrap_or(u64::MAX)
}
