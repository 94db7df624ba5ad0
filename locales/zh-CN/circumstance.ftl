# Changes of circumstance (新工作、收入变化、升学): the member's report, the leader's decision, the after-transfer question.
circumstance-category = { $category ->
    [STUDENT] 学生
    [NO_INCOME] 无收入 / 待业
   *[SALARIED] 在职（有工资收入）
}
circumstance-not-active = 你目前不是在册团员，团费类别无需变更。
circumstance-pending-exists = 你已报告过一项情况变化，正在等待确认：自 { $month } 起改为{ $category ->
    [STUDENT] 学生
    [NO_INCOME] 无收入（含待业）
   *[SALARIED] 在职，税后月收入 { $income } 元
}。确认前团费不变。要改动，请先撤回再重新报告。
circumstance-ask-category = 团费按你的情况计算。你现在的情况是？（也可以直接输入，例如“在职，月薪8000”）
circumstance-ask-income = 你的税后月收入是多少元？（例如 8000 或 八千；团费按税后收入计算，不会告诉其他人）
circumstance-income-unread = 没看懂这个金额。请只输入税后月收入的元数，例如 8000、八千 或 1.2万。
circumstance-ask-month = { $problem ->
    [too-early] 不能早于 { $earliest }：之前的月份已缴费或已按原类别确认，不再变动。
    [too-late] 最多提前三个月报告，请选 { $latest } 或更早的月份。
    [unread] 没看懂这个月份。
   *[none] {""}
}从哪个月开始按新情况缴费？通常是入职（或离职、入学）的月份；可选 { $earliest } 至 { $latest }，也可以输入，例如“2026年12月”或“下个月”。
circumstance-month-label = { $month }
circumstance-summary = 请核对：自 { $month } 起，你的团费类别改为{ $category ->
    [STUDENT] 学生
    [NO_INCOME] 无收入（含待业）
   *[SALARIED] 在职，税后月收入 { $income } 元
}，每月团费 { $amount } 元（此前每月 { $before } 元）。{ $month } 之前的月份不变。
    { $who }确认前团费不变。提交吗？
