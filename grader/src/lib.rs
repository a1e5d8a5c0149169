//! The course's grader: compiles each exercise on its own, runs it under watch, and explains
//! what passed and what did not.
//!
//! # Layout
//!
//! - [`cli`]: the command line and its exit codes.
//! - [`runner`]: grades a selection of exercises, start to end.
//! - [`course`]: `course.toml`, the single source of the exercises' order, checks, points and
//!   hints.
//! - [`cargo`]: builds every selected harness in one `cargo build --keep-going`, and tells
//!   which exercise each compile error belongs to.
//! - [`child`]: runs untrusted programs with a time limit and an output cap.
//! - [`harness`]: runs one scenario of an exercise's harness and reads its output back as a
//!   run (timeline, panic, watchdog); reads the stored snapshots.
//! - [`timeline`]: lines per virtual instant, and their text form in the snapshots.
//! - [`checks`]: the kinds of check `course.toml` declares as data (timeline, prediction), and
//!   the verdicts every kind shares (compile errors, runs that ended badly).
//! - [`exercises`]: the custom checks, one module per exercise that needs code of its own.
//! - [`mock`]: local servers that stand in for the internet (IP services, pages, a picture
//!   search, Telegram).
//! - [`verdict`]: statuses, outcomes and reports with points.
//! - [`integrity`]: the sealed manifest of the grading files, and tamper detection.
//! - [`submission`]: a student's answer files graded with the instructor's course
//!   (`--submission`); [`class`]: a whole class of them, into a gradebook;
//!   [`former_folders`]: answers kept in an exercise's folder from before it was renamed.
//! - [`export`]: the student template: the course without its solutions, its stubs as
//!   committed; [`classroom50`]: Classroom 50's autograder folder around it.
//! - [`git`]: what `export` and `reset` ask git about the course (HEAD, the first commit, what
//!   changed, a committed file).
//! - [`report`]: the human, JSON and classroom formats of a grade.
//! - [`i18n`]: the two languages of the messages (English, Russian) and their catalogues.
//! - [`progress`]: the spinner.
//! - [`dev`]: the course author's tools: `dev check` (proves the course), `dev update` (the files
//!   made from `course.toml`), `dev new` (a new timeline exercise), `dev snapshots`.
//! - [`chat`]: image-bot's bot, tried by hand against the mock Telegram.
//! - [`watch`], [`hints`], [`reset`]: the student's loop (grade again at each save), tiered
//!   hints, and an exercise put back as shipped.
//!
//! The in-process half, which runs inside the student's program, is the `grader-kit` crate.
//! Imports run one way: the runner uses the checks (`checks`, then `exercises`), the checks use
//! the harness, the mocks and the timelines, and the reports read only verdicts.

pub mod cargo;
pub mod chat;
pub mod checks;
pub mod child;
pub mod class;
pub mod classroom50;
pub mod cli;
pub mod course;
pub mod dev;
pub mod exercises;
pub mod export;
pub mod former_folders;
pub mod git;
pub mod harness;
pub mod hints;
pub mod i18n;
pub mod integrity;
pub mod mock;
pub mod progress;
pub mod report;
pub mod reset;
pub mod runner;
pub mod submission;
pub mod timeline;
pub mod verdict;
pub mod watch;
