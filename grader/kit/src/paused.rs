//! Runs a future on tokio's paused clock and reports, on standard output, the virtual instant at
//! which each line was printed.
//!
//! With the clock paused, tokio's time moves only when the runtime has nothing left to do: it
//! then jumps straight to the next timer. Hooks write a marker just before each wait (`Park`)
//! and just after it (`Wake`), with the virtual time; every line between two markers was printed
//! at the time of the first. A three-second program is graded in milliseconds.
//!
//! What the clock cannot show, a watchdog thread catches: the runtime's thread never waits (a
//! `std::thread::sleep` or a busy loop), or it waits with no timer set, so that nothing will
//! ever wake it (a deadlock, `pending()`). And a program whose clock runs past
//! [`VIRTUAL_LIMIT`] is stopped too: it would run (nearly) for ever.

use std::future::Future;
use std::process::ExitCode;
use std::sync::{Arc, Mutex, OnceLock};
use std::time::{Duration, Instant};

use serde::Serialize;

use crate::output::{emit, emit_last, millis, real_elapsed, start};
use crate::protocol::{Event, VIRTUAL_LIMIT_VAR};

/// How long the runtime's thread may run without waiting before the watchdog ends the run.
/// A correct program waits within microseconds; this leaves room for a heavily loaded machine.
pub const BLOCKED_AFTER: Duration = Duration::from_secs(3);

/// How long the runtime may wait with no timer set before the watchdog ends the run.
pub const STUCK_AFTER: Duration = Duration::from_secs(3);

/// How far tokio's clock may run before the run is stopped, unless the scenario says otherwise
/// (see [`VIRTUAL_LIMIT_VAR`]).
pub const VIRTUAL_LIMIT: Duration = Duration::from_secs(600);

/// The virtual time this run may take: the grader's [`VIRTUAL_LIMIT_VAR`], else
/// [`VIRTUAL_LIMIT`].
fn virtual_limit() -> Duration {
    std::env::var(VIRTUAL_LIMIT_VAR)
        .ok()
        .and_then(|ms| ms.parse().ok())
        .map_or(VIRTUAL_LIMIT, Duration::from_millis)
}

/// How many times the runtime runs its other tasks after the graded call returns, before the
/// tasks still alive are counted: enough for aborted tasks to be dropped.
const SETTLING_TURNS: usize = 4;

/// The exit code of a run that the watchdog ended.
const WATCHDOG_EXIT: i32 = 3;

/// Runs `future` to completion on a current-thread runtime with a paused clock, writing the
/// protocol's markers among whatever it prints, and finally a [`Event::Done`] with its output.
pub fn run_on_paused_clock<F>(future: F) -> ExitCode
where
    F: Future,
    F::Output: Serialize,
{
    start();
    let limit = virtual_limit();
    let activity = Arc::new(Mutex::new(Activity {
        parked: false,
        since: Instant::now(),
    }));
    spawn_watchdog(Arc::clone(&activity), RuntimeThread::current());

    // The virtual instant the future started at; set on its first poll, inside the runtime.
    let virtual_start: Arc<OnceLock<tokio::time::Instant>> = Arc::new(OnceLock::new());
    let elapsed = {
        let virtual_start = Arc::clone(&virtual_start);
        move || {
            virtual_start
                .get()
                .map(|start| tokio::time::Instant::now() - *start)
        }
    };
    let runtime = {
        let (park_elapsed, wake_elapsed) = (elapsed.clone(), elapsed);
        let (park_activity, wake_activity) = (Arc::clone(&activity), Arc::clone(&activity));
        tokio::runtime::Builder::new_current_thread()
            .enable_time()
            .start_paused(true)
            .on_thread_park(move || {
                if let Some(elapsed) = park_elapsed() {
                    emit(&Event::Park {
                        virtual_ms: millis(elapsed),
                        real_ms: millis(real_elapsed()),
                    });
                }
                park_activity.lock().unwrap().set(true);
            })
            .on_thread_unpark(move || {
                wake_activity.lock().unwrap().set(false);
                if let Some(elapsed) = wake_elapsed() {
                    if elapsed > limit {
                        emit_last(&Event::TooLong {
                            virtual_ms: millis(elapsed),
                            limit_ms: millis(limit),
                        });
                        std::process::exit(WATCHDOG_EXIT);
                    }
                    emit(&Event::Wake {
                        virtual_ms: millis(elapsed),
                        real_ms: millis(real_elapsed()),
                    });
                }
            })
            .build()
            .expect("a current-thread runtime always builds")
    };

    runtime.block_on(async {
        let start = *virtual_start.get_or_init(tokio::time::Instant::now);
        let output = future.await;
        // A task the graded call aborted (or a `JoinSet` it dropped) ends the next time the
        // runtime runs it: let it, before the tasks still alive are counted.
        for _ in 0..SETTLING_TURNS {
            tokio::task::yield_now().await;
        }
        emit(&Event::Done {
            virtual_ms: millis(tokio::time::Instant::now() - start),
            real_ms: millis(real_elapsed()),
            result: serde_json::to_value(output).unwrap_or(serde_json::Value::Null),
            // Spawned tasks the graded call left behind; the runtime drops them when it ends.
            alive_tasks: tokio::runtime::Handle::current()
                .metrics()
                .num_alive_tasks(),
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
fn spawn_watchdog(activity: Arc<Mutex<Activity>>, runtime_thread: RuntimeThread) {
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
                        computing: runtime_thread.computing(waited),
                    }
                } else {
                    continue;
                };
                emit_last(&event);
                std::process::exit(WATCHDOG_EXIT);
            }
        })
        .expect("the watchdog thread starts");
}

