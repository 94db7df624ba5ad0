duesleaders-bind-first = Please link your member record first: send /bind.
duesleaders-not-leader = Only branch secretaries, treasurers, committee staff and administrators can use this.
duesleaders-through-none = nothing paid yet
duesleaders-rate-none = —
duesleaders-month = { $mon }/{ $year }
duesleaders-button-my-dues = My dues
duesleaders-button-csv = Export CSV

duesleaders-choose-branch = Which organisation? (You can also send "/{ $command } <organisation code>".)
duesleaders-branch-not-found = No organisation "{ $query }" in your scope.
duesleaders-branch-title = { $org }: dues collected in { $year } (up to { $mon }/{ $year }):
duesleaders-branch-line = { $code } { $name }: { $monthly } yuan a month, { $paid }/{ $due } months paid this year, paid through { $through }{ $owed ->
    [0] , nothing owed
   *[other] , owes { $owed } months, { $amount } yuan
}
duesleaders-branch-more = …and { $more } more, see the CSV file.
duesleaders-branch-empty = { $org } has no members on its roll.
duesleaders-branch-totals = Total: { $members } members; { $due } months due this year, { $paid } paid (rate { $rate }); { $owing } members owe { $owed } months, { $amount } yuan.
duesleaders-csv-caption = { $org }: dues collection { $year } (UTF-8, opens in Excel).
duesleaders-csv-file = dues-{ $org }-{ $year }.csv
duesleaders-csv-code = Code
duesleaders-csv-name = Name
duesleaders-csv-monthly = Monthly
duesleaders-csv-through = Paid through
duesleaders-csv-owed-months = Months owed
duesleaders-csv-owed-amount = Amount owed (yuan)

duesleaders-cash-ask = Record cash dues: send one line per member, "<code> <months>", for example:
    202001000005 4
    202101000006 7
    Months are counted from the earliest unpaid month (up to 12 months ahead). You will see a preview; nothing is saved until you confirm.
duesleaders-cash-owing = Members of your organisation who owe ({ $names }); copy these lines, change the months to what you received, and send them:
    { $lines }
duesleaders-list-separator = {", "}
duesleaders-cash-errors = These lines have problems; nothing was saved. Please fix them and send all lines again:
duesleaders-cash-error = Line { $line } "{ $text }": { $reason }
duesleaders-cash-bad-format = write "<code> <months>", separated by a space
duesleaders-cash-bad-code = a code has 12 digits
duesleaders-cash-bad-months = months must be a whole number from 1 to { $max }
duesleaders-cash-duplicate = same member as line { $first }; please use one line
duesleaders-cash-not-found = no member has this code
duesleaders-cash-out-of-scope = this member is outside your scope
duesleaders-cash-own = that is you: your own dues must be recorded by another leader of the branch
duesleaders-cash-not-active = this member is no longer on the roll
duesleaders-cash-too-many = this member can pay at most { $max } months (owed months plus 12 ahead)
duesleaders-cash-no-rate = the dues table has no band for this member, so no amount can be computed
duesleaders-cash-too-many-lines = At most { $max } members at a time; please send them in parts.
duesleaders-cash-empty = No lines found.
duesleaders-cash-preview = Cash dues preview (not saved yet):
duesleaders-cash-preview-line = { $code } { $name }: { $months } months ({ $from } to { $to }), { $amount } yuan
duesleaders-cash-preview-total = Total { $people } members, { $months } months, { $amount } yuan. Press "Confirm" if it is right; to change it, send all lines again.
duesleaders-cash-confirm = Confirm
duesleaders-cash-cancel = Cancel
duesleaders-cash-saved = Recorded cash dues for { $people } members: { $months } months, { $amount } yuan. The members have been told.
duesleaders-cash-cancelled = Cancelled; nothing was saved.
duesleaders-cash-expired = This entry has expired; please send /duescash again.
duesleaders-cash-changed = A member's dues changed after the preview; nothing was saved. Please check the new preview below and confirm again.
duesleaders-cash-member = [Dues] { $leader } recorded your cash dues for { $months } months ({ $fromMon }/{ $fromYear } to { $toMon }/{ $toYear }), { $amount } yuan, reference { $reference }.{ $closed ->
    [none] {""}
   *[other] {" "}Your payment request { $closed } is closed with it: no screenshot is needed. If you also paid by transfer, please talk to { $leader }.
}

duesleaders-orgs-choose = Show the collection rates below which organisation?
duesleaders-orgs-title = { $org }: dues collection rate of each organisation below it, { $year } (up to { $mon }/{ $year }), lowest first:
duesleaders-orgs-line = { $rank }. { $name }: { $rate } ({ $members } members, { $paid }/{ $due } months paid, { $owing3 } owing 3+ months)
duesleaders-orgs-none = { $org } has no organisations below it. Use /duesbranch for its own details.

