//! `cargo run -p grader -- watch`: the student's loop. Grades the current exercise (the first
//! one not passed, in course order), grades it again each time one of its files is saved, and
//! moves on when it passes. Keys, one per line on stdin: `n` next exercise, `h` hint, `l` list,
//! `q` quit.
//!
//! File events come from the system's watcher (inotify, FSEvents...); where they do not arrive
//! (WSL on a Windows drive, network drives) it polls instead, and says which it uses. Ctrl-C
//! during a grade drops it, and with it every program the grader had started.

use std::io::{BufRead, Write};
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::Duration;

use notify::Watcher;

use crate::course::{Course, Exercise, Variant};
use crate::progress::Progress;
use crate::runner::{Plan, grade};
use crate::tr;
use crate::verdict::{ExerciseReport, Grade, Status};

/// What the loop waits for.
enum Event {
    Saved,
    Key(String),
    InputClosed,
}

/// How long after a save the loop waits for more saves before grading (an editor often writes a
/// file in several steps).
const SETTLE: Duration = Duration::from_millis(250);

/// Runs the loop until `q`, the end of input, or Ctrl-C.
pub fn watch(plan: Plan, out: &mut impl Write) -> Result<(), String> {
    let course = Course::load(&plan.root)?;
    let runtime = tokio::runtime::Runtime::new().map_err(|error| error.to_string())?;
    let (events, incoming) = mpsc::channel();
    let (mut watcher, how) = start_watcher(&plan.root, events.clone())?;
    let _ = writeln!(out, "{}", tr!("watch-started", how = how.as_str()));
    spawn_keys(events);

    let mut current = 0;
    let mut watched: Option<PathBuf> = None;
    loop {
        let exercise = &course.exercises[current];
        let folder = exercise.crate_dir(&plan.root, Variant::Exercise);
        if watched.as_ref() != Some(&folder) {
            if let Some(old) = watched.take() {
                let _ = watcher.unwatch(&old);
            }
            watcher
                .watch(&folder, notify::RecursiveMode::Recursive)
                .map_err(|error| {
                    tr!(
                        "watch-cannot-watch",
                        folder = folder.display().to_string(),
                        error = error.to_string()
                    )
                })?;
            watched = Some(folder);
        }
        let Some(report) = grade_one(&runtime, &plan, exercise)? else {
            return Ok(()); // Ctrl-C
        };
        let _ = out.write_all(
            crate::report::human::render(&Grade::new(vec![report.clone()], Vec::new())).as_bytes(),
        );
        if report.status == Status::Passed {
            match next_unpassed(&runtime, &plan, &course, current)? {
                Some(next) => {
                    let _ = writeln!(
                        out,
                        "\n{}\n",
                        tr!(
                            "watch-passed",
                            exercise = exercise.name.as_str(),
                            next = course.exercises[next].name.as_str()
                        )
                    );
                    current = next;
                    continue;
                }
                None => {
                    let _ = writeln!(out, "\n{}", tr!("watch-all-passed"));
                }
            }
        } else {
            let _ = writeln!(
                out,
                "\n{}",
                tr!("watch-save-again", dir = exercise.name.as_str())
            );
        }
        let _ = out.flush();
        // Wait for a save or a key.
        loop {
            match incoming.recv() {
                Ok(Event::Saved) => {
                    // Let the editor finish writing, and take the saves that follow as one.
                    std::thread::sleep(SETTLE);
                    while let Ok(Event::Saved) = incoming.try_recv() {}
                    break;
                }
                Ok(Event::Key(key)) => match key.as_str() {
                    "q" => return Ok(()),
                    "n" => {
                        current = (current + 1) % course.exercises.len();
                        break;
                    }
                    "h" => {
                        let hint = crate::hints::next_hint(
                            &plan.root,
                            exercise,
                            crate::hints::Asked::Watch,
                        )?;
                        let _ = writeln!(out, "{hint}");
                    }
                    "l" => {
                        let Some(all) = grade_all(&runtime, &plan)? else {
                            return Ok(());
                        };
                        let _ = out.write_all(crate::report::human::render_list(&all).as_bytes());
                    }
                    _ => {
                        let _ = writeln!(out, "{}", tr!("watch-keys"));
                    }
                },
                Ok(Event::InputClosed) | Err(_) => return Ok(()),
            }
            let _ = out.flush();
        }
    }
}

