# The grader's messages in English: the checks of exercise 1, factorial gather.
# The same ids, with the same variables, are in ../ru/factorial-gather.ftl (a test holds the two together).
# A message is one paragraph: its lines are joined with spaces. Ids start with the file's prefix.


## factorial and gather: a scenario's verdict ($call is the call graded, as `gather()`)

fg-factorial-passed = Each step is printed one second after the last, and n! is returned.
fg-scenario-passed = { $call } printed the right lines at the right instants and returned in { $seconds } s.
fg-gather-written-by-hand = gather() printed the right timeline, but factorial does not work on its own (see
    the factorial check): gather's lines must come from factorial, not be written out by hand.
fg-print-without-newline = { $call }: printed `{ $text }` without ending the line: use `println!`, which
    ends each line, rather than `print!`.

## what is wrong with a timeline, after "$call: "

fg-printed-times = printed `{ $line }` { $count ->
        [1] once
        [2] twice
       *[other] { $count } times
    }; the lesson's program prints it { $expected_count ->
        [1] once
        [2] twice
       *[other] { $expected_count } times
    }.
fg-printed-instead = printed `{ $line }`, where the lesson's program prints `{ $wanted }`. Check the
    text and the numbers, character by character.
fg-printed-unknown = printed `{ $line }`, which the lesson's program never prints.
fg-printed-to-stderr = printed `{ $line }` to stderr (`eprintln!`); the lesson's program prints to
    stdout, with `println!`.
fg-never-printed = never printed `{ $line }`.
fg-never-printed-and-more = never printed `{ $line }` (nor { $others } other lines).
fg-ran-one-after-another = every line is right, but it took { $seconds } s instead of
    { $expected_seconds } s: the tasks ran one after another. Awaiting futures one by one adds
    their times up; to overlap their sleeps, drive them together (`tokio::join!`, `join_all`,
    `JoinSet`...).
fg-line-moved = every line is right, but `{ $line }` came at { $got }, where the lesson's program
    prints it at { $want }. Print each "Compute" line, then sleep one second; print the result
    line right after the last sleep.
fg-wrong-instants = every line is right, but not at the right instants.
fg-results-wrong-order = returned { $got } instead of { $want }: the results must come in the order
    of the tasks (A, B, C), not the order they finished in.
fg-wrong-value = returned { $got } instead of { $want }.
fg-late-return = returned at { $got } instead of { $want }: it should return as soon as the last
    task is done.
fg-never-returned = never returned.
fg-unlike-reference = did not do what the reference does.

## the prediction

fg-prediction-missing = Not done yet: write what you expect `gather` to print in { $file }.
fg-prediction-not-utf8 = { $file } is not UTF-8 text: save it as UTF-8 (your editor's encoding
    setting).
fg-prediction-empty = Not done yet: before running the program, write in { $file } the lines you
    expect it to print, in order.
# $right: how many lines are right so far; $count: how many lines $lines quotes.
fg-prediction-cannot-come-next = { $right ->
        [0] Your prediction cannot start with `{ $line }`
        [1] The first line of your prediction is right, but `{ $line }` cannot come next
       *[other] The first { $right } lines of your prediction can happen, but `{ $line }` cannot
            come next
    }: first, at { $at }, the program { $count ->
        [1] still prints { $lines }
       *[other] still prints these lines, in some order: { $lines }
    }.
fg-prediction-stops-early = { $right ->
        [0] Your prediction stops before its first line
        [1] The first line of your prediction is right, but then it stops
       *[other] The first { $right } lines of your prediction can happen, but then it stops
    }: at { $at }, the program { $count ->
        [1] still prints { $lines }
       *[other] still prints these lines, in some order: { $lines }
    }.
fg-prediction-sequential = You predicted that each task runs to its end before the next starts, as
    plain function calls would. At each `.await` on its sleep, a task hands the thread to the
    others.
fg-prediction-goes-on = Your prediction goes on after the program's last line, from `{ $line }` on.
fg-prediction-passed = Your prediction is one of the orders the program can print its lines in.

## the details: the two timelines side by side, under these headings

fg-side-by-side-expected = expected
fg-side-by-side-yours = yours
