#!/usr/bin/env python3
"""Classroom 50's autograder for this course: grades the student's checkout it runs in.

`cargo run -p grader -- export --classroom50 DIR` writes the folder to commit as
`<classroom>/autograders/<assignment>/` in the Classroom 50 configuration repository:

    DIR/
      autograder.py   this file; Classroom 50's runner runs it with Python
      course/         the course as the student template has it (no solutions), sealed

The runner (see Classroom 50's runner.py and its autograder contract) runs this file with the
student's checkout as the working directory and the unpacked folder in
CLASSROOM50_BUNDLE_DIR, within the grade job's 15 minutes. This file:

1. builds the grader of the bundle's course (never the student's), from the bundle's folder so
   that no `.cargo/config.toml` or `rust-toolchain.toml` of the student's applies;
2. runs it with `--submission` on the checkout: only each exercise's answer files (course.toml's
   `answers`: its `src/`, `prediction.txt`) are graded, laid over a working copy of the
   bundle's course; the student's grader, fixtures, snapshots and manifest are ignored. A
   checkout made before an exercise's folder was renamed keeps its answers in the former
   folder (course.toml's `former_dirs`): the grader takes them from there;
3. leaves in the checkout what the runner reads: `result.json` (classroom50/result/v1) and
   `release-body.md`, and appends `status=` and `summary=` to $GITHUB_OUTPUT.

It exits 0 whenever result.json was written (the points carry the verdict), and non-zero only
when the grader could not run at all (the runner then records an error).

Needs: Python 3.9 or newer (standard library only) and cargo on PATH: set the assignment's
`runtime` to {"rust": "stable"}. Builds go to $RUNNER_TEMP (or the system's temporary folder),
outside both the checkout and the bundle.
"""

import os
import pathlib
import shutil
import subprocess
import sys
import tempfile

# The grade job has 15 minutes in all: leave room for the toolchain and the release.
BUILD_TIMEOUT_S = 8 * 60
GRADE_TIMEOUT_S = 4 * 60


def log(message):
    print(f"autograder: {message}", file=sys.stderr, flush=True)


def main():
    checkout = pathlib.Path.cwd()
    bundle = pathlib.Path(
        os.environ.get("CLASSROOM50_BUNDLE_DIR") or pathlib.Path(__file__).parent
    ).resolve()
    course = bundle / "course"
    if not (course / "course.toml").is_file():
        log(f"no course in {course}: write this folder with `export --classroom50`")
        return 2
    cargo = shutil.which("cargo")
    if cargo is None:
        log('cargo is not on PATH: set the assignment\'s runtime to {"rust": "stable"}')
        return 2
    scratch = pathlib.Path(os.environ.get("RUNNER_TEMP") or tempfile.gettempdir())
    scratch = scratch / "async-rust-grader"
    # One target folder for the grader and the harnesses: the dependencies compile once.
    target = scratch / "target"

    # No variable of cargo's that would point the build elsewhere.
    env = {
        name: value
        for name, value in os.environ.items()
        if not name.startswith("CARGO_") and name not in ("RUSTFLAGS", "RUSTC_WRAPPER")
    }
    env["CARGO_TERM_COLOR"] = "never"

    log("building the grader")
    build = [
        cargo, "build", "--locked", "--quiet", "-p", "grader",
        "--manifest-path", str(course / "Cargo.toml"), "--target-dir", str(target),
    ]
    try:
        built = subprocess.run(build, cwd=course, env=env, timeout=BUILD_TIMEOUT_S)
    except subprocess.TimeoutExpired:
        log("building the grader took too long")
        return 2
    if built.returncode != 0:
        log(f"the grader did not build (exit status {built.returncode})")
        return 2
    grader = target / "debug" / ("grader.exe" if os.name == "nt" else "grader")

    # Whatever a previous run left is not this run's result.
    for name in ("result.json", "release-body.md"):
        (checkout / name).unlink(missing_ok=True)
    grade = [
        str(grader), "--root", str(course), "--submission", str(checkout),
        "--work", str(scratch / "work"), "--target-dir", str(target),
        "--format", "classroom50", "--out", str(checkout),
    ]
    log(f"grading {os.environ.get('ASSIGNMENT', 'the assignment')} "
        f"{os.environ.get('SUBMISSION_TAG', '')}")
    try:
        status = subprocess.run(grade, cwd=course, env=env, timeout=GRADE_TIMEOUT_S).returncode
    except subprocess.TimeoutExpired:
        log("grading took too long")
        status = 2
    if not (checkout / "result.json").is_file():
        log(f"the grader wrote no result.json (exit status {status})")
        return status or 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
