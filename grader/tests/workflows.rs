//! The files that grade the course outside `cargo run -p grader` are in step with it: the
//! autograding workflow a student's repository runs (`.github/workflows/classroom.yml`), the
//! legacy `.github/classroom/autograding.json`, Classroom 50's entry point
//! (`classroom50/autograder.py`) and the course's own CI (`.github/workflows/ci.yml`).
//!
//! They are read as YAML, JSON and text and compared with `course.toml`, so that adding an
//! exercise, changing its points or renaming the grader's step cannot silently break grading.
//! The workflows' hardening is held here too (what `zizmor --offline .github/workflows/` asks,
//! see CONTRIBUTING.md): actions pinned by commit with their tag in a comment, no credentials
//! left in a checkout, no permission beyond reading the repository.

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

/// The workflows of this copy: the classroom's always, the course's CI where it is kept.
fn workflows() -> Vec<(String, Yaml)> {
    let folder = course_root().join(".github/workflows");
    let mut names: Vec<String> = std::fs::read_dir(&folder)
        .unwrap_or_else(|error| panic!("cannot read {}: {error}", folder.display()))
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name.ends_with(".yml") || name.ends_with(".yaml"))
        .collect();
    names.sort();
    assert!(names.contains(&"classroom.yml".to_string()), "{names:?}");
    names
        .into_iter()
        .map(|name| {
            let relative = format!(".github/workflows/{name}");
            let workflow = yaml(&relative);
            (relative, workflow)
        })
        .collect()
}

/// The actions the workflows may use: each pinned to the commit of a release (or, for
/// dtolnay/rust-toolchain, of its `stable` branch), named in a comment beside it.
const PINS: &[(&str, &str, &str)] = &[
    (
        "actions/checkout",
        "3d3c42e5aac5ba805825da76410c181273ba90b1",
        "v7.0.1",
    ),
    (
        "Swatinem/rust-cache",
        "6323deb102c322ba6fcbdcafc7e3dddab59af2b6",
        "v2.9.2",
    ),
    (
        "classroom-resources/autograding-grading-reporter",
        "d13b5912daf5042ac1b71bc38bdb4a6bcd61d8ca",
        "v1",
    ),
    (
        "dtolnay/rust-toolchain",
        "29eef336d9b2848a0b548edc03f92a220660cdb8",
        "stable",
    ),
];

#[test]
fn every_action_is_pinned_by_commit_with_its_tag_beside_it() {
    for (relative, _) in workflows() {
        let mut used = 0;
        for line in read(&relative).lines() {
            let line = line.trim_start().trim_start_matches("- ");
            let Some(reference) = line.strip_prefix("uses:") else {
                continue;
            };
            used += 1;
            let (reference, comment) = reference.split_once('#').unwrap_or((reference, ""));
            let (action, commit) = reference.trim().split_once('@').unwrap_or_default();
            let pin = PINS
                .iter()
                .find(|(name, _, _)| *name == action)
                .unwrap_or_else(|| panic!("{relative}: {action:?} is not a known action: {line}"));
            assert_eq!(
                commit, pin.1,
                "{relative}: {action} is pinned elsewhere: {line}"
            );
            assert_eq!(
                comment.trim(),
                pin.2,
                "{relative}: {action}'s pin should say its tag in a comment: {line}"
            );
        }
        assert!(used > 0, "{relative} uses no action");
    }
}

/// Every step that uses `action` (`owner/name`), in every workflow, with the workflow's path.
fn steps_using(action: &str) -> Vec<(String, Yaml)> {
    let prefix = format!("{action}@");
    let mut found = Vec::new();
    for (relative, workflow) in workflows() {
        for step in steps(&workflow) {
            if text(step, "uses").starts_with(&prefix) {
                found.push((relative.clone(), step.clone()));
            }
        }
    }
    assert!(!found.is_empty(), "no workflow uses {action}");
    found
}

#[test]
fn every_checkout_leaves_no_credentials_behind() {
    for (relative, step) in steps_using("actions/checkout") {
        assert_eq!(
            step["with"]["persist-credentials"].as_bool(),
            Some(false),
            "{relative}: a checkout without `persist-credentials: false`"
        );
    }
}

#[test]
fn the_toolchain_is_stable_by_name() {
    // Pinned by commit, the action cannot read the toolchain from its ref any more.
    for (relative, step) in steps_using("dtolnay/rust-toolchain") {
        assert_eq!(
            text(&step["with"], "toolchain"),
            "stable",
            "{relative}: dtolnay/rust-toolchain without `toolchain: stable`"
        );
    }
}

#[test]
fn every_workflow_only_reads_the_repository() {
    for (relative, workflow) in workflows() {
        let top = workflow["permissions"]
            .as_hash()
            .unwrap_or_else(|| panic!("{relative}: no top-level `permissions: {{}}`"));
        assert!(top.is_empty(), "{relative}: top-level permissions {top:?}");
        for (name, job) in workflow["jobs"].as_hash().expect("jobs") {
            let permissions = job["permissions"]
                .as_hash()
                .unwrap_or_else(|| panic!("{relative}: job {name:?} does not say its permissions"));
            let granted: Vec<(&str, &str)> = permissions
                .iter()
                .map(|(scope, level)| (scope.as_str().unwrap(), level.as_str().unwrap()))
                .collect();
            assert_eq!(granted, [("contents", "read")], "{relative}: job {name:?}");
        }
    }
}

#[test]
fn the_classroom_workflow_runs_on_push() {
    let workflow = classroom_workflow();
    assert!(!workflow["on"]["push"].is_badvalue(), "it runs on push");
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
    // One source of truth: CI runs `.ci/run`, what a contributor runs, and nothing else.
    let runs: Vec<&str> = steps(&ci)
        .iter()
        .map(|step| text(step, "run"))
        .filter(|run| !run.is_empty())
        .collect();
    assert_eq!(runs, ["bash .ci/run"], "ci.yml's commands");
    assert!(
        read(".ci/run")
            .lines()
            .any(|line| line.trim_start().starts_with("cargo test --workspace")),
        ".ci/run runs `cargo test --workspace`"
    );
}

#[test]
fn the_classroom50_entry_point_grades_the_checkout_with_the_bundles_course() {
    // Run end to end by grader/tests/classroom50.rs; here, what a reader checks at a glance.
    let text = read("classroom50/autograder.py");
    for needed in [
        "--submission",
        "--format",
        "classroom50",
        "CLASSROOM50_BUNDLE_DIR",
    ] {
        assert!(text.contains(needed), "autograder.py should use {needed}");
    }
}

#[test]
fn the_instructors_workflow_grades_only_the_students_answers() {
    let text = read(".github/workflows/classroom.yml");
    assert!(
        text.contains("--submission \"$GITHUB_WORKSPACE\""),
        "{text}"
    );
}
