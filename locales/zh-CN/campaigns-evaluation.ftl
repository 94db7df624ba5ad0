campaigns-evaluation-grade = { $grade ->
    [excellent] 优秀
    [qualified] 合格
    [basic] 基本合格
   *[unqualified] 不合格
}
campaigns-evaluation-title = { $label } 团员教育评议
campaigns-evaluation-decision-excellent = 优秀
campaigns-evaluation-decision-qualified = 合格
campaigns-evaluation-decision-basic = 基本合格
campaigns-evaluation-decision-unqualified = 不合格
campaigns-evaluation-open =
    📝 团员教育评议（{ $label }）：{ $org } 请你在 { $closes } 前完成自评。
    先点一个自评等次，再用几句话写下本年度的表现和发挥团员作用的情况。支部评议后会告诉你结果。
campaigns-evaluation-remind = ⏰ 提醒：团员教育评议（{ $label }）将于 { $closes } 截止，你还没有自评。点一个自评等次开始：
campaigns-evaluation-choice-excellent = 优秀
campaigns-evaluation-choice-qualified = 合格
campaigns-evaluation-choice-basic = 基本合格
campaigns-evaluation-choice-unqualified = 不合格
campaigns-evaluation-ask-text = 自评等次：{ $grade ->
    [excellent] 优秀
    [qualified] 合格
    [basic] 基本合格
   *[unqualified] 不合格
}。请用几句话写下本年度的表现和发挥团员作用的情况（{ $min }–{ $max } 字），直接发给我；发“取消”放弃。
campaigns-evaluation-text-too-short = 太短了（{ $chars } 字），至少写 { $min } 字。请再发一次，或发“取消”。
campaigns-evaluation-text-too-long = 太长了（{ $chars } 字），最多 { $max } 字。请精简后再发；完整的自评材料可在支部大会上交流。
campaigns-evaluation-response = 自评{ $rating ->
    [excellent] 优秀
    [qualified] 合格
    [basic] 基本合格
   *[unqualified] 不合格
}：{ $text }
campaigns-evaluation-decided-excellent = 📋 团员教育评议（{ $label }）结果：{ $org } 评议你为“优秀”。继续保持！
campaigns-evaluation-decided-qualified = 📋 团员教育评议（{ $label }）结果：{ $org } 评议你为“合格”。
campaigns-evaluation-decided-basic = 📋 团员教育评议（{ $label }）结果：{ $org } 评议你为“基本合格”。团支部会和你谈心，帮助你改进。
campaigns-evaluation-decided-unqualified = 📋 团员教育评议（{ $label }）结果：{ $org } 评议你为“不合格”。团支部会和你谈话，说明原因和改进要求。
campaigns-evaluation-results-help =
    📝 团员教育评议（{ $label }）· { $org }
    参评 { $evaluated } 人：已评 { $decided } 人，未评 { $pending } 人。优秀名额 { $quota } 个（参评人数的 { $percent }%，向下取整），还剩 { $left } 个。
    按“姓名 等次”发送评议结果，可一次发多人，例如：
    张三 优秀，李四 合格，王五 基本合格
    发“取消”结束。
campaigns-evaluation-results-member = { $n }. { $name }：{ $self }{ $result }
campaigns-evaluation-results-self-none = 未自评
campaigns-evaluation-results-now = （已评：{ $grade }）
campaigns-evaluation-quota-refused = ❌ 没有记录：本支部参评 { $evaluated } 人，优秀最多 { $quota } 个（{ $percent }%）。这次要评 { $asked } 个优秀，只剩 { $left } 个名额。请减少优秀人数后重新发送（把已评优秀的改为其他等次可以腾出名额）。
campaigns-evaluation-recorded = ✅ 已记录 { $count } 人的评议结果。本支部：优秀 { $excellent }、合格 { $qualified }、基本合格 { $basic }、不合格 { $unqualified }，未评 { $pending } 人；优秀名额还剩 { $left } 个。
campaigns-evaluation-unchanged = 这些结果和已记录的一样，没有变化。
campaigns-evaluation-unknown = 没有记录：本支部本次评议名单里没有 { $names }。请核对姓名（或改用团员编号）后重新发送。
campaigns-evaluation-ambiguous = 没有记录：{ $names } 有重名，请改用团员编号。
campaigns-evaluation-unread = 没有记录：这几处看不懂：{ $pieces }。请按“姓名 等次”写，例如：张三 优秀，李四 合格。
campaigns-evaluation-self = 没有记录：不能评议自己（{ $name }），请由上级团组织评议。
campaigns-evaluation-none-open = 目前没有进行中的团员教育评议。评议开始时你会收到通知，在通知里点自评等次即可；团支书可以发 /evaluate 录入结果。
campaigns-evaluation-not-leader = 只有团支书或上级团委工作人员可以记录评议结果。
campaigns-evaluation-closed = 这次团员教育评议已结束，结果不能再更改。
campaigns-evaluation-done = 好的，评议结果录入结束。可随时发 /evaluate 继续。
campaigns-evaluation-pick-branch = 你负责多个支部的团员教育评议，先选一个支部：
