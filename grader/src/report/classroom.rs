//! `--format classroom`: the results for autograding in GitHub Actions, in three shapes.
//!
//! - For `classroom-resources/autograding-grading-reporter`: `result=<base64 of JSON>`, appended
//!   to `$GITHUB_OUTPUT` (or printed), which a workflow hands to the reporter as
//!   `GRADER_RESULTS` with `runners: grader`. One test per check, with its points.
//! - For Classroom 50: `result.json` (`schema: "classroom50/result/v1"`), with the values of
//!   the runner's `CLASSROOM`, `ASSIGNMENT`, `SUBMISSION_TAG`, `COMMIT_URL`, `RELEASE_URL` and
//!   `REVIEW_URL` where they are set.
//! - For people: a Markdown table of points, appended to `$GITHUB_STEP_SUMMARY`.

use std::io::Write;
use std::path::Path;

use base64::Engine;
use serde_json::{Value, json};

use crate::tr;
use crate::verdict::{Grade, Status};

/// The reporter's test name of a check: `exercise/check`.
fn test_name(exercise: &str, check: &str) -> String {
    format!("{exercise}/{check}")
}

/// The JSON the grading reporter reads (before base64).
pub fn reporter_json(grade: &Grade) -> Value {
    let mut tests = Vec::new();
    for exercise in &grade.exercises {
        for check in &exercise.checks {
            let passed = check.status == Status::Passed;
            tests.push(json!({
                "name": test_name(&exercise.name, &check.id),
                "status": if passed { "pass" } else { "fail" },
                "score": check.points,
                "max_score": check.max_points,
                "message": check.message,
                "test_code": format!("cargo run -p grader -- {}", exercise.name),
                "filename": "",
                "line_no": 0,
                "execution_time": "",
            }));
        }
    }
    if !grade.tampered.is_empty() {
        tests.push(json!({
            "name": "grading files unchanged",
            "status": "fail",
            "score": 0,
            "max_score": 0,
            "message": tr!("classroom-tampered", files = grade.tampered.join(", ")),
        }));
    }
    let all_passed = grade.all_passed() && grade.tampered.is_empty();
    json!({
        "version": 1,
        "status": if !grade.problems.is_empty() { "error" } else if all_passed { "pass" } else { "fail" },
        "max_score": grade.max_points,
        "tests": tests,
    })
}

/// The reporter's output line: `result=<base64>`.
pub fn reporter_line(grade: &Grade) -> String {
    let encoded =
        base64::engine::general_purpose::STANDARD.encode(reporter_json(grade).to_string());
    format!("result={encoded}")
}

/// Classroom 50's `result.json`; `env` gives the runner's variables.
pub fn classroom50_json(
    grade: &Grade,
    env: impl Fn(&str) -> Option<String>,
    datetime: &str,
) -> Value {
    let value = |name: &str| env(name).unwrap_or_default();
    let tests: Vec<Value> = grade
        .exercises
        .iter()
        .flat_map(|exercise| {
            exercise.checks.iter().map(|check| {
                json!({
                    "test-name": test_name(&exercise.name, &check.id),
                    "passed": check.status == Status::Passed,
                    "score": check.points,
                    "max-score": check.max_points,
                })
            })
        })
        .collect();
    let mut tests = tests;
    if !grade.tampered.is_empty() || !grade.problems.is_empty() {
        // Worth nothing, failed: so that whoever reads the result sees it.
        tests.push(json!({
            "test-name": "grading files unchanged and readable",
            "passed": false,
            "score": 0,
            "max-score": 0,
            "message": grade.tampered.iter().chain(&grade.problems).cloned().collect::<Vec<_>>().join("; "),
        }));
    }
    json!({
        "schema": "classroom50/result/v1",
        "classroom": value("CLASSROOM"),
        "assignment": value("ASSIGNMENT"),
        "submission": value("SUBMISSION_TAG"),
        "commit": value("COMMIT_URL"),
        "release": value("RELEASE_URL"),
        "review": value("REVIEW_URL"),
        "datetime": datetime,
        "score": grade.points,
        "max-score": grade.max_points,
        "tests": tests,
    })
}

/// The Markdown table of points for the job's summary.
pub fn summary_markdown(grade: &Grade) -> String {
    let mut text = format!(
        "## {}\n\n| {} |\n|---|---|---|---|\n",
        tr!("classroom-heading"),
        tr!("classroom-columns")
    );
    for exercise in &grade.exercises {
        for check in &exercise.checks {
            let mark = if check.status == Status::Passed {
                "✅"
            } else {
                "❌"
            };
            text.push_str(&format!(
                "| {} | {} | {mark} {} | {}/{} |\n",
                exercise.name,
                check.id,
                check.status.label(),
                check.points,
                check.max_points
            ));
        }
    }
    text.push_str(&format!(
        "\n**{}**\n",
        tr!(
            "classroom-total",
            points = grade.points,
            max_points = grade.max_points
        )
    ));
    if !grade.tampered.is_empty() {
        text.push_str(&format!(
            "\n> ⚠️ {}\n",
            tr!(
                "classroom-tampered-warning",
                files = grade.tampered.join(", ")
            )
        ));
    }
    text
}

