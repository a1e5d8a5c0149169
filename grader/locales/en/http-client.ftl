# The grader's messages in English: the checks of the http-client exercise.
# The same ids, with the same variables, are in ../ru/http-client.ftl (a test holds the two together).
# A message is one paragraph: its lines are joined with spaces. Ids start with the file's prefix.


## every failed check ends with how to replay the run

hc-replay = (seed { $seed }: `cargo run -p grader -- { $exercise } --seed { $seed }` replays this
    run)
hc-no-return = The program ended without reporting what first_chars returned: does it call
    `std::process::exit`?
hc-unreadable = The grader could not make sense of what the harness reported: { $result }.

## the cases, as $what in the messages below ("first_chars on { $what }")

hc-case-text = a page of Russian text
hc-case-html = an HTML page in Russian
hc-case-short = a page of { $chars } characters
hc-case-status = a page that answers { $status }
hc-case-refused = a port where no server listens (the connection is refused)
hc-case-hangup = a server that closes the connection without answering
hc-case-silent = a server that never answers (the client's timeout is { $timeout_ms } ms)

## any check

hc-panicked = first_chars panicked on { $what }: `{ $message }`. An error is a value to return:
    `?` hands it to the caller, `unwrap()` crashes the program.
hc-hung = first_chars on { $what } did not return within { $seconds } s. Use the client you are
    given: its timeout ends every wait.

## first-chars

hc-first-passed = first_chars returns the first 70 characters of every page, Russian text and
    HTML alike, and a shorter page whole.
hc-first-bytes-panicked = first_chars panicked on { $what }: the cut fell inside a letter ("is not
    a char boundary"). Slicing a `String` (`&text[..70]`) counts bytes, and a Cyrillic letter takes
    two: a cut that falls inside one panics. Count characters with `text.chars()`.
hc-first-short-panicked = first_chars panicked on a page of { $chars } characters, shorter than
    70: `{ $message }`. A shorter page is returned whole: `text.chars().take(70)` stops where the
    text does.
hc-first-bytes = first_chars on { $what } returned `{ $got }`, { $got_chars } characters: it
    counted 70 bytes, and a Cyrillic letter takes two. The page starts with these 70 characters:
    `{ $expected }`. Count characters with `text.chars()`.
hc-first-dots = first_chars on { $what } returned its first 70 characters followed by `...`: the
    dots are for `main` to print (it does). Return the characters alone.
hc-first-short-wrong = first_chars on a page of { $chars } characters returned `{ $got }`,
    { $got_chars } characters; a page shorter than 70 characters is returned whole:
    `{ $expected }`.
hc-first-wrong = first_chars on { $what } returned `{ $got }`, { $got_chars } characters; it should
    return the page's first 70 characters: `{ $expected }`.
hc-first-error = first_chars on { $what }, which answers 200, returned { $got }; the page is there,
    and its first 70 characters are the answer.

## error-status

hc-status-passed = An answer with an error status is `FetchError::Status`, never shown as if it
    were the page.
hc-status-ok = first_chars on { $what } returned `Ok("{ $got }")`: the start of the error page,
    shown as if it were the page asked for. Check `response.status()` before reading the body, and
    return `FetchError::Status` when it is not a success.
hc-status-request = first_chars on { $what } returned `FetchError::Request` ({ $message }). The
    server did answer, with an error status: that is `FetchError::Status({ $status })`.
    (`error_for_status()` makes a `reqwest::Error` of it, which `?` turns into `Request`.)
hc-status-wrong-code = first_chars on { $what } returned `FetchError::Status({ $got })`: give the
    status the server answered.

## no-answer

hc-no-answer-passed = No answer (a refused connection, a connection closed without an answer, a
    server that never answers) is `FetchError::Request`, and nothing panics.
hc-no-answer-panicked = first_chars panicked on { $what }: `{ $message }`. No answer is an error to
    return, not a reason to crash: `?` turns the `reqwest::Error` into `FetchError::Request`.
hc-no-answer-hung = first_chars on { $what } did not return within { $seconds } s. Use the client
    you are given: its timeout ends the wait (`reqwest::get` and `Client::new()` have none).
hc-no-answer-wrong = first_chars on { $what } returned { $got }; with no answer at all, it should
    return `FetchError::Request`.
