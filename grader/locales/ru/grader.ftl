# Сообщения грейдера по-русски: командная строка, отчёты, watch, hint, list и reset.
# Те же id и те же переменные, что в ../en/grader.ftl (это проверяет тест). Перевод пишется для
# студентов, а не слово в слово. Сообщение — один абзац: его строки склеиваются через пробел.

## hint

hint-heading = Подсказка { $tier } из { $total } к упражнению { $exercise }:
hint-more = (Чтобы получить следующую подсказку, снова запустите
    `cargo run -p grader -- hint { $exercise }`.)
hint-for-check = В прошлый раз не прошла проверка { $check } упражнения { $exercise }. Подсказка к ней:
hint-more-watch = (Нажмите h ещё раз, чтобы получить следующую.)
hint-none = У упражнения { $exercise } нет подсказок.
hint-cannot-save = не удалось записать { $file }: { $error }

## отчёт

status-passed = пройдено
status-not-done = ещё не сделано
status-timed-out = превышено время
status-failed = не пройдено
status-compile-error = не компилируется
report-points = { $points } из { $max_points } { $max_points ->
        [one] балла
       *[other] баллов
    }
report-exercises-passed = { $passed ->
        [one] пройдено { $passed } упражнение
        [few] пройдено { $passed } упражнения
       *[other] пройдено { $passed } упражнений
    } из { $exercises }.
report-next = Дальше: exercises/{ $dir }/ (задание описано в его README.ru.md), затем
    `cargo run -p grader -- { $exercise }`.
report-more-lines = ... и ещё { $count } { $count ->
        [one] строка
        [few] строки
       *[other] строк
    }
report-hint = подсказка: { $hint }
report-as-shown-above = (см. выше)
report-tampered = Файлы грейдера не совпадают с запечатанным списком хешей ({ $manifest }): этой
    оценке нельзя доверять.

## автопроверка (--format classroom)

classroom-heading = Автопроверка
classroom-columns = упражнение | проверка | итог | баллы
classroom-total = Всего: { $points } из { $max_points } { $max_points ->
        [one] балла
       *[other] баллов
    }
classroom-tampered-warning = **Файлы грейдера изменены**: { $files }
classroom50-columns = проверка | статус | баллы | что произошло
classroom50-summary = { $points }/{ $max_points } { $max_points ->
        [one] балл
        [few] балла
       *[other] баллов
    }, пройдено проверок: { $passed } из { $checks }

## индикатор

progress-compiling = компиляция
progress-compiling-one = компиляция { $exercise }
progress-grading = проверка { $exercise }

## watch

watch-started = Слежу за упражнениями ({ $how }). Клавиши: n — следующее, h — подсказка, l —
    список, q — выход.
watch-by-events = по событиям файловой системы
watch-by-polling = опрашиваю файлы дважды в секунду
watch-passed = Упражнение { $exercise } пройдено. Переходим к { $next }.
watch-all-passed = Все упражнения пройдены. Отличная работа! (q — выход)
watch-save-again = Сохраните любой файл в exercises/{ $dir }/, и проверка запустится снова.
watch-keys = Клавиши: n — следующее, h — подсказка, l — список, q — выход.
watch-cannot-watch = не удалось следить за { $folder }: { $error }

## reset

reset-question = Вернуть { $files } к версии { $source ->
        [head] последнего коммита ({ $commit })
       *[first] первого коммита ({ $commit }), то есть в исходный вид
    }? Ваши изменения в них пропадут.
reset-declined = Ничего не изменилось.
reset-done = Возвращено к версии { $source ->
        [head] последнего коммита
       *[first] первого коммита
    } ({ $commit }): { $files }.
reset-not-restored = Не восстановлено, потому что в { $source ->
        [head] последнем коммите
       *[first] первом коммите
    } ({ $commit }) этого нет: { $files }.
reset-nothing = В { $source ->
        [head] последнем коммите
       *[first] первом коммите
    } ({ $commit }) нет ни одного из файлов { $files }: возвращать нечего, ничего не изменилось.
reset-no-history = { $root } — не git-репозиторий с историей: исходной версии, к которой можно
    вернуться, нет

## export

export-no-history = { $root } — не git-репозиторий с коммитами (или git не запускается), а шаблон
    берёт заготовки упражнений из последнего коммита. Сначала закоммитьте курс или добавьте
    --working-tree, чтобы взять exercises/ как есть на диске, без проверки (убедитесь, что там
    нерешённые заготовки)
export-exercises-changed = exercises/ отличается от последнего коммита ({ $commit }), а шаблон
    берёт заготовки из этого коммита: { $files }. Закоммитьте то, что должно войти в заготовки,
    остальное уберите (`git stash --include-untracked`) и повторите экспорт
export-no-exercises = в последнем коммите ({ $commit }) нет exercises/: сначала закоммитьте курс

## командная строка

cli-exported = Шаблон для студентов записан в { $dir }: без решений и эталонных случаев,
    запечатан.
cli-exported-classroom50 = Папка автопроверки для Classroom 50 записана в { $dir } ({ $kilobytes } КБ):
    закоммитьте её как `<classroom>/autograders/<assignment>/` в репозиторий classroom50 и
    задайте для задания runtime {"{"}"rust": "stable"{"}"}.
cli-sealed = Запечатано файлов грейдера: { $files }, их хеши записаны в { $manifest }.
cli-subcommand-not-built = подкоманды `{ $word }` в этом грейдере пока нет
cli-no-solutions = в { $root } нет solutions/ (это копия курса для студента): с --solutions
    проверять нечего
cli-cannot-write-report = не удалось вывести отчёт: { $error }
cli-no-course = ни в { $folder }, ни выше нет { $file }: запускайте грейдер внутри курса или
    укажите --root

## chat

chat-building = Собираю бота упражнения { $exercise }...
chat-does-not-compile = Бот не компилируется:
chat-started = Чат с вашим ботом через имитацию Telegram (без токена и без сети). Напишите слово
    и нажмите Enter; `:sticker`, `:photo` и `:location` отправят стикер, фото и геолокацию; `:q`
    или Ctrl-D — выход. Фотографии сохраняются в { $photos }.
chat-reply-text = ← { $text }
chat-reply-photo = ← фото { $picture }, без подписи
chat-reply-photo-captioned = ← фото { $picture }, подпись: { $caption }
chat-photo-saved = сохранено как { $path }
chat-photo-not-saved = (не сохранено: { $error })
chat-photo-url = по ссылке { $url }
chat-photo-none = без картинки
chat-bot-stopped = Бот остановился: { $why }
chat-ended = Чат завершён.
chat-cannot-make-folder = не удалось создать { $folder }: { $error }
