//! The terminal report: a row per exercise, a row per check with its points, and for each
//! failure what went wrong, the evidence (a side-by-side timeline, the compiler's errors) and a
//! hint. Colour goes through `anstream`, which drops it when `NO_COLOR` is set or the output is
//! not a terminal.

use std::fmt::Write;

use anstyle::{AnsiColor, Style};

use crate::tr;
use crate::verdict::{Grade, Status};

/// How wide the report's prose is wrapped.
const WIDTH: usize = 96;

const BOLD: Style = Style::new().bold();
const DIM: Style = Style::new().dimmed();
/// What a student must act on beside the checks (an exercise's folder to move).
const NOTICE: Style = Style::new()
    .bold()
    .fg_color(Some(anstyle::Color::Ansi(AnsiColor::Yellow)));

fn colour(status: Status) -> Style {
    let colour = match status {
        Status::Passed => AnsiColor::Green,
        Status::NotDone => AnsiColor::Yellow,
        Status::TimedOut | Status::Failed | Status::CompileError => AnsiColor::Red,
    };
    Style::new().fg_color(Some(colour.into()))
}

fn symbol(status: Status) -> &'static str {
    match status {
        Status::Passed => "✓",
        Status::NotDone => "○",
        Status::TimedOut => "⏱",
        Status::Failed => "✗",
        Status::CompileError => "✗",
    }
}

/// The report, with colour codes (strip them with `anstream` when printing).
pub fn render(grade: &Grade) -> String {
    let mut out = String::new();
    let alarm = Style::new().bold().fg_color(Some(AnsiColor::Red.into()));
    if !grade.tampered.is_empty() {
        let _ = writeln!(
            out,
            "{alarm}!! {}{alarm:#}\n   {}\n",
            tr!("report-tampered", manifest = crate::integrity::MANIFEST),
            grade.tampered.join("\n   ")
        );
    }
    for exercise in &grade.exercises {
        let style = colour(exercise.status);
        let _ = writeln!(
            out,
            "{style}{} {BOLD}{}{BOLD:#}{style} {}{style:#}  {}  {DIM}{}{DIM:#}",
            symbol(exercise.status),
            exercise.name,
            exercise.status.label(),
            tr!(
                "report-points",
                points = exercise.points,
                max_points = exercise.max_points
            ),
            exercise.title,
        );
        for note in &exercise.notes {
            let wrapped = textwrap::fill(
                note,
                textwrap::Options::new(WIDTH - 4)
                    .initial_indent("  ! ")
                    .subsequent_indent("    "),
            );
            let _ = writeln!(out, "{NOTICE}{wrapped}{NOTICE:#}");
        }
        let mut details_shown: Vec<&str> = Vec::new();
        let id_width = exercise
            .checks
            .iter()
            .map(|c| c.id.len())
            .max()
            .unwrap_or(0);
        for check in &exercise.checks {
            let style = colour(check.status);
            let _ = writeln!(
                out,
                "    {style}{} {:<id_width$}{style:#}  {}/{}  {}",
                symbol(check.status),
                check.id,
                check.points,
                check.max_points,
                check.title,
            );
            if check.status == Status::Passed {
                continue;
            }
            for line in textwrap::wrap(&check.message, WIDTH - 8) {
                let _ = writeln!(out, "        {line}");
            }
            // A compile error stops every check that needs the build: show its text once.
            if let Some(details) = &check.details {
                if details_shown.contains(&details.as_str()) {
                    let _ = writeln!(out, "        {DIM}{}{DIM:#}", tr!("report-as-shown-above"));
                } else {
                    details_shown.push(details);
                    let _ = writeln!(out);
                    for line in details.lines() {
                        let _ = writeln!(out, "          {line}");
                    }
                    let _ = writeln!(out);
                }
            }
            if let Some(hint) = &check.hint {
                let wrapped = textwrap::fill(
                    &tr!("report-hint", hint = hint.as_str()),
                    textwrap::Options::new(WIDTH - 8).subsequent_indent("        "),
                );
                let _ = writeln!(out, "        {DIM}{wrapped}{DIM:#}");
            }
        }
    }
    let passed = grade
        .exercises
        .iter()
        .filter(|exercise| exercise.status == Status::Passed)
        .count();
    let _ = writeln!(
        out,
        "\n{BOLD}{}{BOLD:#}: {}",
        tr!(
            "report-points",
            points = grade.points,
            max_points = grade.max_points
        ),
        tr!(
            "report-exercises-passed",
            passed = passed,
            exercises = grade.exercises.len()
        )
    );
    if let Some(next) = grade
        .exercises
        .iter()
        .find(|exercise| exercise.status != Status::Passed)
    {
        let _ = writeln!(
            out,
            "{}",
            tr!(
                "report-next",
                dir = next.dir.as_str(),
                exercise = next.name.as_str()
            )
        );
    }
    out
}

/// `list`: one row per exercise, in course order.
pub fn render_list(grade: &Grade) -> String {
    let mut out = String::new();
    let width = grade
        .exercises
        .iter()
        .map(|e| e.name.len())
        .max()
        .unwrap_or(0);
    for (number, exercise) in grade.exercises.iter().enumerate() {
        let style = colour(exercise.status);
        let _ = writeln!(
            out,
            "{:>2}. {style}{} {:<width$} {:<16}{style:#} {:>2}/{:<2}  {DIM}{}{DIM:#}",
            number + 1,
            symbol(exercise.status),
            exercise.name,
            exercise.status.label(),
            exercise.points,
            exercise.max_points,
            exercise.title,
        );
    }
    let _ = writeln!(
        out,
        "\n{}",
        tr!(
            "report-points",
            points = grade.points,
            max_points = grade.max_points
        )
    );
    out
}
