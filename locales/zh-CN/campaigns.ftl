## 团籍注册 (kind "registration"): what members and 团支书 read
campaigns-registration-title = { $label } 年度团籍注册
campaigns-registration-open =
    📝 { $label } 年度团籍注册（{ $org } 发起，{ $closes } 截止）
    请核对你的信息：所在组织、学习/工作状态、团费缴纳情况（可发 /me 查看）。无误请点「信息无误」；有变化请点「有变化」。
campaigns-registration-remind = ⏰ 提醒：{ $label } 年度团籍注册将于 { $closes } 截止，你还没有确认信息。请点下方按钮（一步即可）。
campaigns-registration-choice-ok = 信息无误
campaigns-registration-choice-change = 有变化
campaigns-registration-choice-change-org = 所在组织变了
campaigns-registration-choice-change-study = 学习/工作状态变了
campaigns-registration-choice-change-dues = 团费情况不对
campaigns-registration-ask-change = 哪一项有变化？选一项即可，团支书会和你核实。
campaigns-registration-response-ok = 已确认信息无误
campaigns-registration-response-change-org = 报告：所在组织有变化
campaigns-registration-response-change-study = 报告：学习/工作状态有变化
campaigns-registration-response-change-dues = 报告：团费情况不对
campaigns-registration-decision-register = 注册
campaigns-registration-decision-defer = 暂缓注册
campaigns-registration-decision-refuse = 不予注册
campaigns-registration-decided-register = ✅ { $label } 年度团籍注册（{ $org }）：你已注册。
campaigns-registration-decided-defer = ⏸ { $label } 年度团籍注册：你的注册暂缓。原因：{ $reason }。请与团支书联系。
campaigns-registration-decided-refuse = ⛔ { $label } 年度团籍注册：团支部决定对你不予注册。如有疑问请与团支书联系。
campaigns-registration-hint-owed = 欠缴团费 { $months } 个月
campaigns-registration-hint-no-org-life = 今年无组织生活记录

## The engine: members' answers
campaigns-answer-saved = 已记录：{ $what }。{ $leaders ->
        [none] 你所在的组织暂时没有在团助上的团支书，请直接联系所在团组织。
       *[other] 团支书（{ $leaders }）会审核。
    }
campaigns-answer-same = 你已经这样回复过了（{ $what }），无需再点。
campaigns-answer-decided = 团支书已经办理了你的这一项（{ $decision }），回复没有更改。如有变化请联系团支书。
campaigns-answer-closed = 这项工作已于截止后关闭，不能再回复。如有需要请联系团支书。
campaigns-answer-not-yours = 这项工作不包括你，无需回复。
campaigns-member-none = 你现在没有需要回复的团籍注册等工作。
campaigns-member-pending = 📝 { $title }（{ $closes } 截止）：请回复。
campaigns-member-answered = 📝 { $title }：你已回复（{ $what }）。{ $decision ->
        [none] 等待团支书审核。
       *[other] 结果：{ $decision }。
    }

## The engine: committees and leaders
campaigns-none = 你的管辖范围内还没有团籍注册等工作。团委可点下方按钮发起。
campaigns-button-open = 发起团籍注册
campaigns-list = 你负责或参与的工作（点开看完成情况）：
campaigns-closed-mark = （已关闭）
campaigns-not-found = 找不到这项工作，或不在你的管辖范围内。
campaigns-progress-header =
    📊 { $title }（{ $org } 发起，{ $opens } 至 { $closes }，{ $state ->
        [closed] 已于 { $closedAt } 关闭，数字已定格
       *[open] 进行中
    }）
    合计：已办结 { $done }/{ $total }（{ $percent }），已回复 { $responded } 人。按完成率从低到高：
campaigns-progress-row = { $n }. { $name }：已办结 { $done }/{ $total }（{ $percent }），已回复 { $responded }
campaigns-button-names = 未办结名单：{ $name }
campaigns-button-close = 关闭并定格数字
campaigns-names-header = 📋 { $title } — { $org } 未办结 { $n } 人（按支部）：
campaigns-names-branch = { $branch }（{ $n } 人）：{ $names }
campaigns-name-answered = { $name }（已回复）
campaigns-names-more = 等，另有 { $n } 人未列出
campaigns-names-none = { $org } 的 { $title } 已全部办结。
campaigns-button-decide = 办理：{ $name }
campaigns-already-closed = { $title } 已关闭，数字已定格，不能再更改。
campaigns-close-ask = 确定关闭 { $title } 吗？关闭后完成情况定格保存，成员不能再回复，团支书也不能再办理。
campaigns-button-close-yes = 确定关闭
campaigns-button-close-no = 先不关
campaigns-closed = 🔒 { $title } 已关闭。定格数字：已办结 { $done }/{ $total }（{ $percent }）。此操作已记录。

