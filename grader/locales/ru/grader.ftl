# Сообщения грейдера по-русски: командная строка, отчёты, watch, hint, list и reset.
# Те же id и те же переменные, что в ../en/grader.ftl (это проверяет тест). Перевод пишется для
# студентов, а не слово в слово. Сообщение — один абзац: его строки склеиваются через пробел.

## hint

hint-heading = Подсказка { $tier } из { $total } к { $exercise }:
hint-more = (Следующая подсказка: `cargo run -p grader -- hint { $exercise }` ещё раз.)
hint-none = У { $exercise } нет подсказок.
hint-cannot-save = не получилось записать { $file }: { $error }
