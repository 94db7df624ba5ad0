transfers-bind-first = 请先绑定你的团员身份再查询转接进度：发送 /bind。
transfers-button-progress = 转接进度
transfers-button-me = 我的团籍
transfers-step-kind = { $kind ->
    [SENDER_APPROVAL] 转出组织审批
    [RECEIVER_APPROVAL] 转入组织审批
   *[BRANCH_ASSIGNMENT] 分配团支部
}
transfers-status-title = 组织关系转接进度
transfers-status-summary = 从 { $from } 转往 { $to }，原因：{ $reason ->
    [FURTHER_STUDY] 升学
    [EMPLOYED_WITH_LEAGUE_ORG] 就业（单位有团组织）
    [EMPLOYED_WITHOUT_LEAGUE_ORG] 就业（单位无团组织）
    [ABROAD_PUBLIC] 公派出国
    [ABROAD_PRIVATE] 自费出国
    [UNEMPLOYED] 待业
    [MILITARY] 参军
   *[OTHER] 其他
}；提交于 { $since }
transfers-status-step-pending = { $seq }. ⏳ { $kind } —— { $org }：待办理{ $claimed ->
    [yes] （已有团干部在处理）
   *[no] {""}
}，自 { $since } 起，办理期限 { $due }{ $overdue ->
    [yes] （已超时，将提醒上级组织督办）
   *[no] {""}
}
transfers-status-step-done = { $seq }. { $status ->
    [APPROVED] ✅
    [REJECTED] ❌
   *[other] ⏹
} { $kind } —— { $org }：{ $status ->
    [APPROVED] 已通过
    [REJECTED] 已退回
   *[other] 已取消
}（{ $at }）
transfers-status-next = 各步骤已办结，正在等待下一步开始。
transfers-status-none = 你目前没有进行中的组织关系转接。需要转接时请联系{ $contact }；在线申请开通后也可以在这里办理。
transfers-start-not-open = 团助暂未开放在线申请组织关系转接，这里不会提交任何申请。请联系{ $contact }办理。已有的转接可以发送「转接进度」或 /transfer status 查看。
