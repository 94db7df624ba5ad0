# 入团: the applicant's dialog and status, the leaders' /applicants and steps, the step machine's nudges.
joining-stage = { $stage ->
    [APPLIED] application submitted
    [ACTIVIST] activist (入团积极分子)
    [CANDIDATE] candidate (发展对象)
    [VOTED] passed by the branch meeting
    [APPROVED] approved by the committee above
    [ADMITTED] admitted (member number entered)
   *[CLOSED] closed
}
joining-step = { $step ->
    [MARK_ACTIVIST] confirm as activist
    [MARK_CANDIDATE] confirm as candidate
    [RECORD_MEETING] record the branch meeting's vote
    [APPROVE] committee approval
   *[ENTER_CODE] enter the member number
}
joining-already-member = { $name }, you are a League member already: no application needed.
joining-private-only = An application holds personal details: please message me privately.
# Words that ask how joining works (matched inside what is written): the steps are shown, not the application started.
joining-guide-words = how do, how can, how to, how long, how old, what do, what are, steps, requirements, process, classes, activist, candidate
joining-guide =
    How to join the League (Tuanzhu goes through every step with you, and reminds the branch secretary to act in time):
    1. Anyone aged { $minAge } or over and under { $maxAge } hands a written application to their League branch; in Tuanzhu, tap "Apply to join" and send the branch's invite code to register it.
    2. After getting to know you, the branch makes you an activist (入团积极分子); training usually lasts at least { $months } months, with at least { $hours } hours of League classes.
    3. The branch makes you a development candidate (发展对象).
    4. The branch meeting discusses and votes.
    5. The League committee above approves.
    6. Once approved, your member number is entered in 智慧团建 and you take the oath at the admission ceremony.
    The application says why you want to join, what you know of the League, a little about yourself and your plans; give it to your branch secretary, whose branch may have its own requirements.
joining-ask-invite =
    To apply, send your branch's invite code first (6 letters and digits, from your branch secretary).
    If your branch secretary has entered you already, send your name and phone instead, e.g. Zhang San 13800138000.
    Send "cancel" at any time to stop.
joining-invite-unknown = No branch has that invite code. Check it and send it again, or ask your branch secretary.
joining-invite-malformed = Send the 6-character invite code, or your name and phone (e.g. Zhang San 13800138000). Send "cancel" to stop.
joining-no-code-words = i don't have a code, i dont have a code, i have no code, no code, no invite code, what code, what invite code, what is the invite code, where do i get a code, where do i get the code, where do i get an invite code, how do i get a code, how do i get the invite code, who gives me the code, who do i ask for the code, i don't know my branch secretary
joining-no-code = The invite code comes from your league branch's secretary, who makes it in Tuanzhu. Not sure which branch you belong to? Ask your class adviser or counsellor, or the league committee at your school or workplace. Send me the code when you have it; or your branch secretary can register you first, and then you send your name and phone. Send "cancel" to stop.
joining-entry-unknown = No entry by your branch secretary matches that name and phone, or it has been used. Check them, or use the branch's invite code.
joining-entry-found = Found: the branch secretary of { $org } entered { $name }.
joining-ask-name = Branch: { $org }. Send your name as on your ID card.
joining-name-malformed = A name has letters only (a middle dot may separate parts). Please type it again.
joining-ask-phone = Send your mobile number (11 digits).
joining-phone-malformed = That does not look like an 11-digit mobile number. Please type it again, e.g. 13800138000.
joining-ask-id = Send your 18-character ID card number, to check your age (14 or over, under 28). Tuanzhu keeps only a keyed hash and the last 4 characters, never the number.
joining-id-malformed = { $problem ->
    [checksum] The ID number's check character does not match: one character may be mistyped. Please check and send it again.
    [birth] The birth date in that ID number does not exist. Please check and send it again.
   *[format] An ID number has 18 characters (the last may be X). Please send it again.
}
joining-age-refused = { $problem ->
    [too-young] The League's constitution requires applicants to be at least 14. You are not 14 yet, so you cannot apply now; come back then!
   *[too-old] The League's constitution requires applicants to be under 28. You are 28 or older, so you cannot apply to join.
}
joining-confirm =
    Please check your application:
    Name: { $name }
    Branch: { $org }
    Phone: ending { $phone }
    ID: ending { $id } (born { $birth })
    If it is right, tap "Submit" (or reply "submit").
joining-button-submit = Submit
joining-button-cancel = Cancel
joining-cancelled = All right, nothing was submitted. Send /join when you want to apply.
joining-expired = This action has expired, or is outside your scope.
joining-submitted =
    ✅ Your application went to { $org }. { $told ->
        [none] Nobody at that branch uses Tuanzhu yet: it will be in the branch secretary's list once they bind; you may also contact them offline.
       *[other] { $told } has been told.
    }
    Next: the branch assesses you and confirms you as an activist. Ask "where is my application" at any time.
