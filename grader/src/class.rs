//! `cargo run -p grader -- class DIR...`: grades a whole class with the instructor's course.
//!
//! Each DIR is one student's checkout (its folder name names the student). Their answer files
//! are laid over one working copy of the instructor's course, one student at a time (see
//! [`crate::submission`]), so the builds stay warm from one student to the next. Before each
//! student, the instructor's own course is checked against the manifest read at the start, and
//! put back if a program changed it.
//!
//! It writes, in `--out`:
//! - `gradebook.csv`: a row per student, the points of each check, the total, the run's seed,
//!   the grader's version and the manifest's SHA-256 (which grading files gave these points);
//! - `mistakes.md`: the commonest mistakes across the class, counted by the kind of each
//!   failing message (its catalogue id), with an example of each.

use std::collections::BTreeMap;
use std::fmt::Write;
use std::path::{Path, PathBuf};

use crate::child::Limits;
use crate::course::{Course, Variant};
use crate::integrity::{MANIFEST, Sealed};
use crate::progress::Progress;
use crate::runner::{Plan, grade};
use crate::verdict::{Grade, Status};

/// One student's grade, or why there is none.
pub struct Graded {
    pub student: String,
    pub grade: Result<Grade, String>,
}

/// Grades every student's checkout in `students` with the course at `root`; `on_student` is told
/// each name as grading starts.
pub async fn grade_class(
    root: &Path,
    students: &[PathBuf],
    seed: u64,
    on_student: impl Fn(&str),
) -> Result<Vec<Graded>, String> {
    let sealed = Sealed::read(root)?;
    let grading_files = sealed.read_files(root).map_err(|problem| {
        format!(
            "the course at {} differs from its manifest ({problem}): seal it first",
            root.display()
        )
    })?;
    let mut graded = Vec::new();
    for student in students {
        let name = student_name(student);
        on_student(&name);
        // A program of the last student's may have written into the instructor's course.
        let changed = sealed.verify(root);
        if !changed.is_empty() {
            eprintln!(
                "grader: the instructor's course was changed while {} was graded, put back: {}",
                graded
                    .last()
                    .map_or("someone", |last: &Graded| last.student.as_str()),
                changed.join(", ")
            );
            for (path, bytes) in &grading_files {
                std::fs::write(root.join(path), bytes)
                    .map_err(|error| format!("cannot put back {path}: {error}"))?;
            }
        }
        let plan = Plan {
            root: root.to_path_buf(),
            names: Vec::new(),
            variant: Variant::Exercise,
            limits: Limits::default(),
            seed,
            target_dir: None,
            submission: Some(student.clone()),
            work_dir: None,
        };
        let grade = if student.is_dir() {
            grade(&plan, &Progress::hidden()).await
        } else {
            Err(format!("{} is not a folder", student.display()))
        };
        graded.push(Graded {
            student: name,
            grade,
        });
    }
    Ok(graded)
}

/// A student's name: their checkout's folder name.
fn student_name(checkout: &Path) -> String {
    checkout
        .file_name()
        .map(|name| name.to_string_lossy().into_owned())
        .unwrap_or_else(|| checkout.display().to_string())
}

