# The grader's messages in English: the timeline and prediction checks, which every timeline
# exercise shares (course.toml declares their scenarios; an exercise's own advice is there too).
# The same ids, with the same variables, are in ../ru/timeline.ftl (a test holds the two together).
# A message is one paragraph: its lines are joined with spaces. Ids start with the file's prefix.


## a scenario's verdict ($call is the call graded, as `gather()`)

timeline-passed = { $call } printed the right lines at the right instants and returned in { $seconds } s.
timeline-print-without-newline = { $call }: printed `{ $text }` without ending the line: use
    `println!`, which ends each line, rather than `print!`.

## what is wrong with a timeline, after "$call: "

timeline-printed-times = printed `{ $line }` { $count ->
        [1] once
        [2] twice
       *[other] { $count } times
    }; the lesson's program prints it { $expected_count ->
        [1] once
        [2] twice
       *[other] { $expected_count } times
    }.
timeline-printed-instead = printed `{ $line }`, where the lesson's program prints `{ $wanted }`.
    Check the text and the numbers, character by character.
timeline-printed-unknown = printed `{ $line }`, which the lesson's program never prints.
timeline-printed-to-stderr = printed `{ $line }` to stderr (`eprintln!`); the lesson's program
    prints to stdout, with `println!`.
timeline-never-printed = never printed `{ $line }`.
timeline-never-printed-and-more = never printed `{ $line }` (nor { $others ->
        [1] one other line
       *[other] { $others } other lines
    }).
timeline-ran-in-sequence = every line is right, but it took { $seconds } s instead of
    { $expected_seconds } s: the tasks ran one after another. Awaiting futures one by one adds
    their times up; to overlap their sleeps, drive them together (`tokio::join!`, `join_all`,
    `JoinSet`...).
# $seconds is the grader's threshold, not a measurement.
timeline-thread-blocked = every line is right, but not at the right instants: at { $at }, the
    runtime's only thread ran for { $seconds } s of real time or more without waiting, while
    tokio's clock stood still. `std::thread::sleep` (or another blocking call) stops the whole
    thread without telling tokio; use `tokio::time::sleep(..).await`.
timeline-line-moved = every line is right, but `{ $line }` came at { $got }, where the lesson's
    program prints it at { $want }.
timeline-wrong-instants = every line is right, but not at the right instants.
# $tasks: the tasks' names in the order they start, as "A, B, C".
timeline-results-wrong-order = returned { $got } instead of { $want }: the results must come in
    the order of the tasks ({ $tasks }), not the order they finished in.
timeline-results-shuffled = returned { $got } instead of { $want }: the same values, in another
    order.
timeline-wrong-value = returned { $got } instead of { $want }.
timeline-late-return-tasks = returned at { $got } instead of { $want }: it should return as soon
    as the last task is done.
timeline-late-return = returned at { $got } instead of { $want }.
timeline-tasks-left-running = returned, but left { $count ->
        [1] a task
       *[other] { $count } tasks
    } it spawned still running. A spawned task runs on after the call that started it returns,
    unless it is awaited or aborted (`JoinHandle::abort`); a future that is dropped instead (as
    `tokio::time::timeout` drops it) stops at once.
timeline-never-returned = never returned.
timeline-unlike-reference = did not do what the reference does.

## the prediction ($file is its file, as prediction.txt)

timeline-prediction-missing = Not done yet: write in { $file } what you expect { $call } to print.
timeline-prediction-not-utf8 = { $file } is not UTF-8 text: save it as UTF-8 (your editor's
    encoding setting).
timeline-prediction-missing-seconds = Not done yet: write in { $file } how many seconds you expect
    { $call } to take.
timeline-prediction-empty-seconds = Not done yet: before running the program, write in { $file }
    how many seconds you expect it to take (one number).
timeline-prediction-empty = Not done yet: before running the program, write in { $file } the
    lines you expect it to print, in order.
# $right: how many lines are right so far; $count: how many lines $lines quotes.
timeline-prediction-cannot-come-next = { $right ->
        [0] Your prediction cannot start with `{ $line }`
        [1] The first line of your prediction is right, but `{ $line }` cannot come next
       *[other] The first { $right } lines of your prediction can happen, but `{ $line }` cannot
            come next
    }: first, at { $at }, the program { $count ->
        [1] still prints { $lines }
       *[other] still prints these lines, in some order: { $lines }
    }.
timeline-prediction-stops-early = { $right ->
        [0] Your prediction stops before its first line
        [1] The first line of your prediction is right, but then it stops
       *[other] The first { $right } lines of your prediction can happen, but then it stops
    }: at { $at }, the program { $count ->
        [1] still prints { $lines }
       *[other] still prints these lines, in some order: { $lines }
    }.
timeline-prediction-sequential = You predicted that each task runs to its end before the next
    starts, as plain function calls would. At each `.await` on its sleep, a task hands the thread
    to the others.
timeline-prediction-goes-on = Your prediction goes on after the program's last line, from
    `{ $line }` on.
timeline-prediction-passed = Your prediction is one of the orders the program can print its lines
    in.
timeline-prediction-not-seconds = { $file } should hold one number, the seconds you expect the
    program to take (as `2` or `2.5`), but it says `{ $line }`.
timeline-prediction-one-number = { $file } should hold one number, the seconds you expect the
    program to take, and nothing else (lines starting with `#` are notes).
timeline-prediction-seconds-wrong = You predicted { $got } s, but that is not how long { $call }
    takes. Add up the sleeps that come one after another; sleeps that overlap count once.
timeline-prediction-seconds-passed = Right: { $call } takes { $seconds } s.

## the details: the two timelines side by side, under these headings

timeline-expected = expected
timeline-yours = yours