/// Writes all three where they belong; `out` is the folder for `result.json`.
pub fn write_all(grade: &Grade, out: &Path) -> Result<(), String> {
    let line = reporter_line(grade);
    match std::env::var_os("GITHUB_OUTPUT") {
        Some(path) => append(Path::new(&path), &format!("{line}\n"))?,
        None => println!("{line}"),
    }
    let datetime = humantime::format_rfc3339_seconds(std::time::SystemTime::now()).to_string();
    let result = classroom50_json(grade, |name| std::env::var(name).ok(), &datetime);
    let path = out.join("result.json");
    std::fs::create_dir_all(out)
        .map_err(|error| format!("cannot make {}: {error}", out.display()))?;
    std::fs::write(
        &path,
        serde_json::to_string_pretty(&result).expect("JSON") + "\n",
    )
    .map_err(|error| format!("cannot write {}: {error}", path.display()))?;
    if let Some(path) = std::env::var_os("GITHUB_STEP_SUMMARY") {
        append(Path::new(&path), &summary_markdown(grade))?;
    }
    Ok(())
}

fn append(path: &Path, text: &str) -> Result<(), String> {
    std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(path)
        .and_then(|mut file| file.write_all(text.as_bytes()))
        .map_err(|error| format!("cannot write {}: {error}", path.display()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::verdict::{CheckReport, ExerciseReport};

    /// A grade with one passed and one failed check, the same every time.
    fn grade() -> Grade {
        let check = |id: &str, status: Status, points: u32, max_points: u32| CheckReport {
            id: id.into(),
            title: format!("the {id} check"),
            status,
            points,
            max_points,
            message: format!("what happened in {id}"),
            message_id: None,
            details: None,
            hint: None,
        };
        let checks = vec![
            check("gather", Status::Passed, 3, 3),
            check("prediction", Status::NotDone, 0, 1),
        ];
        let mut grade = Grade::new(
            vec![ExerciseReport {
                name: "factorial-gather".into(),
                dir: "01-factorial-gather".into(),
                title: "Factorial gather".into(),
                status: Status::NotDone,
                points: 3,
                max_points: 4,
                checks,
            }],
            Vec::new(),
        );
        grade.tampered = vec!["changed: fixtures/01-factorial-gather/snapshots/gather.snap".into()];
        grade
    }

    /// Compares `actual` with the golden file `name` (GOLDEN_BLESS=1 rewrites it).
    fn golden(name: &str, actual: &str) {
        let path = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/data/classroom")
            .join(name);
        if std::env::var_os("GOLDEN_BLESS").is_some() {
            std::fs::write(&path, actual).unwrap();
        }
        let expected = std::fs::read_to_string(&path).unwrap_or_default();
        assert_eq!(
            actual,
            expected,
            "{} (GOLDEN_BLESS=1 rewrites it)",
            path.display()
        );
    }

    #[test]
    fn the_reporters_result_is_base64_of_its_json() {
        let json = serde_json::to_string_pretty(&reporter_json(&grade())).unwrap() + "\n";
        golden("reporter.json", &json);
        let line = reporter_line(&grade());
        let decoded = base64::engine::general_purpose::STANDARD
            .decode(line.strip_prefix("result=").unwrap())
            .unwrap();
        let value: Value = serde_json::from_slice(&decoded).unwrap();
        assert_eq!(value, reporter_json(&grade()));
        let scores: u64 = value["tests"]
            .as_array()
            .unwrap()
            .iter()
            .map(|test| test["score"].as_u64().unwrap())
            .sum();
        assert_eq!(scores, 3);
        assert_eq!(value["max_score"], 4);
    }

    #[test]
    fn classroom50s_result_takes_the_runners_values() {
        let env = |name: &str| match name {
            "CLASSROOM" => Some("rust-2026".to_string()),
            "ASSIGNMENT" => Some("async".to_string()),
            "SUBMISSION_TAG" => Some("submission-1".to_string()),
            _ => None,
        };
        let json = classroom50_json(&grade(), env, "2026-11-25T12:00:00Z");
        golden(
            "result.json",
            &(serde_json::to_string_pretty(&json).unwrap() + "\n"),
        );
        assert_eq!(json["score"], 3);
        assert_eq!(json["max-score"], 4);
        assert_eq!(json["tests"][0]["passed"], true);
    }

    #[test]
    fn the_summary_is_a_table_of_points() {
        golden("summary.md", &summary_markdown(&grade()));
    }
}
