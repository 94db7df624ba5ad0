sla-step-kind = { $kind ->
    [SENDER_APPROVAL] 转出组织审批
    [RECEIVER_APPROVAL] 转入组织审批
   *[BRANCH_ASSIGNMENT] 分配团支部
}
sla-hours = { $business ->
    [yes] { $hours } 个工作小时
   *[no] { $hours } 小时
}
sla-nudge = ⏰ 转接待办提醒：{ $member } 的组织关系转接（{ sla-step-kind }）在 { $org } 已等待 { sla-hours }，请在 { $due } 前办理。
sla-escalation = ⚠️ 转接超时督办：{ $member } 的组织关系转接（{ sla-step-kind }）在 { $org } 已等待 { sla-hours }，超过办理时限（{ $due }）仍未办理。请 { $target } 督促办理，或直接办理。
