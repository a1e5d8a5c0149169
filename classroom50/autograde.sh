#!/bin/sh
# Classroom 50's autograder for this course: grades one submission with the instructor's copy of
# the grader, harnesses, fixtures and snapshots, and leaves result.json
# (schema "classroom50/result/v1": the points of each check and the total).
#
# The bundle, built by the instructor and never shown to students (it holds no solutions):
#
#   bundle/
#     autograde.sh    this script, the entry point; Classroom 50 runs it from bundle/
#     course/         the course as `cargo run -p grader -- export bundle/course` writes it:
#                     no solutions/, no golden cases, the grading files sealed
#     submission/     the student's repository, as Classroom 50 hands it over (SUBMISSION_DIR)
#     result.json     what this script leaves (RESULT_DIR)
#
# Build it from the course repository with:
#
#   cargo run -p grader -- export bundle/course
#   cp classroom50/autograde.sh bundle/
#
# Only the submission's exercises/ is graded: it is copied over course/exercises/, and the rest
# of the submission (its grader, fixtures, course.toml, workflows) is ignored. Then
#
#   cargo run --manifest-path course/Cargo.toml -p grader -- --root course --format classroom --out RESULT_DIR
#
# writes result.json, with the values of Classroom 50's CLASSROOM, ASSIGNMENT, SUBMISSION_TAG,
# COMMIT_URL, RELEASE_URL and REVIEW_URL, which pass through from the environment.
#
# Environment: SUBMISSION_DIR (default: submission) and RESULT_DIR (default: ., the bundle);
# relative paths are taken from the bundle directory. Needs cargo (Rust 1.89 or newer) and the
# crates (crates.io, or `cargo fetch --manifest-path bundle/course/Cargo.toml` beforehand).
# The first grade compiles the dependencies into course/target; later ones reuse them.
#
# Exit status: 0 when result.json was written, whatever the points (they carry the verdict);
# non-zero only when it was not (no course in the bundle, no submission, no cargo, the grader
# could not run).
set -eu

cd "$(dirname "$0")"
bundle=$(pwd)
course="$bundle/course"
submission=${SUBMISSION_DIR:-submission}
result_dir=${RESULT_DIR:-.}

fail() {
    echo "autograde.sh: $*" >&2
    exit 2
}

[ -f "$course/course.toml" ] ||
    fail "no course in $course: build the bundle with \`cargo run -p grader -- export bundle/course\`"
[ -d "$submission" ] || fail "no submission in $submission (set SUBMISSION_DIR)"
command -v cargo >/dev/null 2>&1 || fail "cargo is not installed (https://rustup.rs)"
mkdir -p "$result_dir"
result_dir=$(cd "$result_dir" && pwd)

# A bundle may grade several submissions in turn, and a submission's code runs with write access
# to the course: each grade starts from a fresh copy of the course as exported (kept aside on the
# first run), so that nothing a previous submission did is left over. Only the build folder is
# kept, so that the dependencies are not compiled again.
pristine="$bundle/.pristine"
if [ ! -d "$pristine" ]; then
    mkdir -p "$pristine"
    (cd "$course" && tar --exclude=./target -cf - .) | (cd "$pristine" && tar -xf -)
fi
if [ -d "$course/target" ]; then
    mv "$course/target" "$bundle/.target"
fi
rm -rf "$course"
mkdir -p "$course"
(cd "$pristine" && tar -cf - .) | (cd "$course" && tar -xf -)
if [ -d "$bundle/.target" ]; then
    mv "$bundle/.target" "$course/target"
fi

# Only the student's answers are taken: each exercise's src/ and prediction.txt. Its Cargo.toml
# (or a build.rs) stays as exported, so that a broken manifest cannot stop the other exercises.
if [ -d "$submission/exercises" ]; then
    for exercise in "$course"/exercises/*/; do
        name=$(basename "$exercise")
        from="$submission/exercises/$name"
        if [ -d "$from/src" ]; then
            rm -rf "$exercise/src"
            cp -R "$from/src" "$exercise/src"
        fi
        if [ -f "$from/prediction.txt" ]; then
            cp "$from/prediction.txt" "$exercise/prediction.txt"
        fi
    done
else
    # Still a grade (the untouched stubs get no points), so that the student sees one.
    echo "autograde.sh: $submission has no exercises/ folder: grading the stubs" >&2
fi

echo "autograde.sh: grading ${ASSIGNMENT:-the assignment} ${SUBMISSION_TAG:-}" >&2
rm -f "$result_dir/result.json"
status=0
cargo run --manifest-path "$course/Cargo.toml" -p grader -- \
    --root "$course" --format classroom --out "$result_dir" || status=$?

if [ -f "$result_dir/result.json" ]; then
    exit 0
fi
echo "autograde.sh: the grader wrote no result.json (exit status $status)" >&2
[ "$status" -ne 0 ] || status=2
exit "$status"
