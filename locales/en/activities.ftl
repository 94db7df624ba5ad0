## Members: the list, signing up, the waitlist

activities-none = There are no activities you can sign up for right now. Tuanzhu will tell you as soon as one is published.
activities-list =
    Upcoming activities you can join (soonest first):

    { $items }
activities-list-item =
    { $n }. { $title } ({ $org })
       When: { $startsEn }
       Where: { $place }
       Places: { $confirmed }/{ $capacity } taken{ $waiting ->
        [0] {""}
       *[other] , { $waiting } waiting
    }; sign-up closes { $deadlineEn }{ $credit ->
        [yes] ; { $hours } volunteer hours for checking in
       *[no] {""}
    }
       { $mine ->
        [CONFIRMED] ✅ You are signed up
        [WAITLISTED] ⏳ You are number { $position } on the waitlist
        [closed] Sign-up has closed
       *[none] Open for sign-up
    }
activities-button-join = Sign up
activities-button-leave = Cancel sign-up
activities-button-join-titled = Sign up: { $n }. { $title }
activities-button-leave-titled = Cancel: { $n }. { $title }
activities-button-create = New activity
activities-button-manage = Activities I manage
activities-button-open = Open the activity
activities-button-bind = Link my membership
activities-joined =
    You are signed up for { $title }.
    When: { $startsEn }
    Where: { $place }
    You will be reminded 24 hours and 1 hour before. If you cannot come, tap "Cancel sign-up" so someone on the waitlist gets your place.
activities-waitlisted =
    { $title } is full, so you are on the waitlist, number { $position }.
    When someone cancels or places are added, the waitlist moves up in order, and you will be told at once.
activities-already =
    { $status ->
        [CONFIRMED] You are already signed up for { $title } ({ $startsEn }, { $place }).
       *[WAITLISTED] You are already on the waitlist for { $title }, number { $position }.
    }
activities-refused =
    { $reason ->
        [deadline] Sign-up for { $title } closed on { $deadlineEn }.
        [started] { $title } has already started, so sign-up is closed.
        [cancelled] { $title } has been cancelled.
        [inactive] Your membership is not active, so you cannot sign up for activities. Please ask your branch secretary.
       *[not-found] That activity was not found; it may have been cancelled. Send /activities to see what you can join.
    }
activities-left =
    { $was ->
        [CONFIRMED] Your sign-up for { $title } is cancelled; your place goes to the waitlist.
       *[WAITLISTED] You have left the waitlist for { $title }.
    }
activities-not-signed-up = You are not signed up for { $title }, so there is nothing to cancel.
activities-leave-started = { $title } has already started; sign-ups can no longer be cancelled.

## Proactive messages (rendered at send time)

activities-published =
    New activity from { $org }: { $title }
    When: { $startsEn }
    Where: { $place }
    Places: { $capacity }; sign-up closes { $deadlineEn }{ $credit ->
        [yes] {"\u000A"}{ $hours } volunteer hours for checking in
       *[no] {""}
    }
    Tap "Sign up" to join; when it is full you can join the waitlist.
activities-reminder-day =
    Reminder: { $title } is tomorrow.
    When: { $startsEn }
    Where: { $place }
    If you cannot come, please cancel so someone on the waitlist gets your place.
activities-reminder-hour =
    Reminder: { $title } starts in 1 hour.
    When: { $startsEn }
    Where: { $place }
    When you arrive, ask the organiser for the check-in code and send it to me.
activities-cancelled-notice =
    Cancelled: we are sorry, { $org } has cancelled { $title } (planned for { $startsEn }, { $place }).
    Your sign-up or waitlist place is cancelled too; nothing else to do.
activities-promoted =
    Good news: a place came free and you are now signed up for { $title }.
    When: { $startsEn }
    Where: { $place }
    If you cannot come, tap "Cancel sign-up".
activities-changed =
    Change: the time or place of { $title } has changed. Now:
    When: { $startsEn }
    Where: { $place }
    If you cannot come any more, please cancel.

## Organisers: creating

