//! Runs an exercise's harness binary, one scenario at a time, and reads its output back as a
//! [`Run`]: the timeline, the panic, the watchdog's report. Each run gets a fresh marker token
//! and the limits of [`crate::child`].

use std::future::Future;
use std::hash::{BuildHasher, Hasher};
use std::path::{Path, PathBuf};
use std::pin::Pin;

use grader_kit::protocol::{Event, Piece, TOKEN_ON_STDIN_VAR, VIRTUAL_LIMIT_VAR, split_line};
use tokio::process::Command;
use tokio::sync::mpsc::{UnboundedSender, unbounded_channel};

use crate::child::{Ending, Input, Limits, RunOutput, run_limited_watched};
use crate::timeline::{Returned, Timeline};

/// A built harness, ready to run scenarios.
#[derive(Debug, Clone)]
pub struct Harness {
    pub binary: PathBuf,
    pub limits: Limits,
    /// The folder the harness runs in: the graded crate's, so relative paths work as with
    /// `cargo run`.
    pub workdir: PathBuf,
}

impl Harness {
    /// Runs one scenario (the harness's arguments) to its end or its limits.
    pub async fn run(&self, args: &[&str]) -> Result<Run, String> {
        self.run_until(args, None, None).await
    }

    /// Runs one scenario on the paused clock, with the scenario's own limit of tokio's time
    /// when it has one (`None`: the kit's ten minutes).
    pub async fn run_scenario(
        &self,
        args: &[&str],
        virtual_limit_s: Option<u64>,
    ) -> Result<Run, String> {
        self.spawn(args, None, virtual_limit_s, None, None).await
    }

    /// Runs a scenario whose harness serves until its standard input ends: when `stop`
    /// completes (or at its limits). With a `proxy` (the URL of a [`crate::mock::proxy`]), every
    /// request for anywhere but 127.0.0.1 goes there.
    pub async fn run_until(
        &self,
        args: &[&str],
        stop: Option<Pin<Box<dyn Future<Output = ()> + Send>>>,
        proxy: Option<&str>,
    ) -> Result<Run, String> {
        self.spawn(args, stop, None, proxy, None).await
    }

    /// [`Harness::run_until`], also sending each marker to `markers` as the harness writes it,
    /// while it runs: a server's harness [`grader_kit::report`]s the port it listens on, and the
    /// grader, its client, connects to it. The channel closes when the harness's output ends.
    pub async fn run_watched(
        &self,
        args: &[&str],
        stop: Option<Pin<Box<dyn Future<Output = ()> + Send>>>,
        markers: UnboundedSender<Event>,
    ) -> Result<Run, String> {
        self.spawn(args, stop, None, None, Some(markers)).await
    }

    async fn spawn(
        &self,
        args: &[&str],
        stop: Option<Pin<Box<dyn Future<Output = ()> + Send>>>,
        virtual_limit_s: Option<u64>,
        proxy: Option<&str>,
        markers: Option<UnboundedSender<Event>>,
    ) -> Result<Run, String> {
        let token = fresh_token();
        let mut command = Command::new(&self.binary);
        command
            .args(args)
            .current_dir(&self.workdir)
            .env(TOKEN_ON_STDIN_VAR, "1")
            // The student's program should not colour or page anything it prints.
            .env("NO_COLOR", "1")
            .env_remove("RUST_LOG");
        // The mocks are on 127.0.0.1: no request of the student's may go through the proxy of
        // the grader's environment. A request for anywhere else goes to `proxy` (which refuses
        // it, and records where it was going), or nowhere.
        for variable in ["HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY"] {
            let lowercase = variable.to_lowercase();
            command.env_remove(variable).env_remove(&lowercase);
            if let Some(proxy) = proxy {
                command.env(variable, proxy).env(lowercase, proxy);
            }
        }
        command
            .env("NO_PROXY", "127.0.0.1,localhost")
            .env("no_proxy", "127.0.0.1,localhost")
            // (reqwest ignores `HTTP_PROXY` when this says it runs as a CGI script.)
            .env_remove("REQUEST_METHOD");
        // A bot reads nothing of the grader's Telegram settings: not a real token, nor a proxy
        // or an API server of the student's.
        for variable in ["TELOXIDE_TOKEN", "TELOXIDE_PROXY", "TELOXIDE_API_URL"] {
            command.env_remove(variable);
        }
        // The files GitHub Actions reads a job's results from (and Classroom 50 its status):
        // only the grader writes there, never the student's program.
        for runner_file in [
            "GITHUB_OUTPUT",
            "GITHUB_ENV",
            "GITHUB_PATH",
            "GITHUB_STEP_SUMMARY",
        ] {
            command.env_remove(runner_file);
        }
        match virtual_limit_s {
            Some(seconds) => command.env(VIRTUAL_LIMIT_VAR, (seconds * 1000).to_string()),
            None => command.env_remove(VIRTUAL_LIMIT_VAR),
        };
        let input = Input {
            text: format!("{token}\n"),
            close_when: stop,
        };
        let watch = markers.map(|markers| watch_markers(token.clone(), markers));
        let output = run_limited_watched(command, self.limits, input, watch)
            .await
            .map_err(|error| format!("cannot run {}: {error}", self.binary.display()))?;
        Ok(Run::parse(&output, &token))
    }
}