/// The thread the runtime runs on (the caller's: a current-thread runtime uses it), and what the
/// watchdog can learn of it.
struct RuntimeThread {
    #[cfg(target_os = "linux")]
    thread: libc::pthread_t,
}

/// How long the watchdog watches a blocked thread's CPU time before it says what blocks it.
#[cfg(target_os = "linux")]
const CPU_WINDOW: Duration = Duration::from_millis(300);

/// The CPU time, over [`CPU_WINDOW`], above which a blocked thread counts as computing: a
/// sleeping thread uses next to none, a busy loop all it is given, which on a machine loaded
/// ten times over its cores is still several times this.
#[cfg(target_os = "linux")]
const COMPUTING_CPU: Duration = Duration::from_millis(15);

impl RuntimeThread {
    fn current() -> RuntimeThread {
        RuntimeThread {
            // SAFETY: `pthread_self` has no preconditions.
            #[cfg(target_os = "linux")]
            thread: unsafe { libc::pthread_self() },
        }
    }

    /// Whether a blocked runtime thread is computing (a busy loop) rather than waiting in a
    /// blocking call: the CPU time it uses while the watchdog watches. (Its scheduler state, `R`
    /// or `S`, says the same on an idle machine, but on a loaded one a sleeping thread that just
    /// woke waits in `R` for a core: one look at it is not a verdict.)
    #[cfg(target_os = "linux")]
    fn computing(&self, _blocked_for: Duration) -> Option<bool> {
        let mut clock: libc::clockid_t = 0;
        // SAFETY: `thread` is the runtime's thread, which lives as long as the process; the
        // call only writes the clock's id.
        if unsafe { libc::pthread_getcpuclockid(self.thread, &mut clock) } != 0 {
            return None;
        }
        let before = cpu_time(clock)?;
        std::thread::sleep(CPU_WINDOW);
        let after = cpu_time(clock)?;
        Some(after.saturating_sub(before) > COMPUTING_CPU)
    }

    /// Elsewhere, the process's CPU time: close to the time blocked in a busy loop, close to
    /// nothing in a blocking sleep.
    #[cfg(not(target_os = "linux"))]
    fn computing(&self, blocked_for: Duration) -> Option<bool> {
        process_cpu_time().map(|cpu| cpu * 4 > blocked_for)
    }
}

/// The time of a CPU-time clock.
#[cfg(target_os = "linux")]
fn cpu_time(clock: libc::clockid_t) -> Option<Duration> {
    let mut time = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: `clock_gettime` only writes into the `timespec` it is given.
    let status = unsafe { libc::clock_gettime(clock, &mut time) };
    (status == 0).then(|| Duration::new(time.tv_sec as u64, time.tv_nsec as u32))
}

#[cfg(all(unix, not(target_os = "linux")))]
fn process_cpu_time() -> Option<Duration> {
    let mut time = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: `clock_gettime` only writes into the `timespec` it is given.
    let status = unsafe { libc::clock_gettime(libc::CLOCK_PROCESS_CPUTIME_ID, &mut time) };
    (status == 0).then(|| Duration::new(time.tv_sec as u64, time.tv_nsec as u32))
}

#[cfg(windows)]
fn process_cpu_time() -> Option<Duration> {
    // FILETIMEs: two 32-bit halves of a count of 100 ns, laid out as one little-endian u64.
    #[link(name = "kernel32")]
    unsafe extern "system" {
        fn GetCurrentProcess() -> isize;
        fn GetProcessTimes(
            process: isize,
            creation: *mut u64,
            exit: *mut u64,
            kernel: *mut u64,
            user: *mut u64,
        ) -> i32;
    }
    let (mut creation, mut exit, mut kernel, mut user) = (0u64, 0u64, 0u64, 0u64);
    // SAFETY: the pseudo-handle of the current process, and four live outputs.
    let ok = unsafe {
        GetProcessTimes(
            GetCurrentProcess(),
            &mut creation,
            &mut exit,
            &mut kernel,
            &mut user,
        )
    };
    (ok != 0).then(|| Duration::from_nanos((kernel + user) * 100))
}

#[cfg(not(any(unix, windows)))]
fn process_cpu_time() -> Option<Duration> {
    None
}
