sla-step-kind = { $kind ->
    [SENDER_APPROVAL] approval by the sending organisation
    [RECEIVER_APPROVAL] approval by the receiving organisation
   *[BRANCH_ASSIGNMENT] assignment to a branch
}
sla-hours = { $business ->
    [yes] { $hours } business hours
   *[no] { $hours } hours
}
sla-nudge = ⏰ Transfer reminder: the transfer of { $member } ({ sla-step-kind }) has waited at { $org } for { sla-hours }. Please handle it before { $due }.
sla-escalation = ⚠️ Overdue transfer: the transfer of { $member } ({ sla-step-kind }) at { $org } has waited { sla-hours }, past its deadline ({ $due }). { $target }: please follow it up, or handle it yourselves.
