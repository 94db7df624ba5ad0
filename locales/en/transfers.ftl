transfers-bind-first = Please link your league membership before asking about a transfer: send /bind.
transfers-button-progress = Transfer progress
transfers-button-me = My status
transfers-button-apply = Apply for a transfer
transfers-step-kind = { $kind ->
    [SENDER_APPROVAL] approval by the sending organisation
    [RECEIVER_APPROVAL] approval by the receiving organisation
   *[BRANCH_ASSIGNMENT] assignment to a branch
}
transfers-reason-name = { $reason ->
    [FURTHER_STUDY] further study (升学)
    [EMPLOYED_WITH_LEAGUE_ORG] employment, employer has a league organisation
    [EMPLOYED_WITHOUT_LEAGUE_ORG] employment, employer has no league organisation
    [ABROAD_PUBLIC] going abroad, state-sponsored
    [ABROAD_PRIVATE] going abroad, self-funded
    [UNEMPLOYED] between jobs (待业)
    [MILITARY] military service
   *[OTHER] other
}
transfers-code-name = { $code ->
    [INCOMPLETE_INFO] incomplete information
    [WRONG_DESTINATION] wrong receiving organisation
    [NOT_OUR_MEMBER] not a member of this organisation
    [DESTINATION_NOT_ALLOWED] destination not allowed by the rules
    [REPORT_IN_PERSON] must report in person
   *[OTHER] other
}
transfers-code-help = { $code ->
    [INCOMPLETE_INFO] Some details are missing; please complete them and submit again.
    [WRONG_DESTINATION] The receiving organisation chosen is not the right one; please choose the correct one.
    [NOT_OUR_MEMBER] The organisation cannot find you among its members; please check your records with your branch secretary.
    [DESTINATION_NOT_ALLOWED] This destination does not meet the transfer rules; please choose one the rules allow.
    [REPORT_IN_PERSON] You need to report to the organisation in person first.
   *[OTHER] See the note below.
}
transfers-rule = { $reason ->
    [FURTHER_STUDY] Further study: the membership moves to the new school's league organisation, never to the place of household registration.
    [EMPLOYED_WITH_LEAGUE_ORG] Employed, employer has a league organisation: the membership moves to the employer's league organisation.
    [EMPLOYED_WITHOUT_LEAGUE_ORG] Employed, employer has no league organisation: the membership moves to the township or street (乡镇/街道) organisation where the employer is.
    [ABROAD_PUBLIC] State-sponsored study abroad: the membership moves to the sending unit's league organisation.
    [ABROAD_PRIVATE] Self-funded study abroad: the membership moves to the township or street organisation of your household registration, or to the talent-service body holding your file.
    [UNEMPLOYED] Between jobs: the membership moves to the township or street organisation where you are registered or live, or to the talent-service body holding your file.
    [MILITARY] Military service: the membership must go to the provincial committee, which hands it over to the army's league organisation.
   *[OTHER] Other reasons: the grassroots organisation where you actually study, work or live; it reviews your explanation.
}
transfers-status-title = Organisation transfer progress
transfers-status-summary = From { $from } to { $to }, reason: { transfers-reason-name }; submitted { $since }
transfers-status-step-pending = { $seq }. ⏳ { $kind } — { $org }: waiting{ $claimed ->
    [yes] {" "}({ $claimer } is on it)
   *[no] {""}
} since { $since }, due by { $due }{ $overdue ->
    [yes] {" "}(overdue; the organisation above will be asked to follow up)
   *[no] {""}
}
transfers-status-step-done = { $seq }. { $status ->
    [APPROVED] ✅
    [REJECTED] ❌
   *[other] ⏹
} { $kind } — { $org }: { $status ->
    [APPROVED] approved
    [REJECTED] sent back
   *[other] cancelled
} ({ $at })
transfers-status-next = All steps so far are done; waiting for the next step to start.
transfers-status-none = You have no organisation transfer in progress. To apply, tap "Apply for a transfer" or send /transfer; for questions, contact { $contact }.
transfers-rejection = Reason for sending it back: { transfers-code-name }. { transfers-code-help }{ $noted ->
    [yes] {" "}Note: { $note }
   *[no] {""}
}
transfers-already-open = You already have a transfer in progress; you can apply again once it is completed or cancelled.
transfers-last-completed = Last completed transfer: { $from } → { $to }, completed { $date }.
transfers-last-rejected = Your last application, to { $to }, was sent back by { $org }.
transfers-button-resubmit = Fix and resubmit
transfers-button-new = New application
transfers-resubmit-gone = That application can no longer be resubmitted (perhaps it already was). Send /transfer to see where things stand.
transfers-leader-for-whom = Whom is this transfer for?
transfers-for-self = Myself
transfers-for-out = Transfer out (a member of ours leaves)
transfers-for-in = Transfer in (a member joins us)
transfers-not-leader = Only branch secretaries and committee staff can arrange transfers for members and see transfers waiting on them.
transfers-ask-member-out = Send the league member number (12 digits) of the member transferring out, e.g. 201901000001
transfers-ask-member-in = Send the member number and name of the member transferring in, separated by a space, e.g. 201901000001 李明
transfers-member-not-found-out = No member with that number in the organisations you are responsible for. Please check the number and send it again.
transfers-member-not-found-in = No member whose number and name both match. Please check and send them again.
transfers-member-is-you = That is your own number. To apply for yourself, send /transfer and choose "Myself".
transfers-member-inactive = { $name } is not an active member and cannot be transferred.
transfers-member-has-open = { $name } already has a transfer in progress.
transfers-member-found = Arranging a transfer for { $name } ({ $code }, { $org }).
transfers-ask-reason = Why is the membership moving?
transfers-reason-which = Which of these is it?{ $employment ->
    [yes] {" "}If you are not sure whether your employer has a league organisation, its HR department will know; a transfer is possible either way.
   *[no] {""}
}
transfers-reason-unclear = I could not tell which reason that is. Tap one below, or say a little more, e.g. "starting a master's" or "new job, the company has a league branch".
transfers-back-words = back, go back, previous step, wrong, that's wrong, wrong one, oops, i chose wrong, i picked the wrong one, wrong reason, change the reason, choose again, pick again, start over with the reason
transfers-back-to-reason = OK, choose the reason for the transfer again.
# Answers to "Which of these is it?" when it asked between employment with and without a league organisation.
transfers-employer-has-org-words = yes, yeah, yep, it does, they do, yes it does, yes they do, there is, there is one, it has one, they have one, has one, i think so, i think it does
transfers-employer-no-org-words = no, nope, it doesn't, they don't, no it doesn't, no they don't, there isn't, there is none, none, i don't think so, i think not
transfers-not-sure-words = don't know, i don't know, dunno, not sure, i'm not sure, im not sure, no idea, i have no idea, not really sure, idk, no clue
transfers-reason-not-sure = { $employment ->
    [yes] Ask your employer's HR department or a colleague: if it has a league committee or branch, choose "employment, employer has a league organisation" and the transfer goes to it; if not, choose the one without, and it goes to the township or street league committee where your employer is. Until you know, you can send "cancel" and come back later.
   *[no] Choose the closest one; if you are unsure, ask your branch secretary first, or send "cancel" and come back once you know.
}
# Words that say a reason (comma-separated; matched inside what the member writes, the longest one wins): a word
# under two reasons, as "job", makes the bot ask which of them.
transfers-reason-words = { $reason ->
    [FURTHER_STUDY] study, studies, studying, university, college, grad school, graduate school, master, phd, doctorate, postgraduate, admitted
    [EMPLOYED_WITH_LEAGUE_ORG] job, work, working, employed, employer, hired, company, has a league, have a league, with a league
    [EMPLOYED_WITHOUT_LEAGUE_ORG] job, work, working, employed, employer, hired, company, no league, without a league, has no league, doesn't have a league, does not have a league
    [ABROAD_PUBLIC] abroad, overseas, state-sponsored, government-sponsored, scholarship
    [ABROAD_PRIVATE] abroad, overseas, self-funded, own expense, privately
    [UNEMPLOYED] unemployed, no job, jobless, between jobs, looking for work, looking for a job, out of work, quit my job
    [MILITARY] military, army, navy, air force, enlist, enlisted, soldier
   *[OTHER] other reason, something else
}
transfers-reason-label = { transfers-reason-name }
transfers-ask-reason-note = Please explain the reason in a sentence (at most 300 characters).
transfers-ask-destination = Reason: { transfers-reason-name }. { $rule }
    Send the receiving organisation's name, short name or pinyin initials (e.g. "华南理工" or "hnlg").
