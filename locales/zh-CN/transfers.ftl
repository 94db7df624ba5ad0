transfers-bind-first = 请先绑定你的团员身份再查询转接进度：发送 /bind。
transfers-button-progress = 转接进度
transfers-button-me = 我的团籍
transfers-button-apply = 申请转接
transfers-step-kind = { $kind ->
    [SENDER_APPROVAL] 转出组织审批
    [RECEIVER_APPROVAL] 转入组织审批
   *[BRANCH_ASSIGNMENT] 分配团支部
}
transfers-reason-name = { $reason ->
    [FURTHER_STUDY] 升学
    [EMPLOYED_WITH_LEAGUE_ORG] 就业（单位有团组织）
    [EMPLOYED_WITHOUT_LEAGUE_ORG] 就业（单位无团组织）
    [ABROAD_PUBLIC] 公派出国
    [ABROAD_PRIVATE] 自费出国
    [UNEMPLOYED] 待业
    [MILITARY] 参军
   *[OTHER] 其他
}
transfers-code-name = { $code ->
    [INCOMPLETE_INFO] 信息不全
    [WRONG_DESTINATION] 转入组织错误
    [NOT_OUR_MEMBER] 非本组织团员
    [DESTINATION_NOT_ALLOWED] 去向不符合规定
    [REPORT_IN_PERSON] 需线下报到
   *[OTHER] 其他
}
transfers-code-help = { $code ->
    [INCOMPLETE_INFO] 申请信息不完整，请补全后重新提交。
    [WRONG_DESTINATION] 选择的转入组织不对，请重新选择正确的组织。
    [NOT_OUR_MEMBER] 对方组织查不到你是其团员，请先和团支书核对你的组织关系。
    [DESTINATION_NOT_ALLOWED] 这个去向不符合转接规定，请按规定重新选择转入组织。
    [REPORT_IN_PERSON] 需要你本人到组织线下报到后再办理。
   *[OTHER] 请看下面的说明。
}
transfers-rule = { $reason ->
    [FURTHER_STUDY] 升学：组织关系转到新学校的团组织，不能转到户籍地。
    [EMPLOYED_WITH_LEAGUE_ORG] 就业且单位有团组织：组织关系转到工作单位的团组织。
    [EMPLOYED_WITHOUT_LEAGUE_ORG] 就业但单位没有团组织：组织关系转到单位所在地的乡镇/街道团组织。
    [ABROAD_PUBLIC] 公派出国：组织关系转到派出单位的团组织。
    [ABROAD_PRIVATE] 自费出国：组织关系转到户籍所在地的乡镇/街道团组织，或存放档案的人才服务机构团组织。
    [UNEMPLOYED] 待业：组织关系转到户籍或居住地的乡镇/街道团组织，或存放档案的人才服务机构团组织。
    [MILITARY] 参军：组织关系须转到省级团委，由省级团委转交部队团组织。
   *[OTHER] 其他原因：转到你实际学习、工作或生活地的基层团组织，由转入组织审核你的说明。
}
transfers-status-title = 组织关系转接进度
transfers-status-summary = 从 { $from } 转往 { $to }，原因：{ transfers-reason-name }；提交于 { $since }
transfers-status-step-pending = { $seq }. ⏳ { $kind } —— { $org }：待办理{ $claimed ->
    [yes] （{ $claimer } 已认领，正在处理）
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
transfers-status-none = 你目前没有进行中的组织关系转接。需要转接时点「申请转接」或发送 /transfer；有疑问可以联系{ $contact }。
transfers-rejection = 退回原因：{ transfers-code-name }。{ transfers-code-help }{ $noted ->
    [yes] {" "}说明：{ $note }
   *[no] {""}
}
transfers-already-open = 你已有一个进行中的转接申请，完成或撤销之前不能再申请。
transfers-last-completed = 最近一次完成的转接：{ $from } → { $to }，{ $date } 完成。
transfers-last-rejected = 你上一次转往 { $to } 的申请被 { $org } 退回了。
transfers-button-resubmit = 修改后重新提交
transfers-button-new = 重新申请
transfers-resubmit-gone = 这份申请已经不能重新提交了（可能已重新提交过）。发送 /transfer 查看现在的情况。
transfers-leader-for-whom = 你要为谁办理组织关系转接？
transfers-for-self = 为我自己申请
transfers-for-out = 办理转出（本组织团员转走）
transfers-for-in = 办理转入（团员转来本组织）
transfers-not-leader = 只有团支书和团委工作人员可以为团员办理转接、查看待审批的转接。
transfers-ask-member-out = 请发送要转出的团员的发展团员编号（12 位数字），例如：201901000001
transfers-ask-member-in = 请发送要转入的团员的发展团员编号和姓名，用空格隔开，例如：201901000001 李明
transfers-member-not-found-out = 在你负责的组织里没有找到这个编号的团员。请核对编号后再发一次。
transfers-member-not-found-in = 没有找到编号和姓名都对得上的团员。请核对后再发一次。
transfers-member-is-you = 这是你自己的编号。为自己申请请发送 /transfer 并选「为我自己申请」。
transfers-member-inactive = { $name } 目前不是在团状态，不能办理转接。
transfers-member-has-open = { $name } 已有一个进行中的转接申请。
transfers-member-found = 为 { $name }（{ $code }，{ $org }）办理转接。
transfers-ask-reason = 组织关系转接的原因是？
transfers-reason-which = 是下面哪一种？{ $employment ->
    [yes] 不清楚单位有没有团组织的话，可以问单位的人事部门；没有团组织也能转。
   *[no] {""}
}
transfers-reason-unclear = 没看出是哪种原因。请点下面的一项，或说得具体些，比如「考上研究生」「去公司上班，单位有团委」。
transfers-back-words = 上一步, 回到上一步, 不对, 不对不对, 说错了, 我说错了, 选错了, 我选错了, 点错了, 我点错了, 搞错了, 弄错了, 原因选错了, 原因不对, 重新选, 重选, 重新选原因, 改原因, 改一下原因
transfers-back-to-reason = 好的，重新选择转接原因。
# Answers to "是下面哪一种？" when it asked between employment with and without a league organisation (whole phrases).
transfers-employer-has-org-words = 有, 有的, 有吧, 有的吧, 应该有, 应该有吧, 好像有, 有啊, 有团委, 有团组织, 有团支部, 单位有, 单位有的
transfers-employer-no-org-words = 没有, 没, 没有吧, 没有的, 应该没有, 应该没有吧, 好像没有, 没有啊, 无, 都没有, 单位没有, 没听说有
transfers-not-sure-words = 不知道, 不清楚, 不确定, 不太清楚, 不太确定, 我不知道, 我不清楚, 我也不知道, 我也不清楚, 不晓得, 不了解, 没问过, 还不知道, 搞不清, 说不清, 不懂
transfers-reason-not-sure = { $employment ->
    [yes] 可以问问单位的人事部门或同事：单位有团委、团支部等团组织，就选「单位有团组织」，组织关系转到单位的团组织；没有就选「单位无团组织」，转到单位所在地的乡镇/街道团组织。问清楚之前也可以先发送「取消」，之后再来办。
   *[no] 选最接近的一项就行；拿不准的话可以先问问团支书，或发送「取消」，问清楚再来办。
}
# Words that say a reason (comma-separated; matched inside what the member writes, the longest one wins): a word
# under two reasons, as 工作, makes the bot ask which of them.
transfers-reason-words = { $reason ->
    [FURTHER_STUDY] 升学, 读研, 考研, 保研, 读博, 考博, 研究生, 硕士, 博士, 上大学, 考上, 录取, 继续读书, 专升本, 深造
    [EMPLOYED_WITH_LEAGUE_ORG] 就业, 工作, 上班, 入职, 单位, 公司, 找到工作, 签约, 公务员, 考编, 选调, 有团委, 有团组织, 有团支部
    [EMPLOYED_WITHOUT_LEAGUE_ORG] 就业, 工作, 上班, 入职, 单位, 公司, 找到工作, 签约, 公务员, 考编, 选调, 没有团委, 没有团组织, 没有团支部, 没团委, 没团组织, 无团委, 无团组织
    [ABROAD_PUBLIC] 出国, 留学, 国外, 公派, 国家公派, 留学基金委
    [ABROAD_PRIVATE] 出国, 留学, 国外, 自费, 自费留学
    [UNEMPLOYED] 待业, 没工作, 没有工作, 没找到工作, 找工作, 失业, 辞职, 离职
    [MILITARY] 参军, 当兵, 入伍, 服兵役, 部队, 征兵
   *[OTHER] 其他原因, 别的原因
}
transfers-reason-label = { transfers-reason-name }
transfers-ask-reason-note = 请用一句话说明转接原因（最多 300 字）。
transfers-ask-destination = 原因：{ transfers-reason-name }。{ $rule }
    请发送转入组织的名称、简称或拼音首字母（例如「华南理工」「hnlg」）。
transfers-pick-destination = 找到 { $count } 个可选的组织，请点选转入组织；都不对就换个说法再发一次，新单位或学校不在团助里就点「不在列表中」：
transfers-org-with-parent = { $name }（{ $parent }）
transfers-dest-only-disallowed = 找到了「{ $name }」，但它不符合这个原因的转接规定。{ $rule }
    请换一个组织名称再发一次{ $outside ->
        [yes] ，新单位或学校不在团助里就点「不在列表中」
       *[no] {""}
    }，或发送「取消」放弃。
transfers-dest-none = 没有找到和「{ $query }」相符的组织。请换个说法（全称、简称或拼音首字母）再发一次{ $outside ->
    [yes] 。如果新单位或学校还没有加入团助，点「不在列表中」，选省市、填名称，由当地团委接收后分配。
   *[no] 。
}
transfers-dest-refused = 不能转到「{ $name }」：{ $problem ->
    [same] 你现在就在这个组织。
    [kind] 它的组织类型不符合这个原因的规定。
   *[level] 组织关系不能直接转到这一级组织。
} { $rule }
transfers-dest-not-yours = 办理转入只能转到你负责的组织，「{ $name }」不在其中。
transfers-query-too-long = 组织名称太长了，请发送 60 字以内的名称或简称。
transfers-note-empty = 说明不能为空，请写几个字。
transfers-note-too-long = 说明最多 300 字，请精简后再发一次。
transfers-summary = 请确认转接申请{ $resubmit ->
    [yes] （修改后重新提交）
   *[no] {""}
}：
    团员：{ $name }
    转出：{ $from }
    转入：{ $to }
    原因：{ transfers-reason-name }{ $noted ->
    [yes] （{ $note }）
   *[no] {""}
}
    规定：{ $rule }
    办理步骤：
    { $plan }
transfers-button-submit = 确认提交
transfers-button-change-dest = 改转入组织
transfers-button-change-reason = 改原因
transfers-button-drop = 放弃
transfers-dropped = 已放弃，没有提交任何申请。
transfers-expired = 这一步已失效，请发送 /transfer 重新开始。
transfers-use-buttons = 请点击上面的按钮继续，或发送「取消」放弃。
transfers-apply-dropped = 已放弃这次转接申请，什么都没有提交。需要时再发送「申请转接」。
transfers-submit-failed = 没有提交：{ $problem ->
    [open-exists] 已有一个进行中的转接申请。
    [inactive] 该团员目前不是在团状态。
    [previous] 原申请已不能重新提交。
    [same] 转入组织就是现在的组织。
   *[other] 转入组织不符合规定，请重新选择。
}
transfers-submitted = 转接申请 #{ $id } 已提交，转出组织会收到审批提醒。
transfers-submitted-for = 已为 { $name } 提交转接申请 #{ $id }。
transfers-button-cancel = 撤销申请
transfers-cancel-ask = 确定撤销转往 { $to } 的转接申请吗？撤销后需要重新申请。
transfers-button-cancel-yes = 确定撤销
transfers-button-keep = 不撤销
transfers-kept = 好的，申请继续办理。
transfers-cancelled = 转接申请已撤销。
transfers-cancel-nothing = 你没有可以撤销的转接申请。
transfers-cancel-closed = 这份申请已经办结，不能再撤销。
transfers-step-waiting = 【转接待办理 #{ $id }】{ $member } 申请从 { $from } 转往 { $to }（原因：{ transfers-reason-name }）。
    待办：{ transfers-step-kind }（{ $org }），请在 { $due } 前办理。
transfers-step-waiting-above = { transfers-step-waiting } { $why ->
    [member-leads] 申请人本人是 { $org } 的负责人，不能审批自己的转接，所以交给你办理。
   *[unbound] { $org } 还没有负责人使用团助，所以直接交给你办理。
}
transfers-button-approve = 同意
transfers-button-reject = 退回
transfers-button-claim = 我来处理
transfers-button-assign = 分配团支部
transfers-denied = 你无权办理这一步：它不在你负责的组织范围内。
transfers-own-refused = 这是你自己的转接申请，不能由你本人审批、退回、认领或分配。{ $held ->
    [yes] 它已交给 { $holder } 办理。
   *[no] 目前没有其他负责人使用团助，请联系上级团组织线下办理。
}
transfers-wrong-step = 这一步不能这样办理。
transfers-bad-branch = 只能分配到转入组织下属的团支部。
transfers-already-handled = 这一步已{ $status ->
    [APPROVED] 由 { $by } 于 { $at } 办理通过
    [REJECTED] 由 { $by } 于 { $at } 退回
    [CANCELLED] 于 { $at } 因申请撤销而取消
   *[other] 有人处理
}，不需要你再操作。
transfers-decided = { $action ->
    [reject] 已退回，团员会收到退回原因。
    [assign] 已分配团支部。
   *[approve] 已同意。
}{ $status ->
    [COMPLETED] 转接已完成，团员和双方组织都会收到通知。
    [REJECTED] {""}
   *[other] {" "}已转入下一步。
}
transfers-claimed = 已认领。系统不再向本级催办，但办理期限不变。
transfers-claimed-by = { $mine ->
    [yes] 你已经认领了这一步。
   *[no] { $by } 已认领这一步，正在处理。
}
transfers-ask-reject-code = 退回 { $member } 的申请，原因是？
transfers-reject-code = { transfers-code-name }
transfers-ask-reject-note = 退回原因：{ transfers-code-name }。请写一句说明（最多 300 字），或点「不写说明」。
transfers-button-no-note = 不写说明
transfers-note-required = 选择「其他」时请写一句说明。
transfers-reject-confirm = 确认退回吗？原因：{ transfers-code-name }{ $noted ->
    [yes] ；说明：{ $note }
   *[no] {""}
}
transfers-button-reject-send = 确认退回
transfers-button-back = 不退回了
transfers-reject-dropped = 已放弃退回，这一步仍待办理。
transfers-ask-branch = 请为 { $member } 选择 { $org } 下的团支部{ $more ->
    [yes] （只列出一部分，也可以发送团支部名称搜索）
   *[no] {""}
}：
transfers-pick-branch = 请选择团支部：
transfers-branch-none = 没有找到和「{ $query }」相符的团支部，请换个说法再发一次。
transfers-no-branches = { $org } 下没有团支部，无法分配。请先在系统中建立团支部。
transfers-pending-none = 你负责的组织目前没有待办理的转接。
transfers-pending = 待办理的转接共 { $count } 件（按期限先后，显示 { $shown } 件）：
    { $rows }
transfers-pending-row = { $n }. { $member }：{ $from } → { $to }，{ transfers-step-kind }（{ $org }），期限 { $due }{ $overdue ->
    [yes] ，已超时
   *[no] ，还剩约 { $hours } 小时
}{ $claimed ->
    [yes] ，{ $claimer } 已认领
   *[no] {""}
}
transfers-button-open = 办理 { $n }（{ $member }）
transfers-step-card = { $member } 申请从 { $from } 转往 { $to }（原因：{ transfers-reason-name }{ $noted ->
    [yes] ，{ $note }
   *[no] {""}
}）。
    待办：{ transfers-step-kind }（{ $org }），期限 { $due }。
transfers-member-step-sent-up = 你的转接申请：{ transfers-step-kind }本应由 { $org } 办理，{ $why ->
    [member-leads] 但那里能办理的只有你本人，自己的转接不能自己审批
   *[other] 但 { $org } 还没有负责人使用团助
}，已直接交给 { $to } 办理。你不需要做什么，可以随时查看进度。
transfers-member-nobody-can-act = 你的转接申请：{ transfers-step-kind }应由 { $org } 办理，但 { $org } 及其上级团组织（到团省委为止）目前都没有其他负责人使用团助，暂时没有人能在这里办理。请直接联系 { $org } 的团干部线下办理；那里的负责人一开始使用团助，就能在「待审批」里看到并办理。
transfers-member-step-done = 你的转接申请：{ transfers-step-kind }已由 { $org } 通过，进入下一步。
transfers-member-rejected = 你转往 { $to } 的申请被 { $org } 退回（{ transfers-step-kind }）。
    退回原因：{ transfers-code-name }。{ transfers-code-help }{ $noted ->
    [yes] {" "}说明：{ $note }
   *[no] {""}
}
    点「修改后重新提交」即可改好再交。
transfers-initiator-rejected = 你为 { $member } 办理的转往 { $to } 的申请被 { $org } 退回：{ transfers-code-name }{ $noted ->
    [yes] （{ $note }）
   *[no] {""}
}。
transfers-member-completed = 你的组织关系转接已完成：从 { $from } 转入 { $org }。
transfers-sides-completed = { $member } 的组织关系转接已完成：从 { $from } 转入 { $org }。
transfers-leaders-cancelled = { $member } 已撤销从 { $from } 转往 { $to } 的转接申请，不需要再办理。
transfers-member-cancelled-for-you = 为你办理的从 { $from } 转往 { $to } 的转接申请已撤销。
transfers-member-started-for-you = 组织为你办理了组织关系转接：从 { $from } 转往 { $to }（原因：{ transfers-reason-name }），经办人 { $by }。可以随时查看进度。
transfers-button-outside = 不在列表中（手动填写）
transfers-outside-not-for-in = 办理转入只能转到你负责的组织。
transfers-outside-ask-province = 新单位或学校在哪个省？申请会交给当地团委接收，再由他们分配到具体组织。不清楚的话，可以交给你所在的团委处理。
transfers-outside-own = 不清楚，交给我所在的团委
transfers-outside-ask-city = { $province } 下的哪个市？
transfers-outside-other-city = 不在这些市（交给省团委）
transfers-outside-ask-name = 请发送新单位或学校的全称（例如「北京字节跳动科技有限公司」）。申请将由 { $committee } 接收并分配。
transfers-outside-name-short = 名称太短了，请发送新单位或学校的全称。
transfers-outside-name-long = 名称太长了（最多 60 个字），请只发送单位或学校的全称。
transfers-outside-to = { $name }（不在团助中，由 { $committee } 接收后分配到具体组织）
transfers-outside-handled-by = 「{ $name }」不在团助中：你的申请由 { $committee } 办理，转出组织同意后，他们会把你分配到具体的团组织。