joining-button-status = My application
joining-button-apply = Apply to join
joining-status-none = You have not applied to join yet. Send /join to apply.
joining-status-head = 📋 { $name }'s application to join ({ $org })
joining-status-line = { $mark ->
    [done] ✅
    [next] ▶️
    [later] ⚪
   *[other] ✖️
} { joining-stage }{ $date ->
    [none] {""}
   *[other]  ({ $date })
}
joining-status-waiting = Waiting now: { joining-step }, by { $org } (since { $since }, due by { $due }).
joining-status-training = Training period until { $ends }; League class hours { $have }/{ $need }.
joining-status-next = Next: { $stage ->
    [APPLIED] the branch confirms you as an activist and starts your training.
    [ACTIVIST] once the training period is over and your class hours are in, the branch confirms you as a candidate.
    [CANDIDATE] the branch meeting discusses and votes.
    [VOTED] the committee above approves.
    [APPROVED] the branch enters the member number 智慧团建 issues, and you are a member.
    [ADMITTED] you are a member (number { $code }). Send /me for your status and /dues for dues (owed from the month you joined).
   *[CLOSED] this application has ended; ask your branch secretary if anything is unclear.
}
joining-applicant-update = 📣 { $name }, your application to join has moved on: { $stage ->
    [ADMITTED] you are a League member now, number { $code }! Welcome. Send /me for your status; dues start this month.
   *[other] it is at "{ joining-stage }".
}
joining-step-new = 📝 Joining to do: { $name } ({ $org }) — { joining-step }.
joining-sla-nudge = ⏰ Joining reminder: { $name }'s application ({ joining-step }) has waited { $hours } hours at { $org }; please act by { $due }.
joining-sla-escalation = ⚠️ Joining overdue: { $name }'s application ({ joining-step }) at { $org } is past its deadline ({ $due }). { $target }, please follow it up or act on it.
joining-button-activist = Confirm as activist
joining-button-candidate = Confirm as candidate
joining-button-meeting = Record the meeting
joining-button-approve = Approve
joining-button-code = Enter member number
joining-button-hours = Record class hours
joining-button-activist-named = { $name }: confirm as activist
joining-button-candidate-named = { $name }: confirm as candidate
joining-button-meeting-named = { $name }: record the meeting
joining-button-approve-named = { $name }: approve
joining-button-code-named = { $name }: enter member number
joining-button-hours-named = { $name }: record class hours
joining-advanced = Done: { $name } { $stage ->
    [ADMITTED] is a member now, number { $code }; dues count from this month.
   *[other] is at "{ joining-stage }".
} They have been told; this was recorded.
joining-handled = This step was already taken{ $by ->
    [none] {""}
   *[other] (by { $by })
}; nothing was done twice. The application is at "{ joining-stage }".
joining-wrong-step = This application is not at that step; see /applicants for its next one.
joining-training-not-over = The training period is not over yet (until { $date }): not a candidate yet.
joining-hours-short = Not enough League class hours yet: { $have } of { $need }. Record the class hours first.
joining-ask-meeting = Type { $name }'s branch meeting result: members due, present, and votes for, e.g. "due 30 present 25 for 20".
joining-meeting-malformed = Type three numbers: due, present, votes for — e.g. "30 25 20". Send "cancel" to stop.
joining-meeting-invalid = { $problem ->
    [present-over-due] More present than due cannot be right. Please type it again.
    [votes-over-present] More votes for than present cannot be right. Please type it again.
    [no-one-due] Members due cannot be 0. Please type it again.
   *[not-whole] Counts are whole numbers. Please type them again.
}
joining-meeting-failed = The vote did not pass: { $due } due, { $present } present, { $votes } for. Both those present and the votes for must be more than half of those due. Recorded; the candidate may be voted on at a later meeting.
joining-ask-code = Type the 12-digit member number 智慧团建 issued for { $name } (the first 4 digits are the year of joining).
joining-code-format = A member number has 12 digits. Please type it again, or send "cancel".
joining-code-year = The first 4 digits must be the year of joining, { $year }. Check the number in 智慧团建 and type it again.
joining-code-taken = That member number belongs to another member. Please check it and type it again.
joining-ask-hours = Type the League class hours to record (a whole number, 1–40), e.g. "4".
joining-hours-malformed = Type a whole number of hours from 1 to 40, e.g. "4".
joining-hours-recorded = Recorded League class hours for { $name }: { $have }/{ $need } in all. This was recorded.
joining-leaders-only = Only branch secretaries and committee staff can see applicants.
joining-list-empty = No applications under way in your scope. "/applicants invite" gives your branch's invite code for applicants.
joining-list-head = 📋 Applications under way ({ $count }):
joining-list-stage = [{ joining-stage }]
joining-list-line = { $n }. { $name } ({ $org }){ $step ->
    [none] {""}
   *[other] — to { joining-step }{ $mine ->
        [yes] , by { $due }
       *[no] , by { $holder }
    }
}{ $step ->
    [MARK_CANDIDATE] ; class hours { $have }/{ $need }, training until { $ends }
   *[other] {""}
}
joining-invite = { $org }'s invite code: { $code }. Give it to applicants: they message Tuanzhu /join and type it.
joining-invite-which = Name the branch: /applicants invite <branch code or name> (a branch secretary may just send /applicants invite).
joining-add-usage = Enter an applicant: /applicants add <name> <phone>, e.g. /applicants add Zhang San 13800138000.
joining-add-branch-only = Only a branch secretary can enter applicants for their branch (committees: use the admin API).
joining-add-exists = That name and phone are entered already.
joining-added = Entered { $name } (phone ending { $phone }). They message Tuanzhu /join, then send their name and phone to apply.