transfers-pick-destination = Found { $count } organisations you may choose; tap the receiving one, send other words if none is right, or tap "Not in the list" if your new school or employer is not in Tuanzhu:
transfers-org-with-parent = { $name } ({ $parent })
transfers-dest-only-disallowed = Found "{ $name }", but the transfer rules do not allow it for this reason. { $rule }
    Send another name{ $outside ->
        [yes] , tap "Not in the list" if your new school or employer is not in Tuanzhu
       *[no] {""}
    }, or "cancel" to stop.
transfers-dest-none = No organisation matches "{ $query }". Try the full name, the short name or the pinyin initials{ $outside ->
    [yes] . If your new school or employer is not in Tuanzhu yet, tap "Not in the list": choose the province and city and type its name; the committee there receives your request and assigns it.
   *[no] .
}
transfers-dest-refused = Cannot transfer to "{ $name }": { $problem ->
    [same] you are already there.
    [kind] its kind of organisation does not fit this reason.
   *[level] memberships cannot move directly to that level.
} { $rule }
transfers-dest-not-yours = A transfer in can only go to an organisation you are responsible for; "{ $name }" is not one of them.
transfers-query-too-long = That name is too long; please send at most 60 characters.
transfers-note-empty = The note cannot be empty; please write a few words.
transfers-note-too-long = The note can be at most 300 characters; please shorten it.
transfers-summary = Please confirm the transfer application{ $resubmit ->
    [yes] {" "}(corrected and resubmitted)
   *[no] {""}
}:
    Member: { $name }
    From: { $from }
    To: { $to }
    Reason: { transfers-reason-name }{ $noted ->
    [yes] {" "}({ $note })
   *[no] {""}
}
    Rule: { $rule }
    Steps:
    { $plan }
