# The grader's messages in English: what every exercise shares: compile errors, a run that ended badly (todo!, a panic, a blocked runtime, the time limit).
# The same ids, with the same variables, are in ../ru/runs.ftl (a test holds the two together).
# A message is one paragraph: its lines are joined with spaces. Ids start with the file's prefix.

## the course file

course-unknown-exercise = no exercise is named `{ $name }`; the exercises are: { $known }

## a crate that does not compile

run-compile-error = The crate does not compile, so this check could not run. The first errors:
run-compile-error-api = Your crate compiles, but the grader cannot call it: a public function,
    type or signature differs from the stub's. Keep them as the stub gives them (its doc comments
    say what each must be). The compiler's first errors, in the grader's code that calls yours:
run-compile-timed-out = Compiling took longer than the grader allows, and was stopped. Does a
    build script loop?
build-more-errors = ... and { $count } more errors (see `cargo build -p { $package }`)

## a run that ended before it could be compared with anything

run-todo-at = Not done yet: a `todo!()` is still in place ({ $location }).
run-todo = Not done yet: a `todo!()` is still in place.
run-flooded = The program printed more than { $limit } and was stopped. Is a loop printing
    without end?
run-megabytes = { $count } MB
run-kilobytes = { $count } KB
run-blocked = The runtime's only thread was blocked for more than { $seconds } s of real time
    and the run was stopped. { $cause }
run-blocked-computing = It was computing the whole time: a loop that never reaches an `.await`
    that waits (a `yield_now()` or a zero-length sleep does not wait).
run-blocked-waiting = It was waiting without telling tokio: `std::thread::sleep` (or another
    blocking call) stops the whole thread, and every task on it. Use
    `tokio::time::sleep(..).await`, which lets the other tasks run meanwhile.
run-blocked-either = Either it waited without telling tokio (`std::thread::sleep` or another
    blocking call: use `tokio::time::sleep(..).await`), or it ran a loop that never reaches an
    `.await`.
run-stuck = The program waited more than { $seconds } s for something that never happens (no
    timer was set, nothing could wake it) and was stopped. Is a task waiting for itself, or for a
    future that is never driven?
run-too-long = The program was still running after { $minutes } minutes of tokio's time and was
    stopped. Does a loop go on sleeping for ever?
run-timed-out = The program ran past its time limit ({ $seconds } s) and was stopped.
run-panicked-at = The program panicked at { $location }: { $message }
run-panicked = The program panicked: { $message }
run-exited-code = The program stopped with exit status: { $code }.
run-exited = The program stopped with { $status }.
run-cut-short = { $start }... ({ $characters } characters)
course-cannot-read = cannot read { $file }: { $error } (is { $root } a copy of the course? try
    --root)

## the grader's own problems

runner-could-not-grade = The grader could not grade this exercise: { $problem }
runner-check-not-run = the grader did not run this check
runner-grading-file-edited = A grading file differs from the sealed manifest: { $file }. This
    exercise's checks score nothing until it is as shipped: `git checkout -- { $file }`.

## a student's copy from before the course named every folder after its exercise

course-former-folder-only = exercises/{ $exercise }/ is missing, and exercises/{ $former }/ is
    there: it is { $exercise }'s folder from before the course named every folder after its
    exercise. Move it to exercises/{ $exercise }/ (`git mv exercises/{ $former } exercises/{ $exercise }`),
    then run the command again.
course-former-folder-left = exercises/{ $former }/ is this exercise's folder from before the course
    renamed it, and is not graded: exercises/{ $exercise }/ is. Move what you wrote in
    exercises/{ $former }/ ({ $answers }) into exercises/{ $exercise }/, then delete
    exercises/{ $former }/.
