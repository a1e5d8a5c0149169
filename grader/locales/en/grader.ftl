# The grader's messages in English: the command line, the reports, watch, hint, list and reset.
# The same ids, with the same variables, are in ../ru/grader.ftl (a test holds the two together).
# A message is one paragraph: its lines are joined with spaces. Ids start with the file's prefix.

## hint

hint-heading = Hint { $tier } of { $total } for { $exercise }:
hint-more = (Run `cargo run -p grader -- hint { $exercise }` again for the next one.)
hint-for-check = The { $check } check of { $exercise } failed last time. Its hint:
hint-more-watch = (Press h again for the next one.)
hint-none = { $exercise } has no hints.
hint-cannot-save = cannot write { $file }: { $error }

## the report

status-passed = passed
status-not-done = not done yet
status-timed-out = timed out
status-failed = failed
status-compile-error = does not compile
report-points = { $points }/{ $max_points } points
report-exercises-passed = { $passed } of { $exercises } exercises passed.
report-next = Next: exercises/{ $dir }/ (its README.md explains it), then
    `cargo run -p grader -- { $exercise }`.
report-more-lines = ... and { $count } more lines
report-hint = hint: { $hint }
report-as-shown-above = (as shown above)
report-tampered = The grading files differ from the sealed manifest ({ $manifest }): this grade
    cannot be trusted.

## autograding (--format classroom)

classroom-heading = Autograding
classroom-columns = exercise | check | status | points
classroom-total = Total: { $points }/{ $max_points } points
classroom-tampered-warning = **The grading files were edited**: { $files }
classroom50-columns = check | status | points | what happened
classroom50-summary = { $points }/{ $max_points } points, { $passed } of { $checks } checks passed

## the spinner

progress-compiling = compiling
progress-compiling-one = compiling { $exercise }
progress-grading = grading { $exercise }

## watch

watch-started = Watching the exercises ({ $how }). Keys: n next, h hint, l list, q quit.
watch-by-events = file events
watch-by-polling = polling every 0.5 s
watch-passed = { $exercise } passed. On to { $next }.
watch-all-passed = Every exercise passed. Well done! (q quits)
watch-save-again = Save a file of exercises/{ $dir }/ to grade it again.
watch-keys = Keys: n next, h hint, l list, q quit.
watch-cannot-watch = cannot watch { $folder }: { $error }

## reset

reset-question = Put { $files } back as in { $source ->
        [head] the last commit ({ $commit })
       *[first] the first commit ({ $commit }), as shipped
    }? Your changes to them will be lost.
reset-declined = Nothing was changed.
reset-done = Put back as in { $source ->
        [head] the last commit
       *[first] the first commit
    } ({ $commit }): { $files }.
reset-not-restored = Not restored, as { $source ->
        [head] the last commit
       *[first] the first commit
    } ({ $commit }) does not have them: { $files }.
reset-nothing = { $source ->
        [head] The last commit
       *[first] The first commit
    } ({ $commit }) has none of { $files }: there is nothing to put back, and nothing was changed.
reset-no-history = { $root } is not a git repository with history: there is no shipped copy to
    go back to

## export

export-no-history = { $root } is not a git repository with a commit (or git cannot run): the
    template takes the exercises' stubs from the last commit. Commit the course first, or pass
    --working-tree to take exercises/ as it is on disk, unchecked (make sure it holds the
    unsolved stubs)
export-exercises-changed = exercises/ differs from the last commit ({ $commit }), and the template
    takes the stubs from that commit: { $files }. Commit what belongs in the stubs, and put the
    rest away (`git stash --include-untracked`), then export again
export-no-exercises = the last commit ({ $commit }) has no exercises/: commit the course first

## the command line

cli-exported = Wrote the student template to { $dir }: no solutions, no golden cases, sealed.
cli-exported-classroom50 = Wrote Classroom 50's autograder folder to { $dir } ({ $kilobytes } KB):
    commit it as `<classroom>/autograders/<assignment>/` in your classroom50 repository, and set
    the assignment's runtime to {"{"}"rust": "stable"{"}"}.
cli-sealed = Sealed { $files } grading files in { $manifest }.
cli-subcommand-not-built = `{ $word }` is a subcommand this grader does not have yet
cli-no-solutions = { $root } has no solutions/ (a student's copy of the course): there is nothing
    to grade with --solutions
cli-cannot-write-report = cannot write the report: { $error }
cli-no-course = no { $file } in { $folder } or above it: run the grader inside the course, or
    give --root

## chat

chat-building = Building the bot of { $exercise }...
chat-does-not-compile = The bot does not compile:
chat-started = Chatting with your bot on a mock Telegram (no token, no network). Type a word and
    Enter; `:sticker`, `:photo` and `:location` send those; `:q` or Ctrl-D quits. Photos are saved
    in { $photos }.
chat-reply-text = ← { $text }
chat-reply-photo = ← photo { $picture }, no caption
chat-reply-photo-captioned = ← photo { $picture }, caption: { $caption }
chat-photo-saved = saved as { $path }
chat-photo-not-saved = (not saved: { $error })
chat-photo-url = given by its URL, { $url }
chat-photo-none = without a picture
chat-bot-stopped = The bot stopped: { $why }
chat-ended = The chat has ended.
chat-cannot-make-folder = cannot make { $folder }: { $error }
