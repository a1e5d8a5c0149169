# The grader's messages in English: the command line, the reports, watch, hint, list and reset.
# The same ids, with the same variables, are in ../ru/grader.ftl (a test holds the two together).
# A message is one paragraph: its lines are joined with spaces. Ids start with the file's prefix.

## hint

hint-heading = Hint { $tier } of { $total } for { $exercise }:
hint-more = (Run `cargo run -p grader -- hint { $exercise }` again for the next one.)
hint-none = { $exercise } has no hints.
hint-cannot-save = cannot write { $file }: { $error }
