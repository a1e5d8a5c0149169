//! Checks the expected timelines and transcripts under `fixtures/*/snapshots/` against the
//! reference solutions. The grader only ever reads these snapshots. When a solution changes on
//! purpose, write them again with `cargo run -p grader -- dev snapshots` (timelines) or
//! `cargo insta test -p grader --test snapshots` and `cargo insta review` (both).

use std::path::{Path, PathBuf};

use grader::cargo::build_harnesses;
use grader::child::Limits;
use grader::course::{Course, Variant};
use grader::dev::snapshots::record;
use grader::exercises::image_bot;
use grader::harness::Harness;

fn course_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn assert_snapshot(snapshots: &Path, name: &str, text: &str) {
    let mut settings = insta::Settings::clone_current();
    settings.set_snapshot_path(snapshots);
    settings.set_prepend_module_to_snapshot(false);
    settings.set_omit_expression(true);
    settings.bind(|| insta::assert_snapshot!(name, text));
}

#[tokio::test]
async fn every_timeline_scenario_matches_its_snapshot() {
    let root = course_root();
    let course = Course::load(&root).unwrap();
    for exercise in &course.exercises {
        for recorded in record(&root, exercise, None).await.unwrap() {
            assert_snapshot(&recorded.folder, &recorded.name, &recorded.text);
        }
    }
}

#[tokio::test]
async fn image_bot_transcripts() {
    let root = course_root();
    let course = Course::load(&root).unwrap();
    let exercise = course.find(image_bot::NAME).unwrap();
    let builds = build_harnesses(
        &root,
        None,
        &[exercise],
        Variant::Solution,
        Limits::default().build_time,
        |_| {},
    )
    .await
    .unwrap();
    let harness = Harness {
        binary: builds.get(&exercise.harness).unwrap(),
        limits: Limits::default(),
        workdir: exercise.crate_dir(&root, Variant::Solution),
    };
    let fixtures = exercise.fixtures_dir(&root);
    let snapshots = fixtures.join("snapshots");
    let (folder, search) = tokio::join!(
        image_bot::converse_with_folder(&harness, &fixtures),
        image_bot::converse_with_search(&harness, &fixtures),
    );
    for (name, conversations) in [
        (image_bot::FOLDER_SNAPSHOT, folder.unwrap()),
        (image_bot::SEARCH_SNAPSHOT, search.unwrap()),
    ] {
        let run = &conversations.run;
        assert!(run.panic.is_none() && run.watchdog.is_none(), "{run:?}");
        assert_snapshot(&snapshots, name, &conversations.render());
    }
}