/// A channel for the pieces of a harness's stdout, whose markers (with the run's `token`) a task
/// forwards to `markers`, line by line, as they come.
fn watch_markers(token: String, markers: UnboundedSender<Event>) -> UnboundedSender<Vec<u8>> {
    let (pieces, mut received) = unbounded_channel::<Vec<u8>>();
    tokio::spawn(async move {
        let mut pending = Vec::new();
        while let Some(piece) = received.recv().await {
            pending.extend_from_slice(&piece);
            while let Some(end) = pending.iter().position(|&byte| byte == b'\n') {
                let line: Vec<u8> = pending.drain(..=end).collect();
                let line = String::from_utf8_lossy(&line[..end]);
                for piece in split_line(&token, line.strip_suffix('\r').unwrap_or(&line)) {
                    if let Piece::Marker(event) = piece {
                        let _ = markers.send(event);
                    }
                }
            }
        }
    });
    pieces
}

/// Everything one run of a harness told.
#[derive(Debug, Clone)]
pub struct Run {
    pub timeline: Timeline,
    /// The first panic, as `(message, location)`: the one that explains the rest.
    pub panic: Option<(String, Option<String>)>,
    /// The watchdog's report, when it ended the run (`Blocked`, `Stuck` or `TooLong`).
    pub watchdog: Option<Event>,
    /// The longest stretch of real time the runtime's thread ran without waiting, and the
    /// virtual instant it started at: a `std::thread::sleep` stops the thread while tokio's
    /// clock stands still.
    pub longest_stall: Stall,
    /// Text that was printed without a line break after it (`print!` rather than `println!`).
    pub unterminated: Vec<String>,
    pub ending: Ending,
    /// Everything the run printed, as it printed it: standard output (markers and all), and
    /// standard error.
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    /// Reads a harness's output; `token` is the run's marker token.
    ///
    /// A line is filed at the virtual instant of the marker before it: tokio's clock only moves
    /// while the runtime waits, between a `Park` and the next `Wake`, when no task prints.
    pub fn parse(output: &RunOutput, token: &str) -> Run {
        let mut timeline = Timeline::default();
        let mut panic = None;
        let mut watchdog = None;
        let mut unterminated = Vec::new();
        let mut now_ms = 0;
        let mut longest_stall = Stall::default();
        let mut forgiven = None;
        // The real instant the runtime's thread last started running (the run's start at first).
        let mut running_since_ms = 0;
        for line in output.stdout.lines() {
            let pieces = split_line(token, line.strip_suffix('\r').unwrap_or(line));
            let shares_a_line = pieces.len() > 1;
            for piece in pieces {
                let event = match piece {
                    Piece::Text(text) => {
                        if shares_a_line {
                            unterminated.push(text.clone());
                        }
                        timeline.print(now_ms, text);
                        continue;
                    }
                    Piece::Marker(event) => event,
                };
                match event {
                    Event::Park {
                        virtual_ms,
                        real_ms,
                    } => {
                        longest_stall.note(running_since_ms, real_ms, now_ms);
                        now_ms = virtual_ms;
                    }
                    Event::Wake {
                        virtual_ms,
                        real_ms,
                    } => {
                        running_since_ms = real_ms;
                        now_ms = virtual_ms;
                    }
                    Event::Done {
                        virtual_ms,
                        real_ms,
                        result,
                        alive_tasks,
                    } => {
                        longest_stall.note(running_since_ms, real_ms, now_ms);
                        now_ms = virtual_ms;
                        timeline.returned = Some(Returned {
                            at_ms: virtual_ms,
                            value: result,
                            alive_tasks,
                        });
                    }
                    // A task that panics on purpose, inside the harness's `expecting_panics`:
                    // kept aside, in case the run then ends without its result.
                    Event::Panic {
                        expected: true,
                        message,
                        location,
                    } => {
                        forgiven.get_or_insert((message, location));
                    }
                    Event::Panic {
                        message, location, ..
                    } => {
                        panic.get_or_insert((message, location));
                    }
                    event @ (Event::Blocked { .. }
                    | Event::Stuck { .. }
                    | Event::TooLong { .. }) => {
                        watchdog = Some(event);
                    }
                }
            }
        }
        // An expected panic that the graded call never got past (a `JoinError` unwrapped, say)
        // is what ended the run after all.
        if panic.is_none() && timeline.returned.is_none() {
            panic = forgiven;
        }
        Run {
            timeline,
            panic,
            watchdog,
            longest_stall,
            unterminated,
            ending: output.ending.clone(),
            stdout: output.stdout.clone(),
            stderr: output.stderr.clone(),
        }
    }

