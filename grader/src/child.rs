//! Runs untrusted programs (a student's harness) with limits: a time limit and a cap on output.
//! Whatever the program does, `run_limited` returns within the time limit, and the program and
//! whatever it started are killed on every path out of it.

use std::future::Future;
use std::pin::Pin;
use std::process::{ExitStatus, Stdio};
use std::time::{Duration, Instant};

use tokio::io::{AsyncRead, AsyncReadExt, AsyncWriteExt};
use tokio::process::{Child, Command};
use tokio::sync::mpsc::UnboundedSender;

/// The limits one run of a student's program gets.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// Real time before the child is killed.
    pub time: Duration,
    /// Bytes of stdout and stderr, together, before the child is killed.
    pub output_bytes: usize,
    /// Real time for compiling the exercises, all together.
    pub build_time: Duration,
}

impl Default for Limits {
    fn default() -> Limits {
        Limits {
            time: Duration::from_secs(15),
            output_bytes: 1 << 20,
            build_time: Duration::from_secs(600),
        }
    }
}

/// How long the pipes may stay open after the program has exited (a process it started may hold
/// them): what it printed by then is all the grader reads.
const PIPES_GRACE: Duration = Duration::from_millis(300);

/// How a run ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Ending {
    /// The program exited by itself.
    Exited(ExitStatus),
    /// Killed: it ran past the time limit.
    TimedOut,
    /// Killed: it printed more than the output cap.
    Flooded,
}

/// What a run printed and how it ended.
#[derive(Debug, Clone)]
pub struct RunOutput {
    pub stdout: String,
    pub stderr: String,
    pub ending: Ending,
    pub elapsed: Duration,
}

/// What a run gets on its standard input: a text, then the end of input, at once or when
/// `close_when` completes (a harness that serves until told to stop waits for it).
pub struct Input {
    pub text: String,
    pub close_when: Option<Pin<Box<dyn Future<Output = ()> + Send>>>,
}

impl Input {
    pub fn text(text: impl Into<String>) -> Input {
        Input {
            text: text.into(),
            close_when: None,
        }
    }
}

/// Runs `command` to its end, or kills it at the first limit it passes, with `input` on its
/// standard input.
pub async fn run_limited(
    command: Command,
    limits: Limits,
    input: Input,
) -> std::io::Result<RunOutput> {
    run_limited_watched(command, limits, input, None).await
}

/// [`run_limited`], also sending each piece of standard output to `watch` as it comes: for a
/// grader that acts on what a program says while it runs (the port a server listens on).
pub async fn run_limited_watched(
    mut command: Command,
    limits: Limits,
    input: Input,
    watch: Option<UnboundedSender<Vec<u8>>>,
) -> std::io::Result<RunOutput> {
    command
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .kill_on_drop(true);
    // A group of its own, so that the processes the program starts can be killed with it.
    #[cfg(unix)]
    command.process_group(0);
    let started = Instant::now();
    let mut child = command.spawn()?;
    let group = ProcessGroup::of(&child);
    let mut stdin = child.stdin.take().expect("stdin is piped");
    // A program that never reads its input must not block the grader: write, then let go.
    tokio::spawn(async move {
        let _ = stdin.write_all(input.text.as_bytes()).await;
        let _ = stdin.flush().await;
        if let Some(close_when) = input.close_when {
            close_when.await;
        }
    });
    let stdout = child.stdout.take().expect("stdout is piped");
    let stderr = child.stderr.take().expect("stderr is piped");

    let mut out = Vec::new();
    let mut err = Vec::new();
    let ending = {
        let reading = read_both(
            stdout,
            stderr,
            &mut out,
            &mut err,
            limits.output_bytes,
            watch,
        );
        tokio::pin!(reading);
        let deadline = tokio::time::sleep(limits.time);
        tokio::pin!(deadline);
        tokio::select! {
            read = &mut reading => match read? {
                ReadEnd::Capped => Ending::Flooded,
                // Both pipes closed: the program is exiting, within what is left of its time.
                ReadEnd::Closed => match tokio::time::timeout_at(deadline.deadline(), child.wait()).await {
                    Ok(status) => Ending::Exited(status?),
                    Err(_) => Ending::TimedOut,
                },
            },
            status = child.wait() => {
                // It exited; read what is left, unless a process it started keeps the pipes.
                match tokio::time::timeout(PIPES_GRACE, &mut reading).await {
                    Ok(Ok(ReadEnd::Capped)) => Ending::Flooded,
                    _ => Ending::Exited(status?),
                }
            }
            () = &mut deadline => Ending::TimedOut,
        }
    };
    if !matches!(ending, Ending::Exited(_)) {
        let _ = child.start_kill();
    }
    group.kill();
    let _ = child.wait().await;
    Ok(RunOutput {
        stdout: String::from_utf8_lossy(&out).into_owned(),
        stderr: String::from_utf8_lossy(&err).into_owned(),
        ending,
        elapsed: started.elapsed(),
    })
}

