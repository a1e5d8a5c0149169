# The grader's messages in English: the checks of exercise 3, the image bot.
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
bot-run-returned = run() returned while the bot still had messages to answer: it should serve
    until the process is stopped (`Dispatcher::dispatch().await` does).

## Two cases answered with the same text

bot-welcome-same-as-unknown-word = The welcome (chat { $welcome_chat }) is the same text as the
    reply to an unknown word (chat { $unknown_chat }): `{ $text }`. Each case needs its own answer.
bot-apology-same-as-nothing-found = The apology for a failed search (chat { $apology_chat }) is
    the same text as the reply when nothing is found (chat { $nothing_chat }): `{ $text }`. Each
    case needs its own answer.

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
