# The grader's messages in English: the checks of the hello-server exercise.
# The same ids, with the same variables, are in ../ru/hello-server.ftl (a test holds the two together).
# A message is one paragraph: its lines are joined with spaces. Ids start with the file's prefix.


## every failed check ends with how to replay the run

hs-replay = (seed { $seed }: `cargo run -p grader -- { $exercise } --seed { $seed }` replays this
    run)
hs-no-port = The server's harness ended before it could say which port to connect to.
hs-returned-early = serve returned before the shutdown came: it must serve until the `shutdown`
    future completes.
hs-returned-early-error = serve returned `Err({ $error })` before the shutdown came: it must serve
    until the `shutdown` future completes.

## what the client got, as $got below

hs-got-answer = { $status } with `{ $body }`
hs-got-refused = no answer: the connection was refused
hs-got-closed = no answer: the connection closed before the answer
hs-got-timed-out = no answer within { $seconds } s

## greets, decodes, not-found

hs-greets-passed = `GET /` answers `Hello, Anonymous`, and `GET /{"{"}name{"}"}` answers
    `Hello, {"{"}name{"}"}`.
hs-decodes-passed = Percent-encoded names are decoded: `/%D0%9C%D0%B8%D1%80` is greeted as `Мир`.
hs-not-found-passed = Any other path, or another method than GET, gets a 404.
hs-route-wrong = `{ $request }` got { $got }; it should get 200 with `{ $expected }`.
hs-decodes-raw = `{ $request }` got `{ $got }`: the name as it came, still percent-encoded. A
    browser writes each byte of a name that is not plain ASCII as `%XX`; decode it with
    `percent_encoding::percent_decode_str(name).decode_utf8()` to greet `{ $expected }`.
hs-not-found-greeted = `{ $request }` got { $got }: only `/` and `/{"{"}name{"}"}` (one segment,
    GET) are greeted. Anything else gets a 404.
hs-not-found-wrong = `{ $request }` got { $got }; it should get a 404.

## concurrent

hs-concurrent-not-all = Of { $count } requests sent at once, not all were answered within
    { $seconds } s: the server takes them one at a time (one after another, they take
    { $sequential_s } s). Serve each connection in a task of its own (`JoinSet::spawn`,
    `tokio::spawn`) and go back to `accept` at once.
hs-concurrent-not-greeted = `{ $request }`, one of the requests sent at once, got { $got }: see the
    greets check; this one times greetings.
hs-concurrent-no-work = `{ $request }` was answered at once: the handler must first do the
    lesson's "extra async logic", a sleep of { $work_ms } ms (`tokio::time::sleep(WORK).await`).
    Done right, ten requests at once still take about a second, not ten.
hs-concurrent-passed = { $count } requests sent at once were all answered within { $seconds } s:
    each waited its second, side by side with the others.

## graceful

hs-graceful-dropped = The { $count } requests in flight when the shutdown came ({ $shutdown_ms } ms
    after they were sent) were not all answered. After the shutdown, let each connection finish
    its request (`graceful_shutdown()`), and wait for the connections' tasks before returning:
    when `serve` returns, the program ends, and the tasks with it.
hs-graceful-one-at-a-time = The { $count } requests sent just before the shutdown were not all
    answered: the server takes one connection at a time (see the concurrent check), so the others
    were still waiting for their turn when it stopped.
hs-graceful-accepted = `{ $request }`, sent on a new connection { $late_ms } ms after the shutdown,
    was answered. After the shutdown, take no new connection: leave the accept loop and drop the
    listener.
hs-graceful-passed = The { $count } requests in flight at the shutdown were answered, and a new
    connection after it was refused.

## returns

hs-returns-passed = serve returned soon after the shutdown, both with requests in flight and with
    idle keep-alive connections.
hs-returns-error = serve returned `Err({ $error })` after the shutdown; a shutdown that went well
    is `Ok(())`.
hs-returns-slow = serve returned well over a second after the shutdown: return as soon as the
    last connection has finished.
hs-returns-never = serve had not returned { $seconds } s after the shutdown, though the requests in
    flight were answered { $remaining_ms } ms after it. When `shutdown` completes, leave the
    accept loop (`tokio::select!` between `accept()` and `&mut shutdown`), let the connections
    finish, and return.
hs-returns-idle = serve had not returned { $seconds } s after the shutdown, while the clients kept
    their keep-alive connections open and idle, as browsers do. When `shutdown` completes, leave
    the accept loop, and tell each connection to finish (`graceful_shutdown()`): an idle one
    never ends by itself, and closes at once when told.
hs-returns-unknown = The grader got no word of how serve ended.
