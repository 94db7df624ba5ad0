transfers-bind-first = Please link your league membership before asking about a transfer: send /bind.
transfers-button-progress = Transfer progress
transfers-button-me = My status
transfers-step-kind = { $kind ->
    [SENDER_APPROVAL] approval by the sending organisation
    [RECEIVER_APPROVAL] approval by the receiving organisation
   *[BRANCH_ASSIGNMENT] assignment to a branch
}
transfers-status-title = Organisation transfer progress
transfers-status-summary = From { $from } to { $to }, reason: { $reason ->
    [FURTHER_STUDY] further study (升学)
    [EMPLOYED_WITH_LEAGUE_ORG] employment, employer has a league organisation
    [EMPLOYED_WITHOUT_LEAGUE_ORG] employment, employer has no league organisation
    [ABROAD_PUBLIC] going abroad, state-sponsored
    [ABROAD_PRIVATE] going abroad, self-funded
    [UNEMPLOYED] between jobs (待业)
    [MILITARY] military service
   *[OTHER] other
}; submitted { $since }
transfers-status-step-pending = { $seq }. ⏳ { $kind } — { $org }: waiting{ $claimed ->
    [yes] {" "}(an officer is on it)
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
transfers-status-none = You have no organisation transfer in progress. When you need one, please contact { $contact }; once online applications open you can also apply here.
transfers-start-not-open = Online transfer applications are not open in Tuanzhu yet, so nothing is submitted here. Please contact { $contact } to arrange your transfer. To follow a transfer already under way, send "transfer progress" or /transfer status.
