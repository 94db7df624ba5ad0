campaigns-recommendation-title = { $label } Party recommendation
campaigns-recommendation-decision-passed = recommended
campaigns-recommendation-decision-failed = not recommended
campaigns-recommendation-open =
    🌟 Party recommendation ({ $label }): { $org } is recommending outstanding members as Party activists, until { $closes }.
    Conditions: 18 or older, registered this year, and an application to the Party handed in. The branch meeting votes.
campaigns-recommendation-remind = ⏰ Reminder: the Party recommendation ({ $label }) closes on { $closes }; tell your branch whether you apply:
campaigns-recommendation-choice-apply = Apply
campaigns-recommendation-choice-skip = Not this time
campaigns-recommendation-response = { $apply ->
    [yes] applies
   *[no] not this time
}
campaigns-recommendation-decided-passed = 🎉 Party recommendation ({ $label }): the { $org } meeting recommended you; the list went to the committee above.
campaigns-recommendation-decided-failed = Party recommendation ({ $label }): the { $org } meeting did not recommend you (votes in favour not more than half of those due, or too few present). Keep going for next time.
campaigns-recommendation-hint-under-18 = under 18
campaigns-recommendation-hint-not-registered = not registered this year
campaigns-recommendation-meeting-start =
    🗳 Record the recommendation meeting ({ $label }) · { $org }
    Members who applied:
    { $list }
    Send the candidates' numbers or names (separated by spaces or commas). Candidates must be 18 or older and registered this year. Send "cancel" to stop.
campaigns-recommendation-meeting-nobody-applied = (nobody has applied yet; you may also send candidates' names)
campaigns-recommendation-candidate-line = { $n }. { $name }{ $hints }
campaigns-recommendation-refused = ❌ Cannot be candidates:
    { $lines }
    Send the candidates again without them, or "cancel".
campaigns-recommendation-refused-line = { $name }: { $reasons }
campaigns-recommendation-reason-under-18 = under 18 (turns 18 on { $date })
campaigns-recommendation-reason-not-registered = not registered for { $year }
campaigns-recommendation-reason-not-member = not an active member of this branch
campaigns-recommendation-unknown = This branch has no { $names }. Check the names or numbers and send again.
campaigns-recommendation-ask-attendance = Candidates: { $names }. Send how many were due and how many were present, e.g. due 20 present 15.
campaigns-recommendation-attendance-unread = I could not read the numbers. Send "due 20 present 15" (two whole numbers; "20 15" with due first also works).
campaigns-recommendation-ask-votes = How many votes in favour for { $name }? ({ $due } due, { $present } present)
campaigns-recommendation-votes-unread = I could not read the votes; send one whole number, e.g. 12
campaigns-recommendation-problem = { $problem ->
    [present-over-due] Present ({ $present }) cannot be more than due ({ $due }).
    [votes-over-present] Votes for { $name } ({ $votes }) cannot be more than those present ({ $present }).
    [no-one-due] Due cannot be 0.
   *[other] Counts and votes are whole numbers.
} Send it again.
campaigns-recommendation-summary =
    Check the meeting record: { $due } due, { $present } present.
    { $lines }
    Rule: both attendance and votes in favour must be more than half of those due (at least { $need }).{ $quorum ->
        [missed] {" "}Attendance was not more than half of those due, so no candidate can pass.
       *[ok] {""}
    }
campaigns-recommendation-summary-line = { $name }: { $votes } in favour → { $passed ->
    [yes] passed
   *[no] not passed
}
campaigns-recommendation-button-confirm = Record it
campaigns-recommendation-button-cancel = Discard
campaigns-recommendation-recorded = ✅ Meeting recorded: { $passed } passed, { $failed } not. { $told ->
    [0] Nobody at the committee above uses the bot; send them the list another way.
   *[other] The passed list went to { $committee }.
}
campaigns-recommendation-cancelled = OK, the meeting was not recorded; nothing changed.
campaigns-recommendation-expired = This record was already handled or has expired; nothing was recorded twice.
campaigns-recommendation-passed-committee =
    📨 Party recommendation ({ $label }): { $branch } held its meeting ({ $day }, { $due } due, { $present } present) and recommends: { $names ->
        [none] nobody
       *[other] { $names }
    }.
    Send /recommended for the whole list.
campaigns-recommendation-passed-list =
    🌟 Party recommendation ({ $label }), passed · { $org }
    { $lines }
campaigns-recommendation-passed-list-line = { $branch }: { $names ->
    [none] nobody passed
   *[other] { $names }
} ({ $due } due, { $present } present)
campaigns-recommendation-passed-list-empty = 🌟 Party recommendation ({ $label }): no branch under { $org } has recorded its meeting yet.
campaigns-recommendation-none-open = No Party recommendation is open now. When one opens you will get a message and can apply from it; branch secretaries record the meeting with /recommend.
campaigns-recommendation-not-leader = Only a branch secretary or committee staff above can record the recommendation meeting.
campaigns-recommendation-closed = This Party recommendation has closed; nothing more can be recorded.
campaigns-recommendation-vet-no-meeting = Recommendation results come only from the meeting's record: send /recommend to record the meeting (due, present and the votes for each candidate).
campaigns-recommendation-pick-branch = You lead several branches in a Party recommendation; pick one first:
