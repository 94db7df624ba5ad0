## 团籍注册 (kind "registration"): what members and branch secretaries read
campaigns-registration-title = { $label } membership registration
campaigns-registration-open =
    📝 { $label } membership registration (团籍注册), opened by { $org }, closes { $closes }
    Please check your details: organisation, study/work status, dues paid (send /me to see them). All correct? Tap "Correct". Something changed? Tap "Something changed".
campaigns-registration-remind = ⏰ Reminder: the { $label } membership registration closes on { $closes } and you have not confirmed your details yet. One tap below is enough.
campaigns-registration-choice-ok = Correct
campaigns-registration-choice-change = Something changed
campaigns-registration-choice-change-org = My organisation changed
campaigns-registration-choice-change-study = Study/work status changed
campaigns-registration-choice-change-dues = Dues are not right
campaigns-registration-ask-change = What changed? Pick one; your branch secretary will check it with you.
campaigns-registration-response-ok = confirmed the details are correct
campaigns-registration-response-change-org = reported: organisation changed
campaigns-registration-response-change-study = reported: study/work status changed
campaigns-registration-response-change-dues = reported: dues are not right
campaigns-registration-decision-register = Register
campaigns-registration-decision-defer = Defer
campaigns-registration-decision-refuse = Do not register
campaigns-registration-decided-register = ✅ { $label } membership registration ({ $org }): you are registered.
campaigns-registration-decided-defer = ⏸ { $label } membership registration: your registration is deferred. Reason: { $reason }. Please talk to your branch secretary.
campaigns-registration-decided-refuse = ⛔ { $label } membership registration: your branch decided not to register you. Please talk to your branch secretary with any questions.
campaigns-registration-hint-owed = owes { $months } months of dues
campaigns-registration-hint-no-org-life = no organisational life this year

## The engine: members' answers
campaigns-answer-saved = Recorded: { $what }. { $leaders ->
        [none] Your organisation has no branch secretary on Tuanzhu yet; please contact it directly.
       *[other] Your branch secretary ({ $leaders }) will review it.
    }
campaigns-answer-same = You already answered that ({ $what }); nothing more to do.
campaigns-answer-decided = Your branch secretary has already decided this ({ $decision }); your answer was not changed. Talk to them if something changed.
campaigns-answer-closed = This has closed; answers are no longer taken. Please contact your branch secretary if needed.
campaigns-answer-not-yours = This does not include you; no answer needed.
campaigns-member-none = There is no registration or similar round waiting for your answer now.
campaigns-member-pending = 📝 { $title } (closes { $closes }): please answer.
campaigns-member-answered = 📝 { $title }: you answered ({ $what }). { $decision ->
        [none] Waiting for your branch secretary.
       *[other] Result: { $decision }.
    }

## The engine: committees and leaders
campaigns-none = No registration or similar round in your scope yet. A committee can open one with the button below.
campaigns-button-open = Open membership registration
campaigns-list = Rounds you run or take part in (tap for completion):
campaigns-closed-mark = (closed)
campaigns-not-found = That round was not found, or is outside your scope.
campaigns-progress-header =
    📊 { $title } (opened by { $org }, { $opens } to { $closes }, { $state ->
        [closed] closed on { $closedAt }, figures frozen
       *[open] open
    })
    In all: { $done }/{ $total } done ({ $percent }), { $responded } answered. Lowest completion first:
campaigns-progress-row = { $n }. { $name }: { $done }/{ $total } done ({ $percent }), { $responded } answered
campaigns-button-names = Not done: { $name }
campaigns-button-close = Close and freeze figures
campaigns-names-header = 📋 { $title } — { $org }: { $n } not done (by branch):
campaigns-names-branch = { $branch } ({ $n }): { $names }
campaigns-name-answered = { $name } (answered)
campaigns-names-more = , and { $n } more not listed
campaigns-names-none = { $title } is complete in { $org }.
campaigns-button-decide = Decide: { $name }
campaigns-already-closed = { $title } is closed; its figures are frozen and nothing can change.
campaigns-close-ask = Close { $title }? Completion is frozen as it stands; members can no longer answer and branch secretaries can no longer decide.
campaigns-button-close-yes = Close it
campaigns-button-close-no = Not now
campaigns-closed = 🔒 { $title } is closed. Frozen figures: { $done }/{ $total } done ({ $percent }). Recorded.