activities-not-organiser = Only committee staff and branch secretaries can create and manage activities, and only within their own organisation and those below it.
activities-choose-org = Which organisation is organising the activity?
activities-ask-title = Send the activity's name (at most { $max } characters). Send "cancel" at any time to stop.
activities-bad-title = The name must not be empty or longer than { $max } characters. Please send it again.
activities-ask-when = When is it? Send the start and end like "{ $example }" or "next Wednesday 7pm" (a start only means two hours).
activities-bad-when = I could not read that time. Please send it like "{ $example }".
activities-ask-place = Where is it?
activities-ask-capacity = How many people can take part? Send a number (e.g. 30). Sign-ups beyond that join the waitlist.
activities-ask-hours = How many volunteer hours does each member who checks in get? Tap a button, or send hours (half-hour steps, at most 24, e.g. 2 or 1.5); send 0 for none.
activities-hours-length = Its length: { $hours } h
activities-hours-none = No hours
activities-ask-deadline = When does sign-up close? Tap a button, or send a time like "{ $example }" or "Friday 8pm".
activities-deadline-start = At the start
activities-deadline-day = One day before
activities-choose-audience =
    Who is it for? By default every organisation below; or pick some of them ({ $chosen } chosen), then tap "Done".
activities-audience-done = Done
activities-preview =
    Preview:
    { $title }
    When: { $startsEn } to { $endsEn }
    Where: { $place }
    Places: { $capacity }; sign-up closes { $deadlineEn }
    { $credit ->
        [yes] Volunteer hours: { $hours } for each member who checks in
       *[no] Volunteer hours: none
    }

    For { $total } members: { $reachable } have linked a chat and will be told; { $unreachable } have not and cannot be reached yet.
    Publish it?
activities-publish = Publish
activities-discard = Discard
activities-dropped = Discarded; nothing was published.
activities-created = Activity #{ $id } "{ $title }" is published; the linked members it is for are being told. Those signed up are reminded 24 hours and 1 hour before the start.
activities-draft-expired = This draft has expired. Send /newactivity to start again.
activities-use-buttons = Please use the buttons above, or send "cancel" to stop.
activities-problem =
    { $problem ->
        [title] The name must not be empty or too long.
        [place] Please give the place (at most 100 characters).
        [past] That start time has passed; please send a time in the future.
        [end] The end must be after the start.
        [capacity] Please send a whole number of places from 1 to 10000, e.g. 30.
        [deadline] Sign-up must close after now and no later than the start.
        [hours] Volunteer hours go in half-hour steps from 0 to 24, e.g. 2 or 1.5; 0 for none.
        [cancelled] This activity has been cancelled.
        [started] The activity has started or ended; it can no longer be changed or cancelled.
        [below-confirmed] More people are already signed up than the new number of places. Talk to them first.
       *[not-found] That activity was not found.
    }

## Organisers: managing

activities-not-found = That activity was not found among those you manage.
activities-manage-none = There are no activities within your organisations yet.
activities-manage-list =
    Activities you manage:
    { $items }
activities-manage-item = { $n }. { $title } ({ $startsEn }){ $status ->
        [CANCELLED] {" "}cancelled
       *[other] {""}
    }
activities-button-manage-titled = { $n }. { $title }
activities-card =
    Activity #{ $id }: { $title }{ $status ->
        [CANCELLED] {" "}(cancelled)
       *[other] {""}
    }
    When: { $startsEn } to { $endsEn }
    Where: { $place }
    Sign-up closes: { $deadlineEn }
    Volunteer hours: { $credit ->
        [yes] { $hours } for each member who checks in
       *[no] none
    }
    Signed up: { $confirmed }/{ $capacity }, { $waiting } waiting
    Checked in: { $attended }, no-shows: { $noShows }
activities-button-roster = Sign-ups
activities-button-csv = Export attendance
activities-button-code = Check-in code
activities-button-edit = Edit
activities-button-cancel = Cancel activity
activities-roster =
    { $title }: { $confirmed }/{ $capacity } signed up, { $waiting } waiting, { $attended } checked in, { $noShows } no-shows
    Signed up:
    { $confirmedList }
    Waitlist:
    { $waitingList }
