//! `--format classroom`: the results for autograding in GitHub Actions, in three shapes.
//!
//! - For `classroom-resources/autograding-grading-reporter`: `result=<base64 of JSON>`, appended
//!   to `$GITHUB_OUTPUT` (or printed), which a workflow hands to the reporter as
//!   `GRADER_RESULTS` with `runners: grader`. One test worth one point per point of each check
//!   (see [`reporter_json`]), so that the reporter's two totals are the grade.
//! - For Classroom 50: `result.json`, as `--format classroom50` writes it (see
//!   [`crate::report::classroom50`]), with the values of
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
///
/// The reporter (v1) totals the points twice, in two ways: its log's "Total points" is (tests
/// passed ÷ tests) × `max_score`, its "Points X/Y" notice the sum of the tests' `score`s. The two
/// agree only when every test is worth the same, so each check is written as one test per point
/// (`factorial-gather/gather 1/3`, `2/3`, `3/3`; a one-point check keeps its plain name), all
/// passed or all failed with the check. Edited grading files are no test of their own (a test
/// worth nothing would still count among the tests): they fail the run, and the summary and the
/// log say so.
pub fn reporter_json(grade: &Grade) -> Value {
    let mut tests = Vec::new();
    for exercise in &grade.exercises {
        for check in &exercise.checks {
            let name = test_name(&exercise.name, &check.id);
            for point in 1..=check.max_points {
                let passed = point <= check.points;
                tests.push(json!({
                    "name": if check.max_points == 1 {
                        name.clone()
                    } else {
                        format!("{name} {point}/{}", check.max_points)
                    },
                    "status": if passed { "pass" } else { "fail" },
                    "score": u32::from(passed),
                    "max_score": 1,
                    "message": check.message,
                    "test_code": format!("cargo run -p grader -- {}", exercise.name),
                    "filename": "",
                    "line_no": 0,
                    "execution_time": "",
                }));
            }
        }
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
    for exercise in &grade.exercises {
        for note in &exercise.notes {
            text.push_str(&format!("\n> ⚠️ **{}**: {note}\n", exercise.name));
        }
    }
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
    let env = |name: &str| std::env::var(name).ok();
    let result = crate::report::classroom50::result_json(grade, &env, &datetime);
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

    fn check(id: &str, status: Status, max_points: u32) -> CheckReport {
        CheckReport {
            id: id.into(),
            title: format!("the {id} check"),
            status,
            points: if status == Status::Passed {
                max_points
            } else {
                0
            },
            max_points,
            message: format!("what happened in {id}"),
            message_id: None,
            details: None,
            hint: None,
        }
    }

    fn exercise(name: &str, checks: Vec<CheckReport>) -> ExerciseReport {
        ExerciseReport {
            name: name.into(),
            dir: name.to_string(),
            title: name.into(),
            status: checks.iter().map(|check| check.status).max().unwrap(),
            points: checks.iter().map(|check| check.points).sum(),
            max_points: checks.iter().map(|check| check.max_points).sum(),
            checks,
            notes: Vec::new(),
        }
    }

    /// A grade with one passed and one failed check, the same every time.
    fn grade() -> Grade {
        let checks = vec![
            check("gather", Status::Passed, 3),
            check("prediction", Status::NotDone, 1),
        ];
        let mut grade = Grade::new(vec![exercise("factorial-gather", checks)], Vec::new());
        grade.tampered = vec!["changed: fixtures/factorial-gather/snapshots/gather.snap".into()];
        grade
    }

    /// The reporter's two totals over its input, as `autograding-grading-reporter` v1
    /// (d13b5912) computes and shows them: the log's "Total points for grader: X/Y"
    /// (`getTestScore`: passed tests ÷ tests × `max_score`, shown with `toFixed(2)`) and the
    /// notice's "Points X/Y" (`NotifyClassroom`: the sum of the tests' `score`s).
    fn reporters_totals(results: &Value) -> (String, String) {
        let tests = results["tests"].as_array().unwrap();
        let max_score = results["max_score"].as_u64().unwrap();
        let passed = tests.iter().filter(|test| test["status"] == "pass").count();
        let logged = passed as f64 / tests.len() as f64 * max_score as f64;
        let noticed: u64 = tests
            .iter()
            .map(|test| test["score"].as_u64().unwrap())
            .sum();
        (
            format!("Total points for grader: {logged:.2}/{max_score}"),
            format!("Points {noticed}/{max_score}"),
        )
    }

    #[test]
    fn the_reporters_two_totals_are_the_grade() {
        let mixed = vec![
            exercise(
                "factorial-gather",
                vec![
                    check("factorial", Status::Passed, 1),
                    check("gather", Status::Passed, 3),
                    check("prediction", Status::Failed, 1),
                ],
            ),
            exercise(
                "fastest-ip",
                vec![
                    check("fetch-ip", Status::NotDone, 2),
                    check("first-success", Status::Passed, 2),
                    check("concurrent", Status::TimedOut, 1),
                ],
            ),
            exercise(
                "image-bot",
                vec![
                    check("welcome", Status::CompileError, 1),
                    check("picture", Status::CompileError, 2),
                ],
            ),
        ];
        let all_passed = vec![exercise(
            "factorial-gather",
            vec![
                check("factorial", Status::Passed, 1),
                check("gather", Status::Passed, 3),
            ],
        )];
        let none_passed = vec![exercise(
            "fastest-ip",
            vec![
                check("fetch-ip", Status::Failed, 2),
                check("pages", Status::NotDone, 1),
            ],
        )];
        for (exercises, tampered) in [
            (mixed.clone(), false),
            (mixed, true),
            (all_passed, false),
            (none_passed, true),
        ] {
            let mut grade = Grade::new(exercises, Vec::new());
            if tampered {
                grade.tampered = vec!["changed: course.toml".into()];
            }
            let results = reporter_json(&grade);
            let (logged, noticed) = reporters_totals(&results);
            let (points, max_points) = (grade.points, grade.max_points);
            assert_eq!(
                logged,
                format!("Total points for grader: {points}.00/{max_points}")
            );
            assert_eq!(noticed, format!("Points {points}/{max_points}"));
            let tests = results["tests"].as_array().unwrap();
            assert_eq!(tests.len() as u32, grade.max_points, "one test per point");
            // A check's points pass or fail together, with the check.
            for exercise in &grade.exercises {
                for check in &exercise.checks {
                    let name = test_name(&exercise.name, &check.id);
                    let own: Vec<&Value> = tests
                        .iter()
                        .filter(|test| {
                            let test = test["name"].as_str().unwrap();
                            test == name || test.starts_with(&format!("{name} "))
                        })
                        .collect();
                    assert_eq!(own.len() as u32, check.max_points, "{name}");
                    let status = if check.status == Status::Passed {
                        "pass"
                    } else {
                        "fail"
                    };
                    assert!(own.iter().all(|test| test["status"] == status), "{name}");
                }
            }
            let expected_status = if grade.all_passed() && !tampered {
                "pass"
            } else {
                "fail"
            };
            assert_eq!(results["status"], expected_status);
        }
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
    fn the_summary_is_a_table_of_points() {
        golden("summary.md", &summary_markdown(&grade()));
    }
}
