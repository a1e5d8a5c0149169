//! What grading produces: a status and a message per check, rolled up per exercise.
//! The report formats (`report::human`, `report::json`) read these and nothing else.

use serde::Serialize;

use crate::tr;

/// How one check, or one whole exercise, went.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Passed,
    /// Still `todo!()`, or a file the student has not filled in yet.
    NotDone,
    /// The program ran past its time limit and was stopped.
    TimedOut,
    Failed,
    /// The crate did not compile, so nothing that needs to run it could be checked.
    CompileError,
}

impl Status {
    /// The words the report shows, in the current language.
    pub fn label(self) -> String {
        match self {
            Status::Passed => tr!("status-passed"),
            Status::NotDone => tr!("status-not-done"),
            Status::TimedOut => tr!("status-timed-out"),
            Status::Failed => tr!("status-failed"),
            Status::CompileError => tr!("status-compile-error"),
        }
    }
}

/// The verdict of one check, before the course file gives it its points.
#[derive(Debug, Clone, PartialEq)]
pub struct Outcome {
    pub status: Status,
    /// One or two sentences that say what happened and, for a failure, what to do.
    pub message: String,
    /// The catalogue id of the message's main sentence, when it has one: the kind of mistake,
    /// whatever its words and language (`class` counts the commonest).
    pub message_id: Option<&'static str>,
    /// Optional longer evidence: a side-by-side timeline, a compiler error, a diff.
    pub details: Option<String>,
}

impl Outcome {
    pub fn passed(message: impl Into<String>) -> Outcome {
        Outcome::new(Status::Passed, message)
    }

    pub fn failed(message: impl Into<String>) -> Outcome {
        Outcome::new(Status::Failed, message)
    }

    pub fn new(status: Status, message: impl Into<String>) -> Outcome {
        let message = message.into();
        Outcome {
            status,
            message_id: crate::i18n::id_of(&message),
            message,
            details: None,
        }
    }

    /// This outcome if it failed; else the outcome of `next` if that one fails; else this one.
    pub fn and_then(self, next: impl FnOnce() -> Outcome) -> Outcome {
        if self.status != Status::Passed {
            return self;
        }
        let next = next();
        if next.status == Status::Passed {
            self
        } else {
            next
        }
    }

    /// Adds the evidence, capped (see [`capped`]): a program that floods its output must not
    /// flood the report, in any format.
    pub fn with_details(mut self, details: impl Into<String>) -> Outcome {
        let details = capped(&details.into());
        self.details = (!details.trim().is_empty()).then_some(details);
        self
    }
}

/// How many characters of one line of details a report shows.
pub const LONGEST_DETAILS_LINE: usize = 200;

/// How many lines of details a report shows.
pub const MOST_DETAILS_LINES: usize = 80;

/// Details as a report shows them: each line at most [`LONGEST_DETAILS_LINE`] characters (a
/// longer one ends with `…`), and at most [`MOST_DETAILS_LINES`] lines, then how many more
/// there were.
pub fn capped(details: &str) -> String {
    let lines: Vec<&str> = details.lines().collect();
    let mut shown: Vec<String> = lines
        .iter()
        .take(MOST_DETAILS_LINES)
        .map(|line| match line.char_indices().nth(LONGEST_DETAILS_LINE) {
            Some((cut, _)) => format!("{}…", &line[..cut]),
            None => line.to_string(),
        })
        .collect();
    if lines.len() > MOST_DETAILS_LINES {
        shown.push(tr!(
            "report-more-lines",
            count = lines.len() - MOST_DETAILS_LINES
        ));
    }
    shown.join("\n")
}

/// One graded check, with its points.
#[derive(Debug, Clone, Serialize)]
pub struct CheckReport {
    #[serde(rename = "name")]
    pub id: String,
    pub title: String,
    pub status: Status,
    pub points: u32,
    pub max_points: u32,
    pub message: String,
    /// See [`Outcome::message_id`].
    #[serde(skip)]
    pub message_id: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub details: Option<String>,
    /// The course file's hint for this check, given with a failure.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hint: Option<String>,
}

/// One graded exercise.
#[derive(Debug, Clone, Serialize)]
pub struct ExerciseReport {
    pub name: String,
    /// Its folder under `exercises/`: its name, kept as a field of its own for the programs that
    /// read `--format json`.
    pub dir: String,
    pub title: String,
    pub status: Status,
    pub points: u32,
    pub max_points: u32,
    pub checks: Vec<CheckReport>,
    /// What the student should know about the exercise beyond its checks (a folder left from
    /// before the course renamed it), shown above them.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
}

impl ExerciseReport {
    /// Rolls the checks up: passed when all passed; otherwise the gravest status among them,
    /// so that one failure is not hidden behind checks that are merely not done yet.
    pub fn new(exercise: &crate::course::Exercise, checks: Vec<CheckReport>) -> ExerciseReport {
        let status = checks
            .iter()
            .map(|check| check.status)
            .max()
            .unwrap_or(Status::Passed);
        ExerciseReport {
            name: exercise.name.clone(),
            dir: exercise.name.clone(),
            title: exercise.title.get().clone(),
            status,
            points: checks.iter().map(|check| check.points).sum(),
            max_points: exercise.max_points(),
            checks,
            notes: Vec::new(),
        }
    }
}

/// The grade of a whole run.
#[derive(Debug, Clone, Serialize)]
pub struct Grade {
    pub exercises: Vec<ExerciseReport>,
    pub points: u32,
    pub max_points: u32,
    /// What kept the grader from grading some exercise (its own data missing or broken): the
    /// run then ends with the grader's error status.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub problems: Vec<String>,
    /// Grading files that differ from the sealed manifest (`integrity`): reported loudly.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub tampered: Vec<String>,
}

impl Grade {
    pub fn new(exercises: Vec<ExerciseReport>, problems: Vec<String>) -> Grade {
        Grade {
            points: exercises.iter().map(|exercise| exercise.points).sum(),
            max_points: exercises.iter().map(|exercise| exercise.max_points).sum(),
            exercises,
            problems,
            tampered: Vec::new(),
        }
    }

    pub fn all_passed(&self) -> bool {
        self.exercises
            .iter()
            .all(|exercise| exercise.status == Status::Passed)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn details_are_capped_in_width_and_length() {
        let flood: String = (0..1000)
            .map(|n| format!("{n} {}\n", "x".repeat(1000)))
            .collect();
        let outcome = Outcome::failed("flooded").with_details(flood);
        let details = outcome.details.unwrap();
        let lines: Vec<&str> = details.lines().collect();
        assert_eq!(lines.len(), MOST_DETAILS_LINES + 1);
        assert!(lines[0].ends_with('…') && lines[0].chars().count() == LONGEST_DETAILS_LINE + 1);
        assert_eq!(lines[MOST_DETAILS_LINES], "... and 920 more lines");
        assert_eq!(Outcome::failed("x").with_details("\n \n").details, None);
    }
}