circumstance-who-own = 由你的团支书 { $names } 确认。
circumstance-who-above = 你的团支部暂时没有团支书使用团助，由上级 { $org } 的 { $names } 确认。
circumstance-who-nobody = 你的团支部和上级组织暂时都没有负责人使用团助：申请会保存下来，等有负责人使用团助时处理（你也可以线下告诉团支书）。
circumstance-sent = ✅ 已提交。{ $who }结果会通知你；在 /me 和 /dues 中可以看到这项待确认的变化。
circumstance-sent-nobody = 📥 已保存你的申请。{ $who }在 /me 和 /dues 中可以看到它；不需要时可以撤回。
circumstance-already-sent = 这份申请已经提交过了，没有重复提交。{ $who }
circumstance-expired = 这个问题已过期。要报告情况变化，请点下面的按钮重新开始。
circumstance-stopped = 好的，没有提交任何变化，团费不变。
circumstance-withdrawn = 已撤回你报告的情况变化，团费不变。
circumstance-withdraw-none = 没有可撤回的申请（可能已被处理或已撤回）。
circumstance-after-no = 好的，团费类别保持不变。以后工作或收入有变化，随时告诉我（例如“我的收入变了”）。
circumstance-after-transfer = 你的组织关系已转入 { $org }。{ $reason ->
    [UNEMPLOYED] 目前待业的话，
   *[other] 开始工作后，
}团费类别可能需要变更（学生 / 在职 / 无收入）。要现在报告吗？
circumstance-button-after-yes = 报告变化
circumstance-button-after-no = 不用变
circumstance-button-send = 提交确认
circumstance-button-stop = 取消
circumstance-button-withdraw = 撤回申请
circumstance-button-start = 报告工作 / 收入变化
circumstance-button-approve = 同意
circumstance-button-reject = 退回
circumstance-button-approve-named = 同意 { $name }
circumstance-button-reject-named = 退回 { $name }
circumstance-leader-request = 📝 { $name }（{ $code }，{ $org }）报告情况变化：自 { DATETIME($month, year: "numeric", month: "long") } 起改为{ $category ->
    [STUDENT] 学生
    [NO_INCOME] 无收入（含待业）
   *[SALARIED] 在职，税后月收入 { $income } 元
}，每月团费 { $amount } 元（此前 { $before } 元）。{ $hasNote ->
    [yes] 原话：“{ $note }”。
   *[no] {""}
}请核实后同意或退回（退回需说明理由）。
circumstance-member-confirmed = ✅ { $by } 已确认你的情况变化：自 { DATETIME($month, year: "numeric", month: "long") } 起按{ $category ->
    [STUDENT] 学生
    [NO_INCOME] 无收入（含待业）
   *[SALARIED] 在职，税后月收入 { $income } 元
}缴纳团费，每月 { $amount } 元。此前的月份不变。
circumstance-member-rejected = { $by } 没有确认你报告的情况变化（自 { DATETIME($month, year: "numeric", month: "long") } 起），理由：{ $reason }。团费类别不变；如有需要可以修改后重新报告（/change）。
circumstance-leader-not-found = 找不到这项申请，或不在你的管辖范围内。
circumstance-leader-own = 不能确认自己的情况变化，请由上级组织办理。
circumstance-leader-already = { $name } 的这项申请已{ $status ->
    [CONFIRMED] 被 { $by } 确认
    [REJECTED] 被 { $by } 退回
   *[WITHDRAWN] 由本人撤回
}，无需再处理。
circumstance-leader-too-early = { $name } 在此期间已缴费，变化不能再从 { $month } 开始（最早 { $earliest }）。没有做任何更改；请退回并说明，让本人重新报告月份。
circumstance-leader-confirmed = 已同意：{ $name } 自 { $month } 起按{ $category ->
    [STUDENT] 学生
    [NO_INCOME] 无收入（含待业）
   *[SALARIED] 在职，税后月收入 { $income } 元
}缴纳团费，每月 { $amount } 元；之前的月份不变。已通知本人，此操作已记录。
circumstance-leader-rejected = 已退回 { $name } 的申请，并把理由告诉了本人。团费不变，此操作已记录。
circumstance-leader-ask-reason = 退回 { $name } 的申请（自 { $month } 起改为 { $category ->
    [STUDENT] 学生
    [NO_INCOME] 无收入
   *[SALARIED] 在职 { $income } 元
}）的理由是？点选或直接输入。
circumstance-reason = { $reason ->
    [proof] 请提供收入或在读证明后重新报告
    [month] 生效月份不对
   *[category] 情况与所报类别不符
}
circumstance-leader-reason-text = 请用文字说明退回的理由。
circumstance-leader-reason-long = 理由太长了，请控制在 { $max } 字以内。
circumstance-list-not-leader = 只有团支书和团委工作人员可以查看待确认的情况变化。
circumstance-list-empty = 你管辖的范围内没有待确认的情况变化。
circumstance-list-title = 待确认的情况变化（{ $count } 项，最早的在前）：
circumstance-list-row = • { $name }（{ $code }）：自 { $month } 起改为{ $category ->
    [STUDENT] 学生
    [NO_INCOME] 无收入
   *[SALARIED] 在职，税后月收入 { $income } 元
}
# Lines of /me and /dues.
circumstance-dues-upcoming = 已确认的情况变化：自 { $month } 起每月团费 { $amount } 元。
circumstance-dues-pending = ⏳ 待确认的情况变化：自 { $month } 起改为{ $category ->
    [STUDENT] 学生
    [NO_INCOME] 无收入（含待业）
   *[SALARIED] 在职，税后月收入 { $income } 元
}（等待团支书确认，确认前团费不变）
