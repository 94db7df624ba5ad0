# Changes of circumstance (new job, new pay, back to study): the member's report, the leader's decision, the after-transfer question.
circumstance-category = { $category ->
    [STUDENT] Student
    [NO_INCOME] No income / looking for work
   *[SALARIED] Employed (with pay)
}
circumstance-not-active = You are not an active member, so your dues category does not need to change.
circumstance-pending-exists = You have already reported a change, waiting to be confirmed: from { $month }, { $category ->
    [STUDENT] student
    [NO_INCOME] no income (job-seeking included)
   *[SALARIED] salaried, { $income } yuan a month after tax
}. Your dues stay as they are until then. To change it, withdraw it first and report again.
circumstance-ask-category = Dues depend on your situation. What is it now? (You can also type it, e.g. "employed, 8000 a month")
circumstance-ask-income = What is your monthly pay after tax, in yuan? (e.g. 8000; dues are a share of pay after tax, and nobody else is told)
circumstance-income-unread = I couldn't read that amount. Please type only your monthly pay after tax in yuan, e.g. 8000 or 12k.
circumstance-ask-month = { $problem ->
    [too-early] Not before { $earliest }: earlier months are paid or confirmed at the old category and stay as they are.{" "}
    [too-late] At most three months ahead: choose { $latest } or earlier.{" "}
    [unread] I couldn't read that month.{" "}
   *[none] {""}
}From which month should dues follow your new situation? Usually the month you started (or left) the job or school; { $earliest } to { $latest }, or type it, e.g. "December 2026" or "next month".
circumstance-month-label = { $month }
circumstance-summary = Please check: from { $month }, your dues category becomes { $category ->
    [STUDENT] student
    [NO_INCOME] no income (job-seeking included)
   *[SALARIED] salaried, { $income } yuan a month after tax
}: { $amount } yuan a month (until then { $before } yuan). Months before { $month } stay as they are.
    { $who } Your dues stay as they are until it is confirmed. Send it?
circumstance-who-own = Your branch secretary { $names } will confirm it.
circumstance-who-above = Your branch has no secretary using Tuanzhu yet, so { $names } of { $org } above will confirm it.
circumstance-who-nobody = Neither your branch nor the organisations above have a leader using Tuanzhu yet: the request will be kept until one does (you can also tell your branch secretary in person).
circumstance-sent = ✅ Sent. { $who } You will be told the outcome; /me and /dues show the change while it waits.
circumstance-sent-nobody = 📥 Your request is kept. { $who } /me and /dues show it; you can withdraw it if it is no longer needed.
circumstance-already-sent = This request was already sent; nothing was sent twice. { $who }
circumstance-expired = That question has expired. To report a change of circumstance, start again with the button below.
circumstance-stopped = OK, nothing was sent; your dues stay as they are.
circumstance-withdrawn = Your reported change is withdrawn; your dues stay as they are.
circumstance-withdraw-none = There is nothing to withdraw (it may have been handled or withdrawn already).
circumstance-after-no = OK, your dues category stays as it is. If your job or pay changes later, just tell me (e.g. "my income changed").
circumstance-after-transfer = Your membership has moved to { $org }. { $reason ->
    [UNEMPLOYED] While you are looking for work,
   *[other] Now that you work,
} your dues category may need to change (student / salaried / no income). Report it now?
circumstance-button-after-yes = Report a change
circumstance-button-after-no = No change
circumstance-button-send = Send for confirmation
circumstance-button-stop = Cancel
circumstance-button-withdraw = Withdraw it
circumstance-button-start = Report a new job or pay
circumstance-button-approve = Approve
circumstance-button-reject = Reject
circumstance-button-approve-named = Approve { $name }
circumstance-button-reject-named = Reject { $name }
circumstance-leader-request = 📝 { $name } ({ $code }, { $org }) reports a change of circumstance: from { DATETIME($month, year: "numeric", month: "long") }, { $category ->
    [STUDENT] student
    [NO_INCOME] no income (job-seeking included)
   *[SALARIED] salaried, { $income } yuan a month after tax
}, dues { $amount } yuan a month (until then { $before } yuan). { $hasNote ->
    [yes] In their words: "{ $note }".{" "}
   *[no] {""}
}Please check it, then approve or reject (with a reason).
circumstance-member-confirmed = ✅ { $by } confirmed your change: from { DATETIME($month, year: "numeric", month: "long") } your dues are those of { $category ->
    [STUDENT] a student
    [NO_INCOME] a member without income
   *[SALARIED] a salaried member with { $income } yuan a month after tax
}, { $amount } yuan a month. Earlier months stay as they were.
circumstance-member-rejected = { $by } did not confirm the change you reported (from { DATETIME($month, year: "numeric", month: "long") }). Reason: { $reason }. Your dues category stays as it is; you may correct it and report again (/change).
circumstance-leader-not-found = That request does not exist, or is outside your scope.
circumstance-leader-own = You cannot confirm your own change; the organisation above handles it.
circumstance-leader-already = This request of { $name } was already { $status ->
    [CONFIRMED] confirmed by { $by }
    [REJECTED] rejected by { $by }
   *[WITHDRAWN] withdrawn by the member
}; nothing more to do.
circumstance-leader-too-early = { $name } has paid months since, so the change can no longer start in { $month } (the earliest is { $earliest }). Nothing was changed; please reject it with a reason so they report the month again.
circumstance-leader-confirmed = Approved: from { $month }, { $name } pays dues as { $category ->
    [STUDENT] a student
    [NO_INCOME] a member without income
   *[SALARIED] a salaried member with { $income } yuan a month after tax
}, { $amount } yuan a month; earlier months stay as they were. They have been told; this was recorded.
circumstance-leader-rejected = Rejected { $name }'s request and told them why. Their dues are unchanged; this was recorded.
circumstance-leader-ask-reason = Why do you reject { $name }'s request (from { $month }: { $category ->
    [STUDENT] student
    [NO_INCOME] no income
   *[SALARIED] salaried, { $income } yuan
})? Tap one or type it.
circumstance-reason = { $reason ->
    [proof] please send proof of pay or study and report again
    [month] the starting month is wrong
   *[category] the situation does not match the category reported
}
circumstance-leader-reason-text = Please type the reason for rejecting it.
circumstance-leader-reason-long = That reason is too long; please keep it under { $max } characters.
circumstance-list-not-leader = Only branch secretaries and committee staff can see changes waiting for confirmation.
circumstance-list-empty = No changes of circumstance are waiting in your scope.
circumstance-list-title = Changes waiting for confirmation ({ $count }, oldest first):
circumstance-list-row = • { $name } ({ $code }): from { $month }, { $category ->
    [STUDENT] student
    [NO_INCOME] no income
   *[SALARIED] salaried, { $income } yuan a month after tax
}
# Lines of /me and /dues.
circumstance-dues-upcoming = Confirmed change of circumstance: from { $month }, { $amount } yuan a month.
circumstance-dues-pending = ⏳ Change of circumstance waiting for confirmation: from { $month }, { $category ->
    [STUDENT] student
    [NO_INCOME] no income (job-seeking included)
   *[SALARIED] salaried, { $income } yuan a month after tax
} (your dues stay as they are until your branch secretary confirms it)
