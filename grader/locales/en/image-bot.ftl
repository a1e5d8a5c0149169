# The grader's messages in English: the checks of the image-bot exercise (the image bot).
# The same ids, with the same variables, are in ../ru/image-bot.ftl (a test holds the two together).
# A message is one paragraph: its lines are joined with spaces. Ids start with the file's prefix.


## The checks that pass

bot-welcome-passed = /start and /help (also /help@botname) get a welcome, as a reply.
bot-picture-passed = Each word gets its picture, with the text as caption; an unknown word gets a
    reply that says so.
bot-non-text-passed = A sticker, a photo or a location gets a reply asking for a word.
bot-search-passed = The search's first picture is sent; a failing search gets an apology, and the
    bot serves on.
bot-concurrent-passed = A slow search for one chat does not delay the others: each chat is served
    on its own.
bot-resilient-passed = A long message gets a caption cut to Telegram's limit, and a reply refused
    with 429 is sent again after `retry_after`.
bot-token-secret-passed = The bot never printed its token: not on standard output, not on
    standard error, not in a panic.

## Replies that differ from the reference's. The transcripts themselves ("→ a sticker",
## "← text", "(no reply)") are the snapshots' format and stay English in code.

# What the person sent, as the object of "the person sent ...".
bot-incoming-text = text { $text }
bot-incoming-sticker = a sticker
bot-incoming-photo = a photo
bot-incoming-location = a location
# A long text, shortened: its start and end, in quotes, and its length.
bot-quoted-long = "{ $start }…{ $end }" ({ $characters } characters)
# The headings of the transcripts in the details, each followed by a transcript.
bot-details-expected = chat { $chat }, expected:
bot-details-yours = yours:
# $sent: a bot-incoming-* message; $difference: a bot-difference-* message.
bot-replies-differ = In chat { $chat } (the person sent { $sent }), the bot's replies are not the
    expected ones: { $difference }
bot-replies-differ-elsewhere = In chat { $chat } (the person sent { $sent }), the bot's replies
    are not the expected ones (nor in { $others ->
        [one] one other chat
       *[other] { $others } other chats
    }): { $difference }
# The first line where the transcripts differ.
bot-difference-changed = expected `{ $expected }`, got `{ $got }`.
bot-difference-missing = expected `{ $expected }`, got nothing more.
bot-difference-extra = got `{ $got }` too.
bot-difference-unknown = they differ.
# A message with no reply: what the bot did instead. $got: the transcript's line of a reply to
# no message ("← text, not as a reply").
bot-difference-not-a-reply = expected `{ $expected }`, got `{ $got }`: the bot answered, but not
    as a reply to the message. Make every answer a reply:
    `.reply_parameters(ReplyParameters::new(message.id))`.
bot-difference-document = expected `{ $expected }`, got no reply: the bot sent the picture as a
    document (`send_document`), which the local Telegram refuses (404 Not Found). The exercise
    asks for a photo: `send_photo`.
# $method: teloxide's name of the call (send_message); $why: Telegram's words, in English.
bot-difference-refused = expected `{ $expected }`, got no reply: Telegram refused the bot's
    `{ $method }` ({ $status }: { $why }).
bot-difference-elsewhere = expected `{ $expected }`, got no reply: the bot sent its requests to
    { $host }, not to the local Telegram. Answer with the `Bot` that `run` was given.
bot-run-returned = run() returned while the bot still had messages to answer: it should serve
    until the process is stopped (`Dispatcher::dispatch().await` does).

## The bot did not talk to the local Telegram

bot-not-the-given-bot = No call reached the local Telegram: the bot did not use the `Bot` that
    `run` was given. { $how } The grader points that `Bot` at its own Telegram, on this machine
    (`set_api_url`): use it (clone it where you need another), and build no `Bot` of your own.