/// The system's watcher, or a polling one where the system's cannot be trusted; and its name.
fn start_watcher(
    root: &Path,
    events: mpsc::Sender<Event>,
) -> Result<(Box<dyn Watcher>, String), String> {
    let handler = move |event: notify::Result<notify::Event>| {
        let saved = event.is_ok_and(|event| {
            matches!(
                event.kind,
                notify::EventKind::Create(_)
                    | notify::EventKind::Modify(_)
                    | notify::EventKind::Remove(_)
            ) && event
                .paths
                .iter()
                .all(|path| !path.components().any(|c| c.as_os_str() == "target"))
        });
        if saved {
            let _ = events.send(Event::Saved);
        }
    };
    if !needs_polling(root)
        && let Ok(watcher) = notify::recommended_watcher(handler.clone())
    {
        return Ok((Box::new(watcher), tr!("watch-by-events")));
    }
    let config = notify::Config::default().with_poll_interval(Duration::from_millis(500));
    let watcher = notify::PollWatcher::new(handler, config).map_err(|error| {
        tr!(
            "watch-cannot-watch",
            folder = root.display().to_string(),
            error = error.to_string()
        )
    })?;
    Ok((Box::new(watcher), tr!("watch-by-polling")))
}

/// Where file events do not arrive: WSL (on a Windows drive), or when asked with
/// `GRADER_WATCH_POLL=1` (a network drive, a container's mount).
fn needs_polling(root: &Path) -> bool {
    if std::env::var_os("GRADER_WATCH_POLL").is_some() {
        return true;
    }
    let wsl = std::fs::read_to_string("/proc/version")
        .is_ok_and(|version| version.to_lowercase().contains("microsoft"));
    wsl && root.starts_with("/mnt/")
}

/// Reads keys from stdin, one per line.
fn spawn_keys(events: mpsc::Sender<Event>) {
    std::thread::spawn(move || {
        for line in std::io::stdin().lock().lines() {
            let Ok(line) = line else { break };
            if events.send(Event::Key(line.trim().to_lowercase())).is_err() {
                return;
            }
        }
        let _ = events.send(Event::InputClosed);
    });
}

/// Grades one exercise; `None` on Ctrl-C, which drops the grade and the programs it started.
fn grade_one(
    runtime: &tokio::runtime::Runtime,
    plan: &Plan,
    exercise: &Exercise,
) -> Result<Option<ExerciseReport>, String> {
    let plan = Plan {
        names: vec![exercise.name.clone()],
        ..plan.clone()
    };
    Ok(interruptible(runtime, &plan)?
        .map(|grade| grade.exercises.into_iter().next().expect("one exercise")))
}

fn grade_all(runtime: &tokio::runtime::Runtime, plan: &Plan) -> Result<Option<Grade>, String> {
    let plan = Plan {
        names: Vec::new(),
        ..plan.clone()
    };
    interruptible(runtime, &plan)
}

fn interruptible(runtime: &tokio::runtime::Runtime, plan: &Plan) -> Result<Option<Grade>, String> {
    runtime
        .block_on(async {
            let progress = Progress::new();
            tokio::select! {
                grade = grade(plan, &progress) => grade.map(Some),
                _ = tokio::signal::ctrl_c() => Ok(None),
            }
        })
        .inspect(|grade| {
            // The next hint speaks to what failed; a state file that cannot be written only
            // loses that.
            if let Some(grade) = grade {
                let _ = crate::hints::remember_failing(&plan.root, grade);
            }
        })
}

/// The first exercise after `current` (wrapping round) that does not pass, if any.
fn next_unpassed(
    runtime: &tokio::runtime::Runtime,
    plan: &Plan,
    course: &Course,
    current: usize,
) -> Result<Option<usize>, String> {
    let count = course.exercises.len();
    for step in 1..count {
        let index = (current + step) % count;
        match grade_one(runtime, plan, &course.exercises[index])? {
            Some(report) if report.status != Status::Passed => return Ok(Some(index)),
            Some(_) => {}
            None => return Ok(None),
        }
    }
    Ok(None)
}
