//! Runs untrusted programs (a student's harness) with limits: a time limit and a cap on output.
//! Whatever the program does, `run_limited` returns within the time limit, and the child is
//! killed on every path out of it.

use std::process::{ExitStatus, Stdio};
use std::time::{Duration, Instant};

use tokio::io::{AsyncRead, AsyncReadExt};
use tokio::process::Command;

/// The limits one run of a student's program gets.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// Real time before the child is killed.
    pub time: Duration,
    /// Bytes of stdout and stderr, together, before the child is killed.
    pub output_bytes: usize,
}

impl Default for Limits {
    fn default() -> Limits {
        Limits {
            time: Duration::from_secs(15),
            output_bytes: 1 << 20,
        }
    }
}

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

/// Runs `command` to its end, or kills it at the first limit it passes.
pub async fn run_limited(mut command: Command, limits: Limits) -> std::io::Result<RunOutput> {
    command
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .kill_on_drop(true);
    let started = Instant::now();
    let mut child = command.spawn()?;
    let stdout = child.stdout.take().expect("stdout is piped");
    let stderr = child.stderr.take().expect("stderr is piped");

    let mut out = Vec::new();
    let mut err = Vec::new();
    let reading = read_both(stdout, stderr, &mut out, &mut err, limits.output_bytes);
    let ending = match tokio::time::timeout(limits.time, reading).await {
        Ok(Ok(ReadEnd::Closed)) => {
            // Both pipes closed: the program is exiting. A program that closed its pipes but
            // lives on still gets only what is left of its time.
            let left = limits.time.saturating_sub(started.elapsed());
            match tokio::time::timeout(left, child.wait()).await {
                Ok(status) => Ending::Exited(status?),
                Err(_) => Ending::TimedOut,
            }
        }
        Ok(Ok(ReadEnd::Capped)) => Ending::Flooded,
        Ok(Err(error)) => return Err(error),
        Err(_) => Ending::TimedOut,
    };
    if !matches!(ending, Ending::Exited(_)) {
        let _ = child.kill().await;
    }
    Ok(RunOutput {
        stdout: String::from_utf8_lossy(&out).into_owned(),
        stderr: String::from_utf8_lossy(&err).into_owned(),
        ending,
        elapsed: started.elapsed(),
    })
}

enum ReadEnd {
    Closed,
    Capped,
}

/// Reads both pipes to their end, or until together they pass `cap` bytes.
async fn read_both(
    mut stdout: impl AsyncRead + Unpin,
    mut stderr: impl AsyncRead + Unpin,
    out: &mut Vec<u8>,
    err: &mut Vec<u8>,
    cap: usize,
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