## Deciding per member
campaigns-decide-header = 🗂 { $title } — { $org } ({ $n } members, not done first):
campaigns-list-no-answer = no answer
campaigns-list-decided = [{ $decision }]
campaigns-decide-how = Tap names to select (several at once), then a decision below; or type, e.g. "1 3 5 register", "all register", "2 defer dues unpaid". ⚠ marks are hints; nothing is decided automatically.
campaigns-button-select-pending = Select all not done
campaigns-button-select-none = Clear selection
campaigns-selected = { $n } selected: { $names }. Now tap a decision.
campaigns-decide-expired = This list is no longer valid (already handled or expired). Open the list again.
campaigns-decide-none-selected = Nobody selected yet: tap names first, or type e.g. "1 3 register".
campaigns-decide-ask-reason = "{ $decision }" needs a reason: type it ({ $n } members share it), or send "cancel".
campaigns-decide-reason-long = Please keep the reason within { $max } characters.
campaigns-decide-bad-numbers = Numbers go from 1 to { $max }, e.g. "1 3 5 register" or "2-4 register".
campaigns-decided = ✅ "{ $decision }" for { $n }: { $names }{ $reason ->
        [none] .
       *[other] . Reason: { $reason }.
    } Each was told; recorded.
campaigns-decided-unchanged = Already "{ $decision }", unchanged: { $names }.
campaigns-decided-self = You cannot decide your own; the level above does.
campaigns-decided-outside = { $n } outside your scope, not decided.
campaigns-button-continue = Continue
campaigns-button-progress = Completion

## Opening one
campaigns-open-not-allowed = Only committee staff can open membership registration and similar rounds.
campaigns-open-choose-kind = Which one?
campaigns-open-choose-org = Open it as which organisation?
campaigns-open-choose-audience = For which organisations below? None chosen means all of them ({ $chosen } chosen).
campaigns-button-audience-done = Next
campaigns-open-ask-closes = When does it close? Tap below or type a date like "12-31" or "2026-12-31".
campaigns-button-close-in = In { $days } days ({ $date })
campaigns-open-ask-every = Closes { $closes }. How often should those who have not answered be reminded?
campaigns-button-every = Every { $days } days
campaigns-button-every-never = Never
campaigns-open-bad-date = I could not read that date. Type e.g. "12-31" or "2026-12-31", or tap a button above.
campaigns-open-preview =
    📝 About to open: { $title }
    Opened by: { $org } ({ $children ->
        [all] all organisations below
       *[other] { $children }
    })
    Period: { $opens } to { $closes }; { $every ->
        [0] no reminders
       *[other] reminders every { $every } days to those who have not answered
    }
    Audience: { $total } members, { $reachable } reachable on Tuanzhu, { $unreachable } not reachable yet.
    Messages go out paced, never at night. Open it?
campaigns-button-open-yes = Open it
campaigns-button-open-no = Not now
campaigns-open-dropped = OK, nothing was opened.
campaigns-open-expired = This step has expired; start again (/campaign).
campaigns-opened = ✅ { $title } is open; messages are going out. Recorded.
campaigns-period-opens-in-past = It cannot start before today.
campaigns-period-closes-before-opens = It cannot close before it starts.
campaigns-period-too-long = It cannot run longer than a year.
campaigns-open-refused-unknown-kind = There is no such round.
campaigns-open-refused-scope = That organisation is outside your scope; nothing was opened.
campaigns-open-refused-children = The organisations chosen are not below the opening one; nothing was opened.
campaigns-open-refused-duplicate = The same round is already open for this organisation; nothing was opened twice. Close the other one first.
