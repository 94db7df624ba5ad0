membership-bind-first = 请先绑定你的团员身份：发送 /bind。
membership-contact = { $role ->
    [BRANCH_SECRETARY] 团支书{ $name }（{ $org }）
   *[other] 团干部{ $name }（{ $org }）
}
membership-contact-unknown = 你所在团支部的团支书
membership-status-title = { $viewer ->
    [leader] 团员 { $name } 的团籍信息（团干部查询，已记录）
   *[self] { $name } 的团籍信息
}
membership-status-org = 所在组织：{ $path }
membership-status-code = 团员编号：{ $code }
membership-status-joined = 入团时间：{ $date }（团龄 { $years } 年）
membership-status-state = 团籍状态：{ $status ->
    [ACTIVE] 正常
    [LEFT] 已离团
   *[LAPSED] 已脱团
}
membership-status-dues = 团费：已缴至 { $through }；{ $owed }（每月 { $monthly } 元）
membership-button-full-code = 显示我的完整编号
membership-own-code = { $name }，你的团员编号（发展团员编号）是：{ $code }
    在智慧团建等处填写时使用；请勿转发到群里。
membership-status-transfer-none = 组织关系转接：无进行中的转接
membership-status-transfer-sent-back = 组织关系转接：{ $returned }{ $reason } 修改后可以重新提交：发送 /transfer。
membership-status-transfer-open = 组织关系转接：进行中，转往 { $to }；当前步骤「{ $step }」由 { $org } 办理，自 { $since } 起
membership-status-transfer-open-idle = 组织关系转接：进行中，转往 { $to }；正在等待下一步开始
membership-warnings-title = 需要注意：
membership-warn-age-soon = ⚠️ 超龄提醒：将于 { $date } 年满 28 周岁（还有不到 { $within } 个月）。按团章规定，年满 28 周岁、没有担任团内职务的团员应办理离团手续，届时请联系{ $contact }办理；如担任团干部，可保留团籍至卸任。
membership-warn-age-soon-post = ℹ️ 将于 { $date } 年满 28 周岁。因担任团干部，离团手续推迟到卸任后办理，现在无需操作。
membership-warn-age-over = ⚠️ 超龄待离团：已年满 28 周岁（{ $age } 岁）且未担任团内职务，请联系{ $contact }办理离团手续。
membership-warn-age-over-post = ℹ️ 已年满 28 周岁（{ $age } 岁）。因担任团干部，团籍保留到卸任，卸任后再办理离团手续。
membership-warn-dues-overdue = ⚠️ 团费欠缴：已有 { $months } 个月未缴团费（含本月共 { $amount } 元）。缴纳方式：以现金或按支部通知的方式交给{ $contact }，发送 /dues 查看明细。
membership-warn-lapse-risk = ❗ 脱团风险：已有 { $months } 个月未缴团费。连续 6 个月不缴纳团费、不参加团的组织生活、不做团组织分配的工作，将被视为自行脱团。请现在就补缴（含本月共 { $amount } 元），或联系{ $contact }说明情况。团助只作提醒，不会自动更改团籍状态。
membership-button-dues = 团费明细
membership-button-transfer = 转接进度
membership-branch-not-leader = 你的团组织有事可以找{ $contact }。/branch 只对团支书、团委工作人员等团干部开放，你不能查看其他团员的信息。想看自己的团籍，请发送 /me。
membership-branch-summary =
    { $orgName }
    团员 { $members } 人：已绑定团助 { $bound } 人，未绑定 { $unbound } 人
    欠缴团费 3 个月及以上 { $owing3 } 人，其中 6 个月及以上 { $owing6 } 人
membership-branch-ask = 发送团员姓名或 12 位团员编号，可查看其团籍信息（仅限你所管辖的组织）。
membership-branch-not-found = 在你管辖的组织中没有找到「{ $query }」。你只能查看本组织及下级组织的团员。
membership-branch-not-found-any = 在你管辖的组织中没有找到这名团员。你只能查看本组织及下级组织的团员。
membership-branch-pick = 你管辖的组织中有多位「{ $query }」，请选择要查看的团员：
membership-branch-pick-item = { $name } · { $code } · { $org }
membership-names-separator = 、
membership-names = { $names }{ $more ->
    [0] {""}
   *[other] {" "}等 { $total } 人
}
membership-branch-unbound = 未绑定团助（{ $count } 人）：{ $names }
membership-branch-owing = 欠缴 3 个月及以上（{ $count } 人）：{ $names }
membership-branch-owing-item = { $name } { $months } 个月
membership-branch-unbound-item = { $name } { $code }
membership-branch-code-button = 为{ $name }生成绑定码