/// The process group of a child started with `process_group(0)`.
struct ProcessGroup {
    #[cfg(unix)]
    id: Option<u32>,
}

impl ProcessGroup {
    fn of(child: &Child) -> ProcessGroup {
        #[cfg(not(unix))]
        let _ = child;
        ProcessGroup {
            #[cfg(unix)]
            id: child.id(),
        }
    }

    /// Kills every process left in the group.
    fn kill(&self) {
        #[cfg(unix)]
        if let Some(id) = self.id.and_then(|id| i32::try_from(id).ok()) {
            // SAFETY: sends a signal to the group the child leads; no memory is involved.
            unsafe { libc::kill(-id, libc::SIGKILL) };
        }
    }
}

enum ReadEnd {
    Closed,
    Capped,
}

/// Reads both pipes to their end, or until together they pass `cap` bytes; each piece of
/// stdout also goes to `watch`, if any (dropped at the end, which tells its receiver).
async fn read_both(
    mut stdout: impl AsyncRead + Unpin,
    mut stderr: impl AsyncRead + Unpin,
    out: &mut Vec<u8>,
    err: &mut Vec<u8>,
    cap: usize,
    watch: Option<UnboundedSender<Vec<u8>>>,
) -> std::io::Result<ReadEnd> {
    let (mut out_open, mut err_open) = (true, true);
    let mut out_chunk = [0u8; 8192];
    let mut err_chunk = [0u8; 8192];
    while out_open || err_open {
        tokio::select! {
            read = stdout.read(&mut out_chunk), if out_open => {
                let n = read?;
                out_open = n > 0;
                out.extend_from_slice(&out_chunk[..n]);
                if let (Some(watch), true) = (&watch, n > 0) {
                    let _ = watch.send(out_chunk[..n].to_vec());
                }
            }
            read = stderr.read(&mut err_chunk), if err_open => {
                let n = read?;
                err_open = n > 0;
                err.extend_from_slice(&err_chunk[..n]);
            }
        }
        if out.len() + err.len() > cap {
            out.truncate(cap);
            err.truncate(cap.saturating_sub(out.len()));
            return Ok(ReadEnd::Capped);
        }
    }
    Ok(ReadEnd::Closed)
}

/// The last `count` lines of a program's output: where the explanation of a failure usually is.
pub fn last_lines(text: &str, count: usize) -> String {
    let lines: Vec<&str> = text.lines().collect();
    lines[lines.len().saturating_sub(count)..].join("\n")
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    #[tokio::test]
    async fn a_process_left_behind_neither_delays_the_verdict_nor_survives() {
        let mut command = Command::new("sh");
        command.args(["-c", "sleep 30 & echo started"]);
        let limits = Limits {
            time: Duration::from_secs(10),
            ..Limits::default()
        };
        let output = run_limited(command, limits, Input::text("")).await.unwrap();
        assert!(matches!(output.ending, Ending::Exited(status) if status.success()));
        assert_eq!(output.stdout, "started\n");
        assert!(
            output.elapsed < Duration::from_secs(5),
            "{:?}",
            output.elapsed
        );
    }

    #[tokio::test]
    async fn the_time_limit_ends_a_program_that_never_does() {
        let mut command = Command::new("sleep");
        command.arg("30");
        let limits = Limits {
            time: Duration::from_millis(200),
            ..Limits::default()
        };
        let output = run_limited(command, limits, Input::text("")).await.unwrap();
        assert_eq!(output.ending, Ending::TimedOut);
    }
}
