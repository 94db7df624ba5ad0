# Replies the core gives before any feature runs.
core-input-empty = I didn't get any text. Send /help to see what I can do.
core-input-too-long = That message is too long (2000 characters at most). Please split it or send just the key details.
core-input-binary = I can't read that message. Please send text.
core-input-slow-down = You're sending messages too fast. Please wait a minute and try again.
core-input-stale-button = That button has expired. Please start again; send /help to see what I can do.
core-dialog-kept = What you were doing is still open: answer the earlier question to carry on, or send "cancel" to drop it.
core-busy = The system is busy right now. Please try again in a moment.
core-input-bad-argument = That command does not take "{ $arg }". Send /help to see how to use it.
core-error-generic = Sorry, something went wrong on my side. Please try again later, or ask your branch secretary if it keeps happening.
core-console-banner =
    Tuanzhu · console (acting as: { $name })
    Type a message and press Enter; a number picks a choice; Ctrl-D quits. Try /start or "what's my status".
core-console-usage =
    usage: npm run console [-- --as <member code>|none] [--jsonl]
      --as <code>   chat as this member (CONSOLE_AS by default); none for a new user not bound yet
      --jsonl       read one message a line (text or JSON, see README), write one JSON line a reply
core-cli-bad-arguments = Wrong command-line arguments: { $reason }
core-private-only = That involves personal information; please message me privately.
core-image-too-large = That image is too large (5 MB at most). Please send a smaller one.
core-image-wrong-type = Only PNG or JPEG images can be used. Please send another one.
core-image-unreadable = I could not receive that image. Please send it again.
core-image-attached = [image]
core-boot-created = Created the database { $name }.
core-boot-migrating = Creating the tables (running the migrations); the first time takes a few seconds…
core-boot-migrated = { $count ->
    [one] Applied 1 database migration.
   *[other] Applied { $count } database migrations.
}
core-boot-seeding = Writing the demo data (organisations, members, dues records)…
core-boot-seeded = Demo data written: { $orgs } organisations, { $members } members.
core-boot-ready = The database is ready.

core-file-not-on-this-app = The file "{ $name }" cannot be sent through the Official Account; get it on Telegram, personal WeChat or from the admin API.