/// `gradebook.csv`: a header, then a row per student.
pub fn gradebook(course: &Course, graded: &[Graded], seed: u64, manifest_sha256: &str) -> String {
    let mut header = vec!["student".to_string()];
    for exercise in &course.exercises {
        for check in &exercise.checks {
            header.push(format!("{}/{}", exercise.name, check.id));
        }
    }
    header.extend(
        [
            "total",
            "max",
            "problem",
            "seed",
            "grader",
            "manifest_sha256",
        ]
        .map(String::from),
    );
    let mut text = csv_row(&header);
    for student in graded {
        let mut row = vec![student.student.clone()];
        match &student.grade {
            Ok(grade) => {
                for exercise in &course.exercises {
                    for check in &exercise.checks {
                        let points = grade
                            .exercises
                            .iter()
                            .find(|report| report.name == exercise.name)
                            .and_then(|report| report.checks.iter().find(|c| c.id == check.id))
                            .map_or(0, |report| report.points);
                        row.push(points.to_string());
                    }
                }
                row.push(grade.points.to_string());
                row.push(grade.max_points.to_string());
                row.push(grade.problems.join("; "));
            }
            Err(error) => {
                row.extend(std::iter::repeat_n(String::new(), header.len() - 7));
                row.extend([
                    "0".to_string(),
                    course.max_points().to_string(),
                    error.clone(),
                ]);
            }
        }
        row.push(seed.to_string());
        row.push(env!("CARGO_PKG_VERSION").to_string());
        row.push(manifest_sha256.to_string());
        text.push_str(&csv_row(&row));
    }
    text
}

/// One CSV line (RFC 4180): a field with a comma, a quote or a line break is quoted.
fn csv_row(fields: &[String]) -> String {
    let quoted: Vec<String> = fields
        .iter()
        .map(|field| {
            if field.contains([',', '"', '\n', '\r']) {
                format!("\"{}\"", field.replace('"', "\"\""))
            } else {
                field.clone()
            }
        })
        .collect();
    format!("{}\r\n", quoted.join(","))
}

/// `mistakes.md`: the kinds of failing message, commonest first: how many students got each,
/// in which checks, and one example.
pub fn mistakes(graded: &[Graded]) -> String {
    struct Kind {
        students: usize,
        checks: BTreeMap<String, usize>,
        example: String,
    }
    let mut kinds: BTreeMap<String, Kind> = BTreeMap::new();
    for student in graded {
        let Ok(grade) = &student.grade else { continue };
        let mut seen = std::collections::BTreeSet::new();
        for exercise in &grade.exercises {
            for check in &exercise.checks {
                if matches!(check.status, Status::Passed | Status::NotDone) {
                    continue;
                }
                let kind = check
                    .message_id
                    .unwrap_or("(the course's own words)")
                    .to_string();
                let entry = kinds.entry(kind.clone()).or_insert_with(|| Kind {
                    students: 0,
                    checks: BTreeMap::new(),
                    example: check.message.clone(),
                });
                if seen.insert(kind) {
                    entry.students += 1;
                }
                *entry
                    .checks
                    .entry(format!("{}/{}", exercise.name, check.id))
                    .or_default() += 1;
            }
        }
    }
    let mut ranked: Vec<(&String, &Kind)> = kinds.iter().collect();
    ranked.sort_by(|a, b| b.1.students.cmp(&a.1.students).then(a.0.cmp(b.0)));
    let mut text = format!(
        "# Common mistakes\n\n{} students graded. Each kind of failing message (its id in \
         grader/locales/), by how many students got it.\n\n| students | kind | checks | example |\n\
         |---:|---|---|---|\n",
        graded.len()
    );
    for (kind, found) in ranked {
        let checks: Vec<String> = found
            .checks
            .iter()
            .map(|(check, count)| format!("{check} ({count})"))
            .collect();
        let example: String = found.example.chars().take(200).collect();
        let _ = writeln!(
            text,
            "| {} | `{kind}` | {} | {} |",
            found.students,
            checks.join(", "),
            example.replace('|', "\\|").replace('\n', " ")
        );
    }
    text
}

/// The SHA-256 of the course's manifest: which grading files a gradebook's points came from.
pub fn manifest_sha256(root: &Path) -> Result<String, String> {
    let bytes = std::fs::read(root.join(MANIFEST))
        .map_err(|error| format!("cannot read {MANIFEST}: {error}"))?;
    Ok(crate::integrity::hex_sha256(&bytes))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_fields_are_quoted_when_they_must_be() {
        let row = csv_row(&["ann".into(), "a, b".into(), "say \"hi\"".into()]);
        assert_eq!(row, "ann,\"a, b\",\"say \"\"hi\"\"\"\r\n");
    }
}