    /// The panic, when it is a `todo!()` or `unimplemented!()` still in place: `Some` with its
    /// location, when the panic gave one.
    pub fn unfinished(&self) -> Option<Option<&str>> {
        let (message, location) = self.panic.as_ref()?;
        let unfinished =
            message.starts_with("not yet implemented") || message.starts_with("not implemented");
        unfinished.then_some(location.as_deref())
    }
}

/// A stretch of real time the runtime's thread ran without waiting: `real_ms` long, from the
/// virtual instant `at_ms`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Stall {
    pub real_ms: u64,
    pub at_ms: u64,
}

impl Stall {
    /// Keeps the stretch from `from_real_ms` to `to_real_ms`, at the virtual `at_ms`, if it is the
    /// longest yet.
    fn note(&mut self, from_real_ms: u64, to_real_ms: u64, at_ms: u64) {
        let real_ms = to_real_ms.saturating_sub(from_real_ms);
        if real_ms > self.real_ms {
            *self = Stall { real_ms, at_ms };
        }
    }
}

/// A token no student output will contain by chance: random per process and per call.
fn fresh_token() -> String {
    let mut hasher = std::collections::hash_map::RandomState::new().build_hasher();
    hasher.write_u128(
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|elapsed| elapsed.as_nanos())
            .unwrap_or_default(),
    );
    hasher.write_u32(std::process::id());
    format!("{:016x}", hasher.finish())
}

/// Reads the text stored in an insta snapshot (`fixtures/<dir>/snapshots/<name>.snap`).
pub fn expected_text(snapshots: &Path, name: &str) -> Result<String, String> {
    let path = snapshots.join(format!("{name}.snap"));
    let snapshot = insta::Snapshot::from_file(&path)
        .map_err(|error| format!("cannot read the snapshot {}: {error}", path.display()))?;
    snapshot
        .as_text()
        .map(|text| text.to_string())
        .ok_or_else(|| format!("{} is not a text snapshot", path.display()))
}