## Deciding per member
campaigns-decide-header = 🗂 { $title } — { $org }（共 { $n } 人，未办结在前）：
campaigns-list-no-answer = 未回复
campaigns-list-decided = 【{ $decision }】
campaigns-decide-how = 点名字选择（可多选），再点下方的办理结果；也可以直接打字，如“1 3 5 注册”“全部注册”“2 暂缓 团费未缴清”。⚠ 为提示，不会自动决定。
campaigns-button-select-pending = 全选未办结
campaigns-button-select-none = 清空选择
campaigns-selected = 已选 { $n } 人：{ $names }。再点办理结果。
campaigns-decide-expired = 这份名单已失效（已办理或已过期）。请重新打开名单。
campaigns-decide-none-selected = 还没有选人：请先点名字，或打字如“1 3 注册”。
campaigns-decide-ask-reason = 「{ $decision }」需要原因：请打字说明（{ $n } 人共用这条原因），或发“取消”。
campaigns-decide-reason-long = 原因请控制在 { $max } 个字以内。
campaigns-decide-bad-numbers = 序号要在 1 到 { $max } 之间，如“1 3 5 注册”或“2-4 注册”。
campaigns-decided = ✅ 已办理「{ $decision }」{ $n } 人：{ $names }{ $reason ->
        [none] 。
       *[other] 。原因：{ $reason }。
    }已通知本人，此操作已记录。
campaigns-decided-unchanged = 已经是「{ $decision }」，未更改：{ $names }。
campaigns-decided-self = 不能办理你自己的一项，请由上级组织办理。
campaigns-decided-outside = { $n } 人不在你的管辖范围内，未办理。
campaigns-button-continue = 继续办理
campaigns-button-progress = 查看完成情况

## Opening one
campaigns-open-not-allowed = 只有团委工作人员可以发起团籍注册等工作。
campaigns-open-choose-kind = 要发起哪一项？
campaigns-open-choose-org = 以哪个组织的名义发起？
campaigns-open-choose-audience = 面向哪些下级组织？不选即为全部下级（已选 { $chosen } 个）。
campaigns-button-audience-done = 下一步
campaigns-open-ask-closes = 什么时候截止？点下方按钮，或打字如“12月31日”“2026-12-31”。
campaigns-button-close-in = { $days } 天后（{ $date }）
campaigns-open-ask-every = 截止 { $closes }。多久提醒一次还没回复的人？
campaigns-button-every = 每 { $days } 天
campaigns-button-every-never = 不提醒
campaigns-open-bad-date = 没看懂这个日期。请打字如“12月31日”或“2026-12-31”，或点上面的按钮。
campaigns-open-preview =
    📝 即将发起：{ $title }
    发起组织：{ $org }（{ $children ->
        [all] 全部下级
       *[other] { $children }
    }）
    时间：{ $opens } 至 { $closes }；{ $every ->
        [0] 不自动提醒
       *[other] 每 { $every } 天提醒还没回复的人
    }
    对象：{ $total } 名团员，其中 { $reachable } 人可在团助上收到通知，{ $unreachable } 人暂时联系不上。
    通知按节奏发送，夜间不打扰。确认发起吗？
campaigns-button-open-yes = 确认发起
campaigns-button-open-no = 先不发
campaigns-open-dropped = 好的，没有发起。
campaigns-open-expired = 这一步已失效，请重新发起（/campaign）。
campaigns-opened = ✅ 已发起 { $title }，通知正在发出。此操作已记录。
campaigns-period-opens-in-past = 开始日期不能早于今天。
campaigns-period-closes-before-opens = 截止日期不能早于开始日期。
campaigns-period-too-long = 时间不能超过一年。
campaigns-open-refused-unknown-kind = 没有这种工作。
campaigns-open-refused-scope = 这个组织不在你的管辖范围内，没有发起。
campaigns-open-refused-children = 所选的下级组织不属于发起组织，没有发起。
campaigns-open-refused-duplicate = 这个组织已有一项同样的工作在进行中，没有重复发起。请先关闭原来的。