activities-roster-row = { $n }. { $name } ({ $org }){ $state ->
        [attended] {" "}✅ checked in
        [no-show] {" "}❌ no-show
        [waitlisted] {" "}⏳ waiting
       *[other] {""}
    }
activities-roster-more = …and { $more } more; export the attendance sheet for the full list.
activities-csv-columns = No.,Name,Member code,Organisation,Sign-up,Signed up at,Checked in at,Attendance
activities-signup-status =
    { $status ->
        [CONFIRMED] signed up
        [WAITLISTED] waitlisted
       *[CANCELLED] cancelled
    }
activities-attendance =
    { $state ->
        [attended] present
        [no-show] no-show
        [pending] not yet
        [waitlisted] waitlisted
       *[cancelled] cancelled
    }
activities-csv-caption = Attendance for { $title }: { $confirmed } signed up, { $attended } checked in, { $noShows } no-shows.
activities-code =
    Check-in code for { $title }: { $code }
    Valid from { $opensEn } to { $closesEn }
    Ask those present to send "check in { $code }" to Tuanzhu{ $link ->
        [none] .
       *[other] , or scan the QR code with Telegram: { $link }
    }
    Asking for a new code makes the old one stop working.
activities-code-refused =
    { $problem ->
        [cancelled] This activity is cancelled; there is nothing to check in to.
       *[closed] Check-in has closed; no new code can be made.
    }
activities-edit-what = What do you want to change in { $title }?
activities-edit-field =
    { $field ->
        [title] Name
        [when] Time
        [place] Place
        [capacity] Places
        [hours] Volunteer hours
       *[deadline] Sign-up deadline
    }
activities-edit-ask =
    { $field ->
        [title] Current name: { $title }. Send the new name.
        [when] Current time: { $startsEn } to { $endsEn }. Send the new time like "2026-12-05 14:00-16:00".
        [place] Current place: { $place }. Send the new place.
        [capacity] Current places: { $capacity }. Send the new number; more places move the waitlist up in order.
        [hours] Current volunteer hours: { $hours }. Send the new number (half-hour steps, at most 24; 0 for none).
       *[deadline] Sign-up currently closes { $deadlineEn }. Send the new deadline like "2026-12-04 18:00".
    }
activities-edited =
    { $title } changed: { $startsEn }, { $place }, { $capacity } places, sign-up closes { $deadlineEn }, { $hours } volunteer hours.
    If the time or place changed, everyone signed up or waiting is told.
activities-edited-code-moved = The check-in code already handed out still works; check-in now runs from { $opensEn } to { $closesEn }.
activities-cancel-confirm = Cancel { $title }? The { $confirmed } signed up and { $waiting } waiting will all be told.
activities-cancel-yes = Yes, cancel it
activities-cancel-no = Keep it
activities-cancelled = { $title } is cancelled; everyone signed up or waiting is being told.

## Check-in

activities-checkin-ask = Please send the 6-digit check-in code the organiser gave you.
activities-checkin-bind-first = Please link your membership before checking in.
activities-checkin-wrong = That check-in code is not right. Check it and send it again; if the organiser asked for a new code, the old one no longer works.
activities-checkin-done = Checked in to { $title } at { $atEn }. It counts as organisational life on your record.
activities-checkin-already = You already checked in to { $title } at { $atEn }; no need to do it again.
activities-checkin-early = Check-in for { $title } has not opened yet; it opens { $opensEn }.
activities-checkin-refused =
    { $reason ->
        [closed] Check-in for { $title } has closed; the code has expired. Ask the organiser if this is wrong.
        [cancelled] { $title } was cancelled; there is nothing to check in to.
        [waitlisted] You are still on the waitlist for { $title } without a place, so you cannot check in.
       *[not-signed-up] You are not signed up for { $title }, so you cannot check in. Ask the organiser if this is wrong.
    }
activities-status-org-life = Last organisational life (activity check-in): { $date }