/// Reads the timeline stored in an insta snapshot (`fixtures/<dir>/snapshots/<name>.snap`).
///
/// The grader only reads snapshots: it never writes one, so grading a student's tree leaves
/// no `.snap.new` behind. They are written by the project's tests and reviewed with
/// `cargo insta review`.
pub fn expected_timeline(snapshots: &Path, name: &str) -> Result<Timeline, String> {
    let text = expected_text(snapshots, name)?;
    Timeline::parse_rendered(&text).map_err(|error| format!("{name}.snap: {error}"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use grader_kit::protocol::marker_line;

    fn output(stdout: String) -> RunOutput {
        RunOutput {
            stdout,
            stderr: String::new(),
            ending: Ending::TimedOut,
            elapsed: std::time::Duration::ZERO,
        }
    }

    fn park(virtual_ms: u64) -> String {
        marker_line(
            "k",
            &Event::Park {
                virtual_ms,
                real_ms: 0,
            },
        )
    }

    fn wake(virtual_ms: u64) -> String {
        marker_line(
            "k",
            &Event::Wake {
                virtual_ms,
                real_ms: 0,
            },
        )
    }

    #[test]
    fn lines_are_filed_under_the_instant_of_the_marker_before_them() {
        let done = marker_line(
            "k",
            &Event::Done {
                virtual_ms: 1000,
                real_ms: 2,
                result: serde_json::json!([2]),
                alive_tasks: 0,
            },
        );
        let stdout = format!("b\na\n{}\n{}\nc\n{done}\n", park(0), wake(1000));
        let run = Run::parse(&output(stdout), "k");
        assert_eq!(
            run.timeline.render(),
            "t=0s\n  a\n  b\nt=1s\n  c\nreturned at t=1s: [2]"
        );
    }

    #[test]
    fn lines_after_the_last_marker_are_at_its_instant() {
        let stdout = format!("a\n{}\n{}\nb\n", park(0), wake(3000));
        let run = Run::parse(&output(stdout), "k");
        assert_eq!(
            run.timeline.render(),
            "t=0s\n  a\nt=3s\n  b\nnever returned"
        );
    }

    #[test]
    fn text_sharing_a_line_with_a_marker_was_printed_without_a_line_break() {
        let stdout = format!("half{}\n", park(0));
        let run = Run::parse(&output(stdout), "k");
        assert_eq!(run.unterminated, vec!["half".to_string()]);
    }

    #[test]
    fn todo_is_told_apart_from_other_panics() {
        let panic = marker_line(
            "k",
            &Event::Panic {
                message: "not yet implemented: later".into(),
                location: Some("src/lib.rs:3:5".into()),
                expected: false,
            },
        );
        let run = Run::parse(&output(panic), "k");
        assert_eq!(run.unfinished(), Some(Some("src/lib.rs:3:5")));
    }

    #[test]
    fn an_expected_panic_is_not_the_runs_panic_unless_the_call_never_returned() {
        let panic = marker_line(
            "k",
            &Event::Panic {
                message: "boom".into(),
                location: None,
                expected: true,
            },
        );
        let done = marker_line(
            "k",
            &Event::Done {
                virtual_ms: 0,
                real_ms: 0,
                result: serde_json::json!(null),
                alive_tasks: 0,
            },
        );
        assert_eq!(
            Run::parse(&output(format!("{panic}\n{done}")), "k").panic,
            None
        );
        assert_eq!(
            Run::parse(&output(panic), "k").panic,
            Some(("boom".to_string(), None))
        );
    }

    #[test]
    fn the_longest_stall_is_found_from_the_markers_real_times() {
        let marker = |event: Event| marker_line("k", &event);
        let stdout = [
            marker(Event::Park {
                virtual_ms: 0,
                real_ms: 2,
            }),
            marker(Event::Wake {
                virtual_ms: 1000,
                real_ms: 3,
            }),
            "hello".to_string(),
            // A `std::thread::sleep(1 s)`: a second of real time before the next wait.
            marker(Event::Park {
                virtual_ms: 1000,
                real_ms: 1004,
            }),
            marker(Event::Wake {
                virtual_ms: 2000,
                real_ms: 1005,
            }),
        ]
        .join("\n");
        let run = Run::parse(&output(stdout), "k");
        assert_eq!(
            run.longest_stall,
            Stall {
                real_ms: 1001,
                at_ms: 1000
            }
        );
    }
}
