//! `--format classroom50`: what Classroom 50's runner reads after the course's `autograder.py`
//! ran, in the student's checkout (`--out`):
//!
//! - `result.json`, schema `classroom50/result/v1`: every field of the schema, the runner's
//!   values from the environment (`CLASSROOM`, `ASSIGNMENT`, `SUBMISSION_TAG`, `COMMIT_URL`,
//!   `RELEASE_URL`, `REVIEW_URL`, `OWNER`, `ASSIGNMENT_TYPE`, `GITHUB_ACTOR`), a test per
//!   check with integer points;
//! - `release-body.md`: the submission's release notes, each check's verdict and message;
//! - `status=` and `summary=`, appended to `$GITHUB_OUTPUT` (the commit's status).
//!
//! The human report goes to the job's log as well.

use std::path::Path;

use serde_json::{Value, json};

use crate::tr;
use crate::verdict::{Grade, Status};

/// The runner's variables, by name (the process's environment, or a test's).
pub type Env<'a> = &'a dyn Fn(&str) -> Option<String>;

/// `result.json`; `now` is the instant of grading, as `2026-03-02T10:16:40Z`.
pub fn result_json(grade: &Grade, env: Env<'_>, now: &str) -> Value {
    let value = |name: &str| env(name).filter(|value| !value.is_empty());
    let tests: Vec<Value> = grade
        .exercises
        .iter()
        .flat_map(|exercise| {
            exercise.checks.iter().map(|check| {
                json!({
                    "test-name": format!("{}/{}", exercise.name, check.id),
                    "passed": check.status == Status::Passed,
                    "score": check.points,
                    "max-score": check.max_points,
                    "message": check.message,
                })
            })
        })
        .collect();
    let commit = value("COMMIT_URL").unwrap_or_default();
    let mut result = json!({
        "schema": "classroom50/result/v1",
        "classroom": value("CLASSROOM").unwrap_or_default(),
        "assignment": value("ASSIGNMENT").unwrap_or_default(),
        "assignment_type": value("ASSIGNMENT_TYPE").unwrap_or_else(|| "individual".into()),
        "owner": value("OWNER").or_else(|| value("USERNAME")).unwrap_or_default(),
        "submission": value("SUBMISSION_TAG").unwrap_or_default(),
        "commit": commit,
        "release": value("RELEASE_URL").unwrap_or_default(),
        "review": value("REVIEW_URL").unwrap_or_else(|| commit.clone()),
        "datetime": now,
        "graded_at": now,
        "score": grade.points,
        "max-score": grade.max_points,
        "tests": tests,
    });
    if let Some(actor) = value("GITHUB_ACTOR") {
        let id = value("GITHUB_ACTOR_ID").and_then(|id| id.parse::<u64>().ok());
        result["submitted_by"] = json!({ "username": actor, "id": id });
    }
    result
}

/// The commit status: `success` when every check passed, `failure` when some did not, `error`
/// when the grader itself could not grade an exercise; and its one-line summary.
pub fn status_and_summary(grade: &Grade) -> (&'static str, String) {
    let checks = grade.exercises.iter().flat_map(|exercise| &exercise.checks);
    let (passed, total) = checks.fold((0, 0), |(passed, total), check| {
        (
            passed + usize::from(check.status == Status::Passed),
            total + 1,
        )
    });
    let status = if !grade.problems.is_empty() {
        "error"
    } else if passed == total {
        "success"
    } else {
        "failure"
    };
    let summary = tr!(
        "classroom50-summary",
        points = grade.points,
        max_points = grade.max_points,
        passed = passed,
        checks = total
    );
    (status, summary.replace(['\r', '\n'], " "))
}

/// `release-body.md`: the points, then a row per check with its verdict and message.
pub fn release_body(grade: &Grade) -> String {
    /// A message longer than this is cut in the table (the whole of it is in result.json).
    const LONGEST: usize = 600;
    let cell = |text: &str| {
        let mut text: String = text.chars().take(LONGEST).collect();
        if text.len() < text.chars().count() || text.chars().count() == LONGEST {
            text.push('…');
        }
        text.replace('|', "\\|").replace(['\r', '\n'], " ")
    };
    let mut body = format!(
        "### {}\n\n| {} |\n|---|---|---|---|\n",
        tr!(
            "classroom-total",
            points = grade.points,
            max_points = grade.max_points
        ),
        tr!("classroom50-columns")
    );
    for exercise in &grade.exercises {
        for check in &exercise.checks {
            let mark = if check.status == Status::Passed {
                "✅"
            } else {
                "❌"
            };
            body.push_str(&format!(
                "| {}/{} | {mark} {} | {}/{} | {} |\n",
                exercise.name,
                check.id,
                check.status.label(),
                check.points,
                check.max_points,
                cell(&check.message)
            ));
        }
    }
    for problem in &grade.problems {
        body.push_str(&format!("\n> ⚠️ {}\n", cell(problem)));
    }
    body
}

