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
campaigns-registration-decided-register = ✅ { $label } 年度团籍注册：你已由 { $org } 所属团支部予以注册。
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