duesleaders-reminder = [Dues reminder] Up to { $mon }/{ $year } you have { $months } months of dues unpaid, { $amount } yuan in all. { $level ->
    [risk] That is six months or more: under the rules this may count as leaving the League of your own accord. Please pay soon or talk to your branch secretary.
    [warn] That is three months or more, so your branch secretary is told as well. Please pay soon.
   *[none] Please pay when you can.
}
duesleaders-arrears-branch = [Dues] { $org } ({ $mon }/{ $year }){ $warn ->
    [0] {""}
   *[other] {"\u000A"}Members owing 3+ months: { $warn } (code name months):{"\u000A"}{ $warnList }{ $warnMore ->
        [0] {""}
       *[other] {"\u000A"}…and { $warnMore } more
    }
}{ $risk ->
    [0] {""}
   *[other] {"\u000A"}Members owing 6+ months, at risk of lapsing: { $risk } (code name months):{"\u000A"}{ $riskList }{ $riskMore ->
        [0] {""}
       *[other] {"\u000A"}…and { $riskMore } more
    }
}
    Please get in touch with them. Whether anyone has lapsed is for the organisation to decide; nobody's status is changed automatically.
duesleaders-risk-committee = [Dues · lapse risk] { $org } ({ $mon }/{ $year }): { $risk } members in branches below owe 6+ months (code name months branch):
    { $riskList }{ $riskMore ->
        [0] {""}
       *[other] {"\u000A"}…and { $riskMore } more
    }
    Whether anyone has lapsed is for the organisation to decide; nobody's status is changed automatically.

duesleaders-review-none = No payment screenshots are waiting for a confirmation in your scope.
duesleaders-review-title = Payments to confirm: { $count } in all{ $more ->
    [0] {""}
   *[other] ; the oldest { $shown } are below (send /duesreview again for the rest)
}. Check the money arrived, then tap Confirm or Reject.
duesleaders-review-item = { $name } ({ $code }, { $org }), request { $reference }: { $months ->
    [one] 1 month
   *[other] { $months } months
}, { $amount } yuan in all, sent { $date }.

duesleaders-method-current = How members of { $org } pay dues: { $method ->
    [none] not set (payment requests ask members to pay the way the branch announced)
   *[other] { $method }{ $from ->
        [self] {""}
       *[other] {" "}(as set by { $from })
    }
}
duesleaders-method-usage = To set it: /duesmethod <how to pay> (e.g. "/duesmethod WeChat transfer to secretary Wang Fang, ID wf2022"); for an organisation below: /duesmethod <org code> <how to pay>; "/duesmethod clear" goes back to the one above. At most { $max } characters.
duesleaders-method-which = You lead several organisations ({ $orgs }); please name one by its code: /duesmethod <org code> <how to pay>.
duesleaders-method-long = Please keep the payment method to { $max } characters.
duesleaders-method-set = { $org } now tells members to pay dues this way: { $method }. New payment requests will say so.
duesleaders-method-cleared = Cleared the payment method of { $org }; payment requests use the one above it, if any.

duesleaders-button-nudge = Remind those who owe
duesleaders-nudge-preview = Chasing dues: { $owing ->
    [one] 1 member
   *[other] { $owing } members
} of { $org } owe dues.
duesleaders-nudge-will = Tuanzhu will remind ({ $count }): { $names }
duesleaders-nudge-recent = Reminded in the last 24 hours, left alone this time ({ $count }): { $names }
duesleaders-nudge-unbound = Not using Tuanzhu, please remind them in person ({ $count }): { $names }
duesleaders-nudge-invite = To have them reminded here next time: send /branch, where you can make each of them a one-time binding code.
duesleaders-nudge-name = { $name } ({ $months ->
    [one] 1 month
   *[other] { $months } months
}, { $amount } yuan)
duesleaders-nudge-more = {" "}and { $more } more
duesleaders-nudge-what = Each reminder says how many months and how much that member owes, how to pay, and that you asked for it. Send?
duesleaders-nudge-nobody-to-send = There is nobody Tuanzhu can remind this time.
duesleaders-nudge-none = Nobody in { $org } owes dues at the moment.
duesleaders-button-nudge-send = Send reminders
duesleaders-button-nudge-cancel = Not now
duesleaders-nudge-cancelled = OK, no reminders were sent.
duesleaders-nudge-sent = Reminded { $count }: { $names }.
duesleaders-nudge-sent-none = Nothing sent: everyone to remind was reminded in the last 24 hours.
duesleaders-nudge-member = [Dues reminder] { $leader } ({ $org }) asked Tuanzhu to remind you: you owe { $months ->
    [one] 1 month
   *[other] { $months } months
} of dues, { $amount } yuan in all. Tap "My dues" to pay online, or pay your branch secretary in cash.
