//! Writes (and checks) the expected timelines under `fixtures/*/snapshots/` by running the
//! reference solutions. The grader only ever reads these snapshots; when a solution changes on
//! purpose, run `cargo insta test -p grader --test snapshots` and `cargo insta review`.

use std::path::{Path, PathBuf};

use grader::cargo::{Builds, build_harnesses};
use grader::child::Limits;
use grader::course::{Course, Variant};
use grader::exercises::{factorial_gather, image_bot};
use grader::harness::Harness;

fn course_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// Builds the solution's harness of `name` and returns it, ready to run, with the folder of its
/// snapshots (and the builds, which keep the binary while they live).
async fn solution_harness(name: &str) -> (Harness, PathBuf, Builds) {
    let root = course_root();
    let course = Course::load(&root).unwrap();
    let exercise = course.find(name).unwrap();
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
    let binary = builds.get(&exercise.harness).unwrap();
    let harness = Harness {
        binary,
        limits: Limits::default(),
        workdir: exercise.crate_dir(&root, Variant::Solution),
    };
    let snapshots = exercise.fixtures_dir(&root).join("snapshots");
    (harness, snapshots, builds)
}

fn assert_timeline(snapshots: &Path, name: &str, text: &str) {
    let mut settings = insta::Settings::clone_current();
    settings.set_snapshot_path(snapshots);
    settings.set_prepend_module_to_snapshot(false);
    settings.set_omit_expression(true);
    settings.bind(|| insta::assert_snapshot!(name, text));
}

#[tokio::test]
async fn factorial_gather_timelines() {
    let (harness, snapshots, _builds) = solution_harness(factorial_gather::NAME).await;

    let run = harness.run(&["gather"]).await.unwrap();
    assert!(run.panic.is_none() && run.watchdog.is_none(), "{run:?}");
    assert_timeline(
        &snapshots,
        factorial_gather::GATHER_SNAPSHOT,
        &run.timeline.render(),
    );

    for (name, number, snapshot) in factorial_gather::FACTORIAL_SCENARIOS {
        let run = harness
            .run(&["factorial", name, &number.to_string()])
            .await
            .unwrap();
        assert!(run.panic.is_none() && run.watchdog.is_none(), "{run:?}");
        assert_timeline(&snapshots, snapshot, &run.timeline.render());
    }
}

#[tokio::test]
async fn image_bot_transcripts() {
    let (harness, snapshots, _builds) = solution_harness(image_bot::NAME).await;
    let fixtures = snapshots.parent().unwrap().to_path_buf();
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
        assert_timeline(&snapshots, name, &conversations.render());
    }
}
