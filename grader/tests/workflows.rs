//! The files that grade the course outside `cargo run -p grader` are in step with it: the
//! autograding workflow a student's repository runs (`.github/workflows/classroom.yml`), the
//! legacy `.github/classroom/autograding.json`, Classroom 50's entry point
//! (`classroom50/autograde.sh`) and the course's own CI (`.github/workflows/ci.yml`).
//!
//! They are read as YAML, JSON and text and compared with `course.toml`, so that adding an
//! exercise, changing its points or renaming the grader's step cannot silently break grading.

use std::path::{Path, PathBuf};

use grader::course::Course;
use serde_json::Value;
use yaml_rust2::{Yaml, YamlLoader};

fn course_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn read(relative: &str) -> String {
    let path = course_root().join(relative);
    std::fs::read_to_string(&path)
        .unwrap_or_else(|error| panic!("cannot read {}: {error}", path.display()))
}

/// The single document of a YAML file.
fn yaml(relative: &str) -> Yaml {
    let mut documents = YamlLoader::load_from_str(&read(relative))
        .unwrap_or_else(|error| panic!("{relative} is not valid YAML: {error}"));
    assert_eq!(documents.len(), 1, "{relative} should hold one document");
    documents.remove(0)
}

/// Every step of every job of a workflow.
fn steps(workflow: &Yaml) -> Vec<&Yaml> {
    let jobs = workflow["jobs"].as_hash().expect("the workflow has jobs");
    jobs.values()
        .flat_map(|job| job["steps"].as_vec().expect("each job has steps"))
        .collect()
}

fn text<'a>(yaml: &'a Yaml, key: &str) -> &'a str {
    yaml[key].as_str().unwrap_or_default()
}

fn classroom_workflow() -> Yaml {
    yaml(".github/workflows/classroom.yml")
}

fn autograding_tests() -> Vec<Value> {
    let json: Value = serde_json::from_str(&read(".github/classroom/autograding.json"))
        .expect("autograding.json is valid JSON");
    json["tests"]
        .as_array()
        .expect("autograding.json has a `tests` array")
        .clone()
}

fn course() -> Course {
    Course::load(&course_root()).unwrap()
}

#[test]
fn the_classroom_workflow_runs_on_push_and_only_reads_the_repository() {
    let workflow = classroom_workflow();
    assert!(!workflow["on"]["push"].is_badvalue(), "it runs on push");
    assert_eq!(text(&workflow["permissions"], "contents"), "read");
    assert_eq!(text(&workflow["permissions"], "checks"), "write");
}

#[test]
fn the_classroom_workflow_grades_with_the_classroom_format() {
    let workflow = classroom_workflow();
    let grader = steps(&workflow)
        .into_iter()
        .find(|step| text(step, "id") == "grader")
        .expect("a step with `id: grader`");
    assert!(
        text(grader, "run").contains("--format classroom"),
        "{:?}",
        text(grader, "run")
    );
}

#[test]
fn the_reporter_reads_the_grader_steps_result() {
    let workflow = classroom_workflow();
    let reporter = steps(&workflow)
        .into_iter()
        .find(|step| {
            text(step, "uses").starts_with("classroom-resources/autograding-grading-reporter")
        })
        .expect("a step using the grading reporter");
    assert_eq!(text(&reporter["with"], "runners"), "grader");
    let results = text(&reporter["env"], "GRADER_RESULTS");
    assert!(
        results.contains("steps.grader.outputs.result"),
        "GRADER_RESULTS is {results:?}"
    );
}

#[test]
fn the_classroom_workflow_uses_no_secrets() {
    // Comments may mention them; the values may not (a student's repository has none).
    let mut emitted = String::new();
    yaml_rust2::YamlEmitter::new(&mut emitted)
        .dump(&classroom_workflow())
        .unwrap();
    assert!(!emitted.contains("secrets."), "{emitted}");
}

#[test]
fn autograding_json_has_one_test_per_exercise_in_course_order() {
    let course = course();
    let tests = autograding_tests();
    assert_eq!(tests.len(), course.exercises.len());
    for (test, exercise) in tests.iter().zip(&course.exercises) {
        let run = test["run"].as_str().unwrap_or_default();
        assert!(
            run.split_whitespace().any(|word| word == exercise.name),
            "the test {:?} should grade `{}`, but runs {run:?}",
            test["name"],
            exercise.name
        );
    }
}

#[test]
fn autograding_json_points_are_the_course_points() {
    let course = course();
    let tests = autograding_tests();
    for (test, exercise) in tests.iter().zip(&course.exercises) {
        assert_eq!(
            test["points"].as_u64(),
            Some(u64::from(exercise.max_points())),
            "the points of {}",
            exercise.name
        );
    }
    let total: u64 = tests
        .iter()
        .filter_map(|test| test["points"].as_u64())
        .sum();
    assert_eq!(total, u64::from(course.max_points()));
}

#[test]
fn ci_runs_the_tests_on_linux_macos_and_windows() {
    // The student template (no solutions/) leaves the course's own CI out.
    if !course_root().join("solutions").is_dir() {
        eprintln!("a student template: no ci.yml to check");
        return;
    }
    let ci = yaml(".github/workflows/ci.yml");
    let jobs = ci["jobs"].as_hash().expect("ci.yml has jobs");
    let mut systems = Vec::new();
    for job in jobs.values() {
        systems.extend(job["runs-on"].as_str().map(str::to_owned));
        for os in job["strategy"]["matrix"]["os"]
            .as_vec()
            .into_iter()
            .flatten()
        {
            systems.extend(os.as_str().map(str::to_owned));
        }
    }
    for system in ["ubuntu", "macos", "windows"] {
        assert!(
            systems.iter().any(|name| name.starts_with(system)),
            "CI should run on {system}; it runs on {systems:?}"
        );
    }
    assert!(
        steps(&ci)
            .iter()
            .any(|step| text(step, "run").contains("cargo test --workspace")),
        "a CI step runs `cargo test --workspace`"
    );
}

#[test]
fn the_classroom50_entry_point_grades_for_classroom() {
    let path = course_root().join("classroom50/autograde.sh");
    assert!(
        read("classroom50/autograde.sh").contains("--format classroom"),
        "{} should run the grader with `--format classroom`",
        path.display()
    );
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&path).unwrap().permissions().mode();
        assert!(mode & 0o111 != 0, "{} is not executable", path.display());
    }
}
