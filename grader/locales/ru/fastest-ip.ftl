# Сообщения грейдера по-русски: проверки упражнения fastest-ip (самый быстрый IP).
# Те же id и те же переменные, что в ../en/fastest-ip.ftl (это проверяет тест). Перевод пишется для
# студентов, а не слово в слово. Сообщение — один абзац: его строки склеиваются через пробел.


## каждая проваленная проверка заканчивается тем, как повторить прогон

ip-replay = (seed { $seed }: `cargo run -p grader -- { $exercise } --seed { $seed }` повторит этот
    прогон)
ip-no-return = Программа завершилась, ничего не вернув: не вызывает ли она `std::process::exit`?

## fetch-ip

ip-fetch-unreadable = Грейдер не смог разобрать то, что вернул ваш код: { $result }.
# $answer — одно из сообщений ip-answer-* ниже: что делает сервис.
ip-fetch-wrong-address = Сервис { $answer }, а fetch_ip вернула { $got }, хотя должна была
    вернуть адрес { $ip }.
ip-fetch-wrong-error = Сервис { $answer }, а fetch_ip вернула { $got }, хотя должна была вернуть
    `FetchError::{ $variant }`.
ip-fetch-passed = fetch_ip различает все виды ответов: хороший, статус ошибки, не JSON, нет поля,
    не IP-адрес, нет ответа.
ip-answer-status = отвечает статусом { $status } и телом `{ $body }`
ip-answer-hangup = закрывает соединение, ничего не ответив
ip-answer-silent = не отвечает вовсе

## first-success

ip-first-success-passed = Победил первый сервис, ответивший правильно, а не те, что раньше
    ответили ошибкой.
ip-first-success-wrong-address = fastest_ip назвала верный сервис, { $service }, но вернула
    { $got }, а он ответил { $ip }.
ip-first-success-slower = fastest_ip вернула { $service }, который ответил через { $service_ms } мс,
    а { $winner } ответил правильно раньше него, через { $winner_ms } мс. Побеждает
    первый *правильный* ответ.
ip-first-success-gave-up = fastest_ip вернула `AllFailed`, хотя { $winner } ответил правильно через
    { $winner_ms } мс. Ошибка не должна завершать гонку: ждите остальных.
# $answer — одно из сообщений ip-answer-*: что на самом деле ответил сервис; $success_status —
# "yes", если статус этого ответа 2xx.
ip-first-success-took-failure = fastest_ip вернула { $service }, но его ответ (через
    { $service_ms } мс) никуда не годится: сервис { $answer }, и fetch_ip должна превратить это в
    `FetchError::{ $variant }`. { $success_status ->
        [yes] Статус 200 с негодным телом — тоже ошибка. А { $winner }
       *[other] А { $winner }
    } ответил правильно через { $winner_ms } мс: побеждает первый *правильный* ответ.
ip-first-success-gave-up-on-200 = fastest_ip вернула `AllFailed`, как только ответил
    { $service } (через { $service_ms } мс). Этот сервис { $answer }, и fetch_ip должна превратить
    это в `FetchError::{ $variant }`: статус 200 с негодным телом — тоже ошибка, а ошибка не
    должна завершать гонку ({ $winner } ответил правильно через { $winner_ms } мс). Судите о
    каждом ответе по тому, что вернула для него `fetch_ip`, а не по статусу.
ip-first-success-unknown = fastest_ip вернула { $service }, а такого сервиса ей не передавали;
    { $winner } ответил правильно через { $winner_ms } мс.

## concurrent

ip-no-request = fastest_ip не отправила ни одного запроса.
ip-sequential-after-answer = Запросы шли друг за другом: запрос к { $service } ушёл только после
    того, как ответил { $earlier }. Сначала запустите все запросы сразу, потом ждите ответов.
ip-sequential-late = Запросы шли друг за другом: запрос к { $service } ушёл намного позже первого.
    Сначала запустите все запросы сразу, потом ждите ответов.
ip-never-asked = К сервису { $service } так и не обратились. fastest_ip должна опросить все
    сервисы.
ip-waited-for-slower = fastest_ip вернула результат намного позже, чем { $winner } ответил
    правильно (через { $winner_ms } мс): она ждала и более медленных сервисов (как `join_all`).
    Возвращайте результат, как только есть хороший ответ.
ip-concurrent-passed = Все запросы ушли одновременно, и ответ был готов сразу после ответа самого
    быстрого хорошего сервиса.