/// Writes `result.json` and `release-body.md` into `out`, then the status to `$GITHUB_OUTPUT`
/// (last: once it is there, the result is complete).
pub fn write_all(grade: &Grade, out: &Path) -> Result<(), String> {
    let now = humantime::format_rfc3339_seconds(std::time::SystemTime::now()).to_string();
    let env = |name: &str| std::env::var(name).ok();
    let result = result_json(grade, &env, &now);
    let write = |name: &str, text: String| {
        let path = out.join(name);
        std::fs::write(&path, text)
            .map_err(|error| format!("cannot write {}: {error}", path.display()))
    };
    std::fs::create_dir_all(out)
        .map_err(|error| format!("cannot make {}: {error}", out.display()))?;
    write("release-body.md", release_body(grade))?;
    write(
        "result.json",
        serde_json::to_string_pretty(&result).expect("a result always serialises") + "\n",
    )?;
    if let Some(path) = std::env::var_os("GITHUB_OUTPUT") {
        let (status, summary) = status_and_summary(grade);
        use std::io::Write;
        std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(&path)
            .and_then(|mut file| write!(file, "status={status}\nsummary={summary}\n"))
            .map_err(|error| format!("cannot write $GITHUB_OUTPUT: {error}"))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::verdict::{CheckReport, ExerciseReport};

    fn grade() -> Grade {
        let check = |id: &str, status: Status, points: u32, max_points: u32| CheckReport {
            id: id.into(),
            title: format!("the {id} check"),
            status,
            points,
            max_points,
            message: format!("what happened in {id} | and more"),
            message_id: None,
            details: None,
            hint: None,
        };
        let checks = vec![
            check("gather", Status::Passed, 3, 3),
            check("prediction", Status::Failed, 0, 1),
        ];
        let exercise = ExerciseReport {
            name: "factorial-gather".into(),
            dir: "factorial-gather".into(),
            title: "Factorial gather".into(),
            status: Status::Failed,
            points: 3,
            max_points: 4,
            checks,
            notes: Vec::new(),
        };
        Grade::new(vec![exercise], Vec::new())
    }

    fn runner_env(name: &str) -> Option<String> {
        let value = match name {
            "CLASSROOM" => "rust-101",
            "ASSIGNMENT" => "async",
            "SUBMISSION_TAG" => "submit/2026-11-29T10-00-00Z-abc1234",
            "COMMIT_URL" => "https://github.com/o/r/commit/abc",
            "RELEASE_URL" => "https://github.com/o/r/releases/tag/x",
            "OWNER" => "ann",
            "ASSIGNMENT_TYPE" => "individual",
            "GITHUB_ACTOR" => "ann",
            "GITHUB_ACTOR_ID" => "42",
            _ => return None,
        };
        Some(value.to_string())
    }

    #[test]
    fn the_result_has_every_field_of_the_schema_with_integer_points() {
        let result = result_json(&grade(), &runner_env, "2026-11-29T10:00:05Z");
        for field in [
            "schema",
            "classroom",
            "assignment",
            "assignment_type",
            "owner",
            "submission",
            "commit",
            "release",
            "review",
            "datetime",
            "graded_at",
            "score",
            "max-score",
            "tests",
            "submitted_by",
        ] {
            assert!(result.get(field).is_some(), "{field}");
        }
        assert_eq!(result["review"], result["commit"]);
        assert!(result["score"].is_u64() && result["max-score"].is_u64());
        assert_eq!(
            result["submitted_by"],
            json!({ "username": "ann", "id": 42 })
        );
        let tests = result["tests"].as_array().unwrap();
        assert_eq!(tests.len(), 2);
        assert_eq!(tests[1]["test-name"], "factorial-gather/prediction");
        assert_eq!(tests[1]["passed"], false);
        let sum: u64 = tests
            .iter()
            .map(|test| test["score"].as_u64().unwrap())
            .sum();
        assert_eq!(sum, result["score"].as_u64().unwrap());
    }

    #[test]
    fn the_status_and_release_body_say_how_it_went() {
        let (status, summary) = status_and_summary(&grade());
        assert_eq!(status, "failure");
        assert_eq!(summary, "3/4 points, 1 of 2 checks passed");
        let body = release_body(&grade());
        assert!(body.contains("| factorial-gather/prediction | ❌ failed | 0/1 | what happened in prediction \\| and more |"), "{body}");
    }
}
