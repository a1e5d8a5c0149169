# The grader's messages in English: the checks of exercise 3, the image bot.
# The same ids, with the same variables, are in ../ru/image-bot.ftl (a test holds the two together).
# A message is one paragraph: its lines are joined with spaces. Ids start with the file's prefix.