## cancelled

ip-winner-never-asked = К { $winner } (самому быстрому хорошему сервису) так и не обратились, так
    что и отменять было нечего: сначала опросите все сервисы сразу (см. проверку `concurrent`).
ip-cancelled-passed = Проигравшие запросы были отменены, как только появился победитель.
# $services — список, собранный через ip-list-more и ip-list-last; $count — сколько в нём сервисов.
ip-left-running = { $winner } уже ответил, а { $count ->
        [1] запрос к { $services } продолжал
       *[other] запросы к { $services } продолжали
    } работать. Когда победитель определился, уничтожьте (drop) остальные футуры (или прервите их
    задачи, как делает `JoinSet`, когда его уничтожают): оставленный запрос держит соединение и
    зря занимает сервер.
# список: «a, b и c».
ip-list-more = { $first }, { $next }
ip-list-last = { $first } и { $next }

## all-failed

ip-all-failed-took-address = Ни один сервис не ответил правильно, но fastest_ip вернула
    { $result }: какой из их ответов она приняла за адрес?
ip-all-failed-missing = В `AllFailed` ничего нет про { $service }: там должно быть по одной
    причине на каждый сервис.
ip-all-failed-wrong-reason = В `AllFailed` для { $service } указано { $got }, а этот сервис
    { $answer }; ожидалось `FetchError::{ $variant }`.
ip-all-failed-count = В `AllFailed` { $reasons ->
        [one] { $reasons } причина
        [few] { $reasons } причины
       *[other] { $reasons } причин
    } на { $services ->
        [one] { $services } сервис
        [few] { $services } сервиса
       *[other] { $services } сервисов
    }, а нужно по одной на каждый сервис.
ip-all-failed-slow = fastest_ip сдалась позже, чем можно объяснить таймаутом клиента
    ({ $timeout_ms } мс): не ждёт ли она чего-то ещё?
ip-all-failed-passed = Когда падают все сервисы, `AllFailed` называет причину для каждого, и всё
    это укладывается в таймаут клиента.

## pages

ip-pages-one-at-a-time = Страницы загружались по одной: страницу { $path } запросили только
    после того, как пришла страница { $earlier }. Запрашивайте все страницы сразу, как в
    fastest_ip, и разбирайте их по мере прихода.
ip-pages-one-at-a-time-late = Страницы загружались по одной: страницу { $path } запросили намного
    позже первой. Запрашивайте все страницы сразу, как в fastest_ip, и разбирайте их по мере
    прихода.
ip-pages-none = first_page_longer_than(.., { $min_chars }) вернула None, хотя в { $path }
    { $chars ->
        [one] { $chars } символ
        [few] { $chars } символа
       *[other] { $chars } символов
    }.
ip-pages-bytes = first_page_longer_than(.., { $min_chars }) вернула страницу { $path }, в которой
    { $bytes ->
        [one] { $bytes } байт
        [few] { $bytes } байта
       *[other] { $bytes } байт
    }, но всего { $chars ->
        [one] { $chars } символ
        [few] { $chars } символа
       *[other] { $chars } символов
    }: страницы на русском, а кириллическая буква занимает в UTF-8 два байта. Считайте символы
    (`text.chars().count()`), а не байты (`text.len()`).
ip-pages-wrong = first_page_longer_than(.., { $min_chars }) вернула { $result }, а первая пришедшая
    страница, в которой символов больше { $min_chars }, — { $path }, в ней { $chars ->
        [one] { $chars } символ
        [few] { $chars } символа
       *[other] { $chars } символов
    }.
ip-pages-slow = first_page_longer_than вернула правильную страницу, но намного позже, чем та пришла
    (через { $delay_ms } мс): она ждала и более медленных страниц. Возвращайте результат, как
    только пришла достаточно длинная страница.
ip-pages-passed = Находится первая страница, достаточно длинная по числу символов, а если такой
    нет, возвращается None.
ip-pages-not-none = Достаточно длинных страниц нет, но first_page_longer_than вернула { $result }
    вместо None.

## запуск остановлен по лимиту времени, а в сценарии был сервис, который никогда не отвечает

ip-timed-out-on-silent = Программа не уложилась в лимит времени ({ $seconds } с) и была
    остановлена. { $service } не отвечает никогда, и запрос к нему заканчивается только по
    таймауту: используйте переданный вам `client` (его таймаут — { $timeout_ms } мс), а не
    собственный `reqwest::Client`.
