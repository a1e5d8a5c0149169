# The grader's messages in English: what every exercise shares: compile errors, a run that ended badly (todo!, a panic, a blocked runtime, the time limit).
# The same ids, with the same variables, are in ../ru/runs.ftl (a test holds the two together).
# A message is one paragraph: its lines are joined with spaces. Ids start with the file's prefix.

## the course file

course-unknown-exercise = no exercise is named `{ $name }`; the exercises are: { $known }
