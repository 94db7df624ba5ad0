membership-bind-first = Please link your league membership first: send /bind.
membership-contact = { $role ->
    [BRANCH_SECRETARY] branch secretary { $name } ({ $org })
   *[other] league officer { $name } ({ $org })
}
membership-contact-unknown = your branch secretary
membership-status-title = { $viewer ->
    [leader] Membership record of { $name } (looked up by a league officer; logged)
   *[self] Membership record of { $name }
}
membership-status-org = Organisation: { $path }
membership-status-code = Member number: { $code }
membership-status-joined = Joined: { $date } ({ $years ->
    [one] 1 year
   *[other] { $years } years
} in the League)
membership-status-state = Status: { $status ->
    [ACTIVE] active (正常)
    [LEFT] left the League (已离团)
   *[LAPSED] lapsed (已脱团)
}
membership-status-dues = Dues: paid through { $through }; { $owed } (monthly { $monthly } yuan)
membership-button-full-code = Show my full member number
membership-own-code = { $name }, your member number is: { $code }
    Use it where 智慧团建 asks for it; please do not forward it to groups.
membership-status-transfer-none = Transfer: none in progress
membership-status-transfer-sent-back = Transfer: { $returned } { $reason } Send /transfer to fix it and submit it again.
membership-status-transfer-open = Transfer: in progress to { $to }; current step "{ $step }" with { $org } since { $since }
membership-status-transfer-open-idle = Transfer: in progress to { $to }; waiting for the next step to start
membership-warnings-title = Please note:
membership-warn-age-soon = ⚠️ Age limit: turns 28 on { $date } (in under { $within ->
    [one] a month
   *[other] { $within } months
}). Members of 28 without a league post leave the League (办理离团) — please contact { $contact } then. With a league post, membership continues until the post ends.
membership-warn-age-soon-post = ℹ️ Turns 28 on { $date }. Because of the league post, leaving is postponed until the post ends; nothing to do now.
membership-warn-age-over = ⚠️ Over age, due to leave (超龄待离团): 28 or older ({ $age }) without a league post. Please contact { $contact } to complete leaving the League.
membership-warn-age-over-post = ℹ️ 28 or older ({ $age }): because of the league post, membership continues until the post ends; leave the League after that.
membership-warn-dues-overdue = ⚠️ Dues behind: { $months } months unpaid ({ $amount } yuan including this month). To pay: give it to { $contact } in cash or as your branch announces; send /dues for the details.
membership-warn-lapse-risk = ❗ Risk of lapsing (脱团): { $months } months of dues unpaid. Six months without paying dues, joining branch life or doing league work counts as leaving the League of one's own accord. Pay now ({ $amount } yuan including this month), or contact { $contact } to explain. Tuanzhu only reminds — it never changes anyone's status by itself.
membership-button-dues = Dues details
membership-button-transfer = Transfer progress
membership-branch-not-leader = For anything about your branch, ask { $contact }. /branch is for branch secretaries, committee staff and other league officers; you cannot view other members' records. To see your own, send /me.
membership-branch-summary =
    { $orgName }
    Members: { $members } — { $bound } linked to Tuanzhu, { $unbound } not linked
    Behind with dues 3+ months: { $owing3 }, of whom 6+ months: { $owing6 }
membership-branch-ask = Send a member's name or 12-digit member number to see their record (only within the organisations you lead).
membership-branch-not-found = No "{ $query }" found in the organisations you lead. You can only view members of your organisation and those under it.
membership-branch-not-found-any = That member was not found in the organisations you lead. You can only view members of your organisation and those under it.
membership-branch-pick = Several members called "{ $query }" in your organisations — pick one:
membership-branch-pick-item = { $name } · { $code } · { $org }
membership-names-separator = {", "}
membership-names = { $names }{ $more ->
    [0] {""}
   *[other] {" "}and { $more } more ({ $total } in all)
}
membership-branch-unbound = Not bound to Tuanzhu ({ $count }): { $names }
membership-branch-owing = Owing 3 months or more ({ $count }): { $names }
membership-branch-owing-item = { $name } { $months ->
    [one] 1 month
   *[other] { $months } months
}
membership-branch-unbound-item = { $name } { $code }
membership-branch-code-button = Binding code for { $name }
