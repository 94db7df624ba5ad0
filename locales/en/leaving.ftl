leaving-age-notice-member =
    ⏳ Age limit ahead: { $name }, you turn 28 on { $date }. By the League's rules, members aged 28 without a league post leave the League.
    Your branch secretary ({ $contact ->
        [none] none yet
       *[other] { $contact }
    }) will then confirm your leaving; dues stop after that month, and you will receive a record of your League years. If you hold a league post you stay a member until it ends. Nothing to do now.
leaving-age-notice-leader = ⏳ Age limit ahead: { $name } ({ $code }) of { $org } turns 28 on { $date }. I will then ask you to confirm their leaving (it never happens automatically); they have been told.
leaving-age-due-leader = 📋 Leaving to confirm: { $name } ({ $code }) of { $org } turned 28 on { $date } and holds no league post. Once it is done in 智慧团建, confirm with the button below: their status becomes "left", dues stop, and they get a farewell message.
leaving-age-post-committee = ℹ️ Officer over 28: { $name } ({ $code }) of { $org } turned 28 on { $date } and stays a member while holding a league post. Please arrange their leaving when the post ends.
leaving-button-confirm = Confirm leaving
leaving-confirmed = { $name } has left: status set to "left", dues stopped, and a farewell message sent. This was recorded.
leaving-already = { $name } is no longer an active member; nothing to confirm.
leaving-not-due = { $name } does not meet the age-limit leaving conditions (under 28 or holding a league post); nothing was changed.
leaving-not-self = You cannot confirm your own leaving; the organisation above you handles it.
leaving-not-found = No such member in your scope.
leaving-farewell =
    🎓 { $name }, thank you for your { $years } years in the League!
    Joined: { $joined }
    Left: { $left }
    League years: { $years }
    Organisations: { $orgs }
    Your status is now "left" and dues have stopped. All the best for what comes next!
leaving-request-leader = 📨 Leaving request: { $name } ({ $code }) of { $org } asks to leave the League. Their words: "{ $note }". Please contact them and handle it by the rules; Tuanzhu changes nothing by itself.
leaving-request-sent = I passed your request to leave on to { $names }, who will contact you. Tuanzhu does not process it by itself: your membership stays as it is until your branch confirms.
leaving-request-nobody = Your organisation has no branch secretary or committee staff on Tuanzhu yet, so I could not pass your request on. Please contact your league organisation directly.
leaving-request-not-active = Your membership is no longer active, so there is nothing to leave.
leaving-request-ask = Leaving the League is handled by your league organisation; Tuanzhu does not process it. Shall I pass your request to leave (with what you just wrote) on to your branch secretary { $names }?
leaving-button-send = Tell my secretary
leaving-button-cancel = Not now
leaving-request-cancelled = All right, nobody was told and your membership stays as it is.
leaving-yes-words = yes, y, ok, okay, send, send it, sure, tell them, tell my secretary, tell her, tell him, go ahead, please do, yes please, fine
leaving-no-words = no, n, cancel, not now, don't, dont, don't tell them, dont tell them, no thanks, not yet, let me think, wait
leaving-why-markers = why, what for, what's the point
leaving-request-why = Only the league organisation can change your membership, following the rules (in the 智慧团建 system); Tuanzhu cannot do it for you. Telling your branch secretary lets them know what you want, contact you and handle it; until your branch confirms, your membership stays as it is. Shall I tell them?
leaving-request-yes-or-no = Shall I pass your request to leave on to your branch secretary? Tap "Tell my secretary" or "Not now", or just reply "yes" or "no".
leaving-request-expired = This request was already handled or has expired. To ask to leave, tell me again, e.g. "I want to leave the league".
