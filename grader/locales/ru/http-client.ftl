# Сообщения грейдера по-русски: проверки упражнения http-client.
# Те же id и те же переменные, что в ../en/http-client.ftl (это проверяет тест). Перевод пишется для
# студентов, а не слово в слово. Сообщение — один абзац: его строки склеиваются через пробел.


## каждая проваленная проверка заканчивается тем, как повторить прогон

hc-replay = (seed { $seed }: `cargo run -p grader -- { $exercise } --seed { $seed }` повторит этот
    прогон)
hc-no-return = Программа завершилась, не сообщив, что вернула first_chars: не вызывает ли она
    `std::process::exit`?
hc-unreadable = Грейдер не смог разобрать то, что сообщила обвязка: { $result }.

## случаи: $what в сообщениях ниже («first_chars для { $what }»), в родительном падеже

hc-case-text = страницы с русским текстом
hc-case-html = HTML-страницы на русском
hc-case-short = страницы из { $chars } { $chars ->
        [one] символа
       *[other] символов
    }
hc-case-status = страницы, которая отвечает статусом { $status }
hc-case-refused = порта, на котором никто не слушает (соединение отклоняется)
hc-case-hangup = сервера, который закрывает соединение, ничего не ответив
hc-case-silent = сервера, который не отвечает вовсе (таймаут клиента — { $timeout_ms } мс)

## любая проверка

hc-panicked = first_chars запаниковала для { $what }: `{ $message }`. Ошибку нужно вернуть как
    значение: `?` передаёт её вызывающему, а `unwrap()` роняет программу.
hc-hung = first_chars для { $what } не вернулась за { $seconds } с. Пользуйтесь клиентом, который
    вам дан: его таймаут прекращает любое ожидание.

## first-chars

hc-first-passed = first_chars возвращает первые 70 символов каждой страницы, и с русским текстом,
    и с HTML, а страницу покороче — целиком.
hc-first-bytes-panicked = first_chars запаниковала для { $what }: срез строки прошёл посреди буквы
    («is not a char boundary»). `&text[..70]` отсчитывает байты, а кириллическая буква занимает два
    байта, и срез внутри буквы вызывает панику. Считайте символы через `text.chars()`.
hc-first-short-panicked = first_chars запаниковала для страницы из { $chars } { $chars ->
        [one] символа
       *[other] символов
    }, то есть короче 70: `{ $message }`. Короткая страница возвращается целиком:
    `text.chars().take(70)` остановится там, где кончится текст.
hc-first-bytes = first_chars для { $what } вернула `{ $got }`, { $got_chars } { $got_chars ->
        [one] символ
        [few] символа
       *[other] символов
    }: она отсчитала 70 байт, а кириллическая буква занимает два. Страница начинается с этих 70
    символов: `{ $expected }`. Считайте символы через `text.chars()`.
hc-first-dots = first_chars для { $what } вернула первые 70 символов, а за ними `...`: многоточие
    печатает `main` (она так и делает). Возвращайте только символы.
hc-first-short-wrong = first_chars для страницы из { $chars } { $chars ->
        [one] символа
       *[other] символов
    } вернула `{ $got }`, { $got_chars } { $got_chars ->
        [one] символ
        [few] символа
       *[other] символов
    }; страница короче 70 символов возвращается целиком: `{ $expected }`.
hc-first-wrong = first_chars для { $what } вернула `{ $got }`, { $got_chars } { $got_chars ->
        [one] символ
        [few] символа
       *[other] символов
    }, а должна вернуть первые 70 символов страницы: `{ $expected }`.
hc-first-error = first_chars для { $what }, которая отвечает статусом 200, вернула { $got }; но
    страница на месте, и ответ — её первые 70 символов.

## error-status

hc-status-passed = Ответ со статусом ошибки превращается в `FetchError::Status` и никогда не
    выдаётся за саму страницу.
hc-status-ok = first_chars для { $what } вернула `Ok("{ $got }")`: это начало страницы с ошибкой,
    выданное за ту страницу, которую просили. Проверьте `response.status()` до того, как читать
    тело, и верните `FetchError::Status`, если статус не успешный.
hc-status-request = first_chars для { $what } вернула `FetchError::Request` ({ $message }). Но
    сервер ответил, просто статусом ошибки: это `FetchError::Status({ $status })`.
    (`error_for_status()` превращает такой ответ в `reqwest::Error`, а `?` — в `Request`.)
hc-status-wrong-code = first_chars для { $what } вернула `FetchError::Status({ $got })`: передайте
    тот статус, которым ответил сервер.

## no-answer

hc-no-answer-passed = Когда ответа нет (соединение отклонено, закрыто без ответа, сервер молчит),
    возвращается `FetchError::Request`, и ничего не паникует.
hc-no-answer-panicked = first_chars запаниковала для { $what }: `{ $message }`. Отсутствие ответа —
    это ошибка, которую нужно вернуть, а не повод падать: `?` превратит `reqwest::Error` в
    `FetchError::Request`.
hc-no-answer-hung = first_chars для { $what } не вернулась за { $seconds } с. Пользуйтесь
    клиентом, который вам дан: его таймаут прекращает ожидание (у `reqwest::get` и
    `Client::new()` таймаута нет).
hc-no-answer-wrong = first_chars для { $what } вернула { $got }; когда ответа нет совсем, она
    должна вернуть `FetchError::Request`.