transfers-button-submit = Submit
transfers-button-change-dest = Change destination
transfers-button-change-reason = Change reason
transfers-button-drop = Drop it
transfers-dropped = Dropped; nothing was submitted.
transfers-expired = This step has expired; send /transfer to start again.
transfers-use-buttons = Please use the buttons above, or send "cancel" to stop.
transfers-apply-dropped = The transfer application is dropped; nothing was sent. Say "apply for a transfer" when you need it.
transfers-submit-failed = Not submitted: { $problem ->
    [open-exists] a transfer is already in progress.
    [inactive] the member is not active.
    [previous] the original application can no longer be resubmitted.
    [same] the destination is the current organisation.
   *[other] the destination does not meet the rules; please choose again.
}
transfers-submitted = Transfer application #{ $id } submitted; the sending organisation has been asked to approve it.
transfers-submitted-for = Transfer application #{ $id } submitted for { $name }.
transfers-button-cancel = Cancel application
transfers-cancel-ask = Cancel the transfer application to { $to }? You would have to apply again.
transfers-button-cancel-yes = Yes, cancel it
transfers-button-keep = Keep it
transfers-kept = OK, the application goes on.
transfers-cancelled = The transfer application has been cancelled.
transfers-cancel-nothing = You have no transfer application to cancel.
transfers-cancel-closed = That application is already closed and cannot be cancelled.
transfers-step-waiting = [Transfer #{ $id } waiting] { $member } asks to move from { $from } to { $to } (reason: { transfers-reason-name }).
    To do: { transfers-step-kind } ({ $org }), by { $due }.
transfers-step-waiting-above = { transfers-step-waiting } { $why ->
    [member-leads] The applicant leads { $org } and cannot approve their own transfer, so it came to you.
   *[unbound] Nobody at { $org } uses Tuanzhu yet, so it came straight to you.
}
transfers-button-approve = Approve
transfers-button-reject = Send back
transfers-button-claim = I'll handle it
transfers-button-assign = Assign a branch
transfers-denied = You cannot act on this step: it is outside the organisations you are responsible for.
transfers-own-refused = This is your own transfer: you cannot approve, send back, claim or assign it yourself. { $held ->
    [yes] It is with { $holder }.
   *[no] No other leader uses Tuanzhu yet; please contact the committee above you offline.
}
transfers-wrong-step = This step cannot be handled that way.
transfers-bad-branch = Only a branch under the receiving organisation can be assigned.
transfers-already-handled = This step was already { $status ->
    [APPROVED] approved by { $by } at { $at }
    [REJECTED] sent back by { $by } at { $at }
    [CANCELLED] closed at { $at } because the application was cancelled
   *[other] handled
}; nothing more for you to do.
transfers-decided = { $action ->
    [reject] Sent back; the member will get the reason.
    [assign] Branch assigned.
   *[approve] Approved.
}{ $status ->
    [COMPLETED] {" "}The transfer is complete; the member and both organisations will be told.
    [REJECTED] {""}
   *[other] {" "}It has moved on to the next step.
}
transfers-claimed = Claimed. Reminders to this level stop; the deadline does not change.
transfers-claimed-by = { $mine ->
    [yes] You have already claimed this step.
   *[no] { $by } has claimed this step and is on it.
}
transfers-ask-reject-code = Send back { $member }'s application: why?
transfers-reject-code = { transfers-code-name }
transfers-ask-reject-note = Reason: { transfers-code-name }. Write a short note (at most 300 characters), or tap "No note".
transfers-button-no-note = No note
transfers-note-required = With "other", please write a short note.
transfers-reject-confirm = Send it back? Reason: { transfers-code-name }{ $noted ->
    [yes] ; note: { $note }
   *[no] {""}
}
transfers-button-reject-send = Send back
transfers-button-back = Don't send back
transfers-reject-dropped = Not sent back; the step is still waiting.
transfers-ask-branch = Choose a branch under { $org } for { $member }{ $more ->
    [yes] {" "}(only some are listed; you can also send a branch name to search)
   *[no] {""}
}:
transfers-pick-branch = Choose the branch:
transfers-branch-none = No branch matches "{ $query }"; try other words.
transfers-no-branches = { $org } has no branches to assign; please create one first.
transfers-pending-none = Nothing is waiting in the organisations you are responsible for.
transfers-pending = { $count } transfers waiting (earliest deadline first, { $shown } shown):
    { $rows }
transfers-pending-row = { $n }. { $member }: { $from } → { $to }, { transfers-step-kind } ({ $org }), due { $due }{ $overdue ->
    [yes] , overdue
   *[no] , about { $hours } h left
}{ $claimed ->
    [yes] , claimed by { $claimer }
   *[no] {""}
}
transfers-button-open = Handle { $n } ({ $member })
transfers-step-card = { $member } asks to move from { $from } to { $to } (reason: { transfers-reason-name }{ $noted ->
    [yes] , { $note }
   *[no] {""}
}).
    To do: { transfers-step-kind } ({ $org }), due { $due }.
transfers-member-step-sent-up = Your transfer: { transfers-step-kind } belongs to { $org }, { $why ->
    [member-leads] but you are the only one there who could act on it, and nobody decides their own transfer
   *[other] but nobody at { $org } uses Tuanzhu yet
}, so it went straight to { $to }. Nothing to do for you; you can check the progress at any time.
transfers-member-nobody-can-act = Your transfer: { transfers-step-kind } belongs to { $org }, but nobody else at { $org } or above it (up to the provincial committee) uses Tuanzhu yet, so nobody can act on it here for now. Please contact { $org }'s league officers offline; as soon as a leader there starts using Tuanzhu, they will find it in their pending list.
transfers-member-step-done = Your transfer: { transfers-step-kind } was approved by { $org }; on to the next step.
transfers-member-rejected = Your application to move to { $to } was sent back by { $org } ({ transfers-step-kind }).
    Reason: { transfers-code-name }. { transfers-code-help }{ $noted ->
    [yes] {" "}Note: { $note }
   *[no] {""}
}
    Tap "Fix and resubmit" to correct it and send it again.
transfers-initiator-rejected = The application you arranged for { $member } to move to { $to } was sent back by { $org }: { transfers-code-name }{ $noted ->
    [yes] {" "}({ $note })
   *[no] {""}
}.
transfers-member-completed = Your transfer is complete: from { $from } to { $org }.
transfers-sides-completed = { $member }'s transfer is complete: from { $from } to { $org }.
transfers-leaders-cancelled = { $member } cancelled the transfer from { $from } to { $to }; nothing more to do.
transfers-member-cancelled-for-you = The transfer arranged for you from { $from } to { $to } has been cancelled.
transfers-member-started-for-you = Your organisation arranged a transfer for you: from { $from } to { $to } (reason: { transfers-reason-name }), by { $by }. You can follow its progress any time.
transfers-button-outside = Not in the list (type it)
transfers-outside-not-for-in = A transfer in can only go to an organisation you lead.
transfers-outside-ask-province = In which province is your new school or employer? The committee there receives the request and assigns the right organisation. Not sure? Your own committee can handle it.
transfers-outside-own = Not sure: my own committee
transfers-outside-ask-city = Which city in { $province }?
transfers-outside-other-city = None of these (the provincial committee)
transfers-outside-ask-name = Send the full name of your new school or employer (e.g. "Beijing ByteDance Technology Co., Ltd."). { $committee } will receive and assign the request.
transfers-outside-name-short = That name is too short; send the full name of the school or employer.
transfers-outside-name-long = That name is too long (60 characters at most); send just the full name of the school or employer.
transfers-outside-to = { $name } (not in Tuanzhu; { $committee } receives it and assigns the right organisation)
transfers-outside-handled-by = "{ $name }" is not in Tuanzhu: { $committee } handles your request and, once your current organisation agrees, assigns you to the right league organisation.
