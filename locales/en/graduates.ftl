graduates-not-allowed = Only committee staff and branch secretaries can set graduation dates and follow graduates' transfers, and only for their own organisation and those below it.
graduates-no-branches = There are no branches under your organisation.
graduates-choose-branch = Which branch's graduation date do you want to set?
graduates-find-branch = Your organisation has many branches: type part of the branch's name (pinyin or initials work too).
graduates-no-branch-found = No such branch under your organisation. Try other words, or send "cancel".
graduates-not-your-branch = That branch is not in your scope; nothing was changed.
graduates-use-buttons = Please choose a branch with the buttons above, or send "cancel".
graduates-no-date = not set
graduates-ask-date =
    Graduation date of { $branch } (now: { $current }).
    Type the date, e.g. 2027-06-30.
graduates-bad-date = That is not a date I can read; nothing was changed. Type it as 2027-06-30 (a year within the next five), or send "cancel".
graduates-date-set = The graduation date of { $branch } is now { $date }. In the graduate season, graduates who have not transferred their membership will be reminded.
graduates-progress-none = Graduate season { $year }: no branch under your organisation has a graduation date yet. Send /graduation to set one.
graduates-progress =
    Graduates' membership transfers, class of { $year } (start by { $start }, complete by { $complete }):
    { $lines }
graduates-progress-line = · { $branch } (graduating { $date }): { $notStarted } not started, { $waiting } in progress, { $done } done
graduates-remind-start =
    Graduate season: your branch { $branch } graduates on { $graduation }. Please start the transfer of your league membership by { $deadline } ({ $days } days left).
graduates-remind-complete =
    Graduate season: your membership transfer has to be completed by { $deadline } ({ $days } days left). If you have not started it, please do so now; if you have, check where it stands.
graduates-start-transfer = Transfer my membership
graduates-transfer-status = Where is my transfer
graduates-progress-not-started = {"  "}Not started: { $names }