# $how, when the bot asked the grader's proxy for another host.
bot-own-bot-elsewhere = It tried to reach { $host } instead (a `Bot` of its own, made with
    `Bot::new` or `Bot::from_env`, talks to the real Telegram), and the grader lets no request
    leave this machine.
# $how, when `Bot::from_env()` panicked.
bot-own-bot-from-env = It made one of its own with `Bot::from_env()`, which panicked: while
    grading, no TELOXIDE_TOKEN is set.
bot-no-call = No call reached the local Telegram: the bot never asked it for updates.
    `Dispatcher::builder(bot, handler).build().dispatch().await` does, with the `Bot` that `run`
    was given.
# Added to a panic's message when a text was cut by bytes inside a character.
bot-cut-inside-a-character = A text cut by bytes (`&text[..{ $max }]`) panics when the cut falls
    inside a character: cut by characters, `text.chars().take({ $max }).collect::<String>()`.

## Two cases answered with the same words: the same reply once the person's words are taken out

# One command and its chat, for the list in $commands.
bot-command-in-chat = `{ $command }` (chat { $chat })
# $commands: bot-command-in-chat, joined with commas; $count: how many.
bot-commands-like-unknown-word = { $count ->
        [one] The reply to { $commands } is
       *[other] The replies to { $commands } are
    } the reply to an unknown word (chat { $unknown_chat }), with other words in it: `{ $reply }`,
    and `{ $unknown }`. A command needs its own answer, a welcome: tell the commands apart before
    looking for a picture (a branch with `filter_command::<Command>()`, before the texts').
bot-commands-same-as-unknown-word = { $count ->
        [one] The reply to { $commands } is
       *[other] The replies to { $commands } are
    } the same text as the reply to an unknown word (chat { $unknown_chat }): `{ $reply }`. A
    command needs its own answer, a welcome: tell the commands apart before looking for a picture
    (a branch with `filter_command::<Command>()`, before the texts').
bot-apology-same-as-nothing-found = The apology for a failed search (chat { $apology_chat }) is
    the same text as the reply when nothing is found (chat { $nothing_chat }): `{ $text }`. Each
    case needs its own answer.
bot-apology-like-nothing-found = The apology for a failed search (chat { $apology_chat }) is the
    reply when nothing is found (chat { $nothing_chat }), with other words in it: `{ $apology }`,
    and `{ $nothing }`. Each case needs its own answer.

## Concurrency and resilience

bot-one-at-a-time = Chat { $quick_chat }'s picture (a quick search) came only after chat
    { $slow_chat }'s, whose search takes { $seconds } s: the bot served one message at a time.
    teloxide's Dispatcher serves each chat on its own, unless told otherwise (a
    `distribution_function` that puts every chat on one worker), or unless the bot waits for
    updates by hand.
bot-caption-too-long = Telegram refused the picture for the long message (400: message caption is
    too long): a caption has at most { $max } characters. Cut it
    (`text.chars().take({ $max }).collect::<String>()`).
bot-retry-lost = The picture for chat { $chat } was lost: Telegram answered 429 (Too Many
    Requests, retry after { $retry_after } s), and the bot did not send it again. On
    `RequestError::RetryAfter(wait)`, sleep `wait.duration()` and send it again.
bot-retry-too-soon = The bot sent chat { $chat }'s picture again before the { $retry_after } s
    Telegram asked it to wait: wait `retry_after` first.

## The token

# $places: bot-token-on-stdout, bot-token-in-a-panic, bot-token-on-stderr, joined with commas.
bot-token-printed = The bot printed its token ({ $places }): the grader gave it
    `{ $token }`, and that is in what it printed. Whoever has a bot's token controls the bot:
    anyone who reads a log, a CI page or a screenshot can read its chats and write as it. A
    `Bot`'s `{"{"}:?{"}"}` output holds the token, so never print a `Bot` (nor `bot.token()`);
    teloxide's errors hide the token, print those.
bot-token-on-stdout = on standard output
bot-token-in-a-panic = in a panic's message
bot-token-on-stderr = on standard error
