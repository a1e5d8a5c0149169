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
use std::process::ExitCode;
use std::sync::{Arc, Mutex, OnceLock};
use std::time::{Duration, Instant};

use serde::Serialize;

use crate::output::{emit, millis, real_elapsed, start};
use crate::protocol::Event;

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
    start();
    let activity = Arc::new(Mutex::new(Activity {
        parked: false,
        since: Instant::now(),
    }));
    spawn_watchdog(Arc::clone(&activity));

    // The virtual instant the future started at; set on its first poll, inside the runtime.
    let virtual_start: Arc<OnceLock<tokio::time::Instant>> = Arc::new(OnceLock::new());
    let runtime = {
        let (park_start, park_activity) = (Arc::clone(&virtual_start), Arc::clone(&activity));
        let unpark_activity = Arc::clone(&activity);
        tokio::runtime::Builder::new_current_thread()
            .enable_time()
            .start_paused(true)
            .on_thread_park(move || {
                if let Some(start) = park_start.get() {
                    emit(&Event::Park {
                        virtual_ms: millis(tokio::time::Instant::now() - *start),
                        real_ms: millis(real_elapsed()),
                    });
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
        emit(&Event::Done {
            virtual_ms: millis(tokio::time::Instant::now() - start),
            real_ms: millis(real_elapsed()),
            result: serde_json::to_value(output).unwrap_or(serde_json::Value::Null),
        });
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

/// Starts the thread that ends the run when the runtime is blocked or stuck for too long.
fn spawn_watchdog(activity: Arc<Mutex<Activity>>) {
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
                emit(&event);
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
