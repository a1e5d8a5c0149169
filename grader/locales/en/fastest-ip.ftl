# The grader's messages in English: the checks of the fastest-ip exercise (the fastest IP).
# The same ids, with the same variables, are in ../ru/fastest-ip.ftl (a test holds the two together).
# A message is one paragraph: its lines are joined with spaces. Ids start with the file's prefix.


## every failed check ends with how to replay the run

ip-replay = (seed { $seed }: `cargo run -p grader -- { $exercise } --seed { $seed }` replays this
    run)
ip-no-return = The program ended without returning: does it call `std::process::exit`?

## fetch-ip

ip-fetch-unreadable = The grader could not make sense of what your code returned: { $result }.
# $answer is one of the ip-answer-* messages below: what the service does.
ip-fetch-wrong-address = fetch_ip on a service that { $answer } returned { $got }; it should
    return the address { $ip }.
ip-fetch-wrong-error = fetch_ip on a service that { $answer } returned { $got }; it should return
    `FetchError::{ $variant }`.
ip-fetch-passed = fetch_ip tells every kind of answer apart: good, error status, not JSON, no
    field, not an IP, no answer.
ip-answer-status = answers { $status } with `{ $body }`
ip-answer-hangup = closes the connection without answering
ip-answer-silent = never answers

## first-success

ip-first-success-passed = The first service to answer well won; the faster failures did not.
ip-first-success-wrong-address = fastest_ip named the right service, { $service }, but returned
    { $got }; it answered { $ip }.
ip-first-success-slower = fastest_ip returned { $service }, which answered at { $service_ms } ms;
    { $winner } answered well at { $winner_ms } ms, before it. The first *good* answer wins.
ip-first-success-gave-up = fastest_ip returned `AllFailed`, but { $winner } answered well at
    { $winner_ms } ms. A failure must not end the race: keep waiting for the others.
# $answer is one of the ip-answer-* messages: what the service really answered; $success_status
# is "yes" when that answer had a 2xx status.
ip-first-success-took-failure = fastest_ip returned { $service }, but its answer, at
    { $service_ms } ms, was no good: it { $answer }, which fetch_ip must turn into
    `FetchError::{ $variant }`. { $success_status ->
        [yes] A 200 with a bad body is a failure too. { $winner }
       *[other] { $winner }
    } answered well at { $winner_ms } ms: the first *good* answer wins.
ip-first-success-gave-up-on-200 = fastest_ip returned `AllFailed` as soon as { $service }
    answered, at { $service_ms } ms. It { $answer }, which fetch_ip must turn into
    `FetchError::{ $variant }`: a 200 with a bad body is a failure too, and a failure must not end
    the race ({ $winner } answered well at { $winner_ms } ms). Judge each answer by what
    `fetch_ip` makes of it, not by its status.
ip-first-success-unknown = fastest_ip returned { $service }, which is none of the services it was
    given; { $winner } answered well at { $winner_ms } ms.

## concurrent

ip-no-request = fastest_ip sent no request at all.
ip-sequential-after-answer = The requests went one after another: { $service } was asked only
    after { $earlier } had answered. Start every request at once, then wait for the answers.
ip-sequential-late = The requests went one after another: { $service } was asked well after the
    first. Start every request at once, then wait for the answers.
ip-never-asked = { $service } was never asked. fastest_ip must ask every service.
ip-waited-for-slower = fastest_ip returned well after { $winner } answered well, at
    { $winner_ms } ms: it waited for slower services too (as `join_all` does). Return as soon as
    there is a good answer.
ip-concurrent-passed = Every request was on its way at once, and the answer came as soon as the
    fastest good service's.

## cancelled

ip-winner-never-asked = { $winner } (the fastest good service) was never asked, so there was
    nothing to cancel: ask every service at once first (see the concurrent check).
ip-cancelled-passed = The requests that lost were cancelled as soon as there was a winner.
# $services is a list built with ip-list-more and ip-list-last; $count, how many are in it.
ip-left-running = After { $winner } answered, the { $count ->
        [one] request
       *[other] requests
    } to { $services } went on running. Once there is a winner, drop the other futures (or abort
    their tasks, as a `JoinSet` does when dropped): a request left running holds a connection and
    keeps a server busy for nothing.
# a list, "a, b and c": every name but the last joined by ip-list-more, then the last by
# ip-list-last.
ip-list-more = { $first }, { $next }
ip-list-last = { $first } and { $next }

## all-failed

ip-all-failed-took-address = Every service failed, yet fastest_ip returned { $result }: which of
    their answers did it take for an address?
ip-all-failed-missing = `AllFailed` says nothing about { $service }: it must give one reason per
    service.
ip-all-failed-wrong-reason = `AllFailed` gives { $got } for { $service }, a service that
    { $answer }; expected `FetchError::{ $variant }`.
ip-all-failed-count = `AllFailed` has { $reasons } reasons for { $services } services: one per
    service.
ip-all-failed-slow = fastest_ip took longer to give up than the client's timeout
    ({ $timeout_ms } ms) explains: does it wait for something else too?
ip-all-failed-passed = When every service fails, `AllFailed` gives one reason for each, within the
    client's timeout.

## pages

ip-pages-one-at-a-time = The pages were fetched one at a time: { $path } was asked for only
    after { $earlier } had arrived. Fetch every page at once, as in fastest_ip, and take them as
    they arrive.
ip-pages-one-at-a-time-late = The pages were fetched one at a time: { $path } was asked for well
    after the first. Fetch every page at once, as in fastest_ip, and take them as they arrive.
ip-pages-none = first_page_longer_than(.., { $min_chars }) returned None, but { $path } has
    { $chars } characters.
ip-pages-bytes = first_page_longer_than(.., { $min_chars }) returned { $path }, which has
    { $bytes } bytes but only { $chars } characters: the pages are in Russian, where a letter
    takes two bytes. Count characters (`text.chars().count()`), not bytes (`text.len()`).
ip-pages-wrong = first_page_longer_than(.., { $min_chars }) returned { $result }; the first page
    to arrive with more characters than that is { $path }, with { $chars }.
ip-pages-slow = first_page_longer_than returned the right page, but only well after it arrived
    (at { $delay_ms } ms): it waited for slower pages too. Return as soon as a page is long
    enough.
ip-pages-passed = The first page long enough in characters is found, and None when there is none.
ip-pages-not-none = No page is long enough, yet first_page_longer_than returned { $result }
    instead of None.

## a run stopped at the time limit, in a scenario with a service that never answers

ip-timed-out-on-silent = The program ran past its time limit ({ $seconds } s) and was stopped.
    { $service } never answers, and only a timeout ends a request to it: use the `client` you
    are given (its timeout is { $timeout_ms } ms), not a `reqwest::Client` of your own.
