duesleaders-bind-first = 请先绑定你的团员身份：发送 /bind。
duesleaders-not-leader = 只有团支书、组织委员（团费收缴）、团委工作人员和管理员可以使用这个功能。
duesleaders-through-none = 尚未缴纳
duesleaders-rate-none = —
duesleaders-month = { $year }年{ $mon }月
duesleaders-button-my-dues = 查看我的团费
duesleaders-button-csv = 导出 CSV

duesleaders-choose-branch = 请选择组织（也可以发送「/{ $command } 组织代码」）：
duesleaders-branch-not-found = 在你的管理范围内没有找到「{ $query }」这个组织。
duesleaders-branch-title = { $org } { $year }年团费收缴情况（截至{ $mon }月）：
duesleaders-branch-line = { $code } { $name }：月缴 { $monthly } 元，今年已缴 { $paid }/{ $due } 个月，已缴至 { $through }{ $owed ->
    [0] ，无欠缴
   *[other] ，欠缴 { $owed } 个月 { $amount } 元
}
duesleaders-branch-more = ……另有 { $more } 人未列出，见 CSV 文件。
duesleaders-branch-empty = { $org } 暂无在册团员。
duesleaders-branch-totals = 合计：{ $members } 人；今年应缴 { $due } 个月，已缴 { $paid } 个月（收缴率 { $rate }）；欠缴 { $owing } 人，共 { $owed } 个月 { $amount } 元。
duesleaders-csv-caption = { $org } { $year }年团费收缴表（UTF-8，可直接用 Excel 打开）。
duesleaders-csv-file = 团费收缴-{ $org }-{ $year }.csv
duesleaders-csv-code = 编号
duesleaders-csv-name = 姓名
duesleaders-csv-monthly = 月缴
duesleaders-csv-through = 已缴至
duesleaders-csv-owed-months = 欠缴月数
duesleaders-csv-owed-amount = 欠缴金额(元)

duesleaders-cash-ask = 登记现金团费：请逐行发送「编号 月数」，每行一人，例如：
    202001000005 4
    202101000006 7
    月数为本次收取的月数，从最早欠缴的月份起算（最多可预缴 12 个月）。先预览，确认后才保存。
duesleaders-cash-owing = 本组织欠缴的团员（{ $names }），可复制下面几行，按实收月数修改后发送：
    { $lines }
duesleaders-list-separator = 、
duesleaders-cash-errors = 以下各行有问题，本次没有保存任何内容。请改正后把全部行重新发送：
duesleaders-cash-error = 第 { $line } 行「{ $text }」：{ $reason }
duesleaders-cash-bad-format = 格式应为「编号 月数」，中间用空格隔开
duesleaders-cash-bad-code = 编号应为 12 位数字
duesleaders-cash-bad-months = 月数应为 1 到 { $max } 之间的整数
duesleaders-cash-duplicate = 与第 { $first } 行是同一人，请合并为一行
duesleaders-cash-not-found = 没有这个编号的团员
duesleaders-cash-out-of-scope = 该团员不在你的管理范围内
duesleaders-cash-own = 这是你自己，自己的团费不能由你登记，请由支部其他负责人登记
duesleaders-cash-not-active = 该团员已不在册
duesleaders-cash-too-many = 该团员最多可缴 { $max } 个月（欠缴月份加预缴 12 个月）
duesleaders-cash-no-rate = 团费标准表中没有该团员适用的档次，无法计算金额
duesleaders-cash-too-many-lines = 一次最多登记 { $max } 人，请分批发送。
duesleaders-cash-empty = 没有读到任何一行。
duesleaders-cash-preview = 现金团费登记预览（尚未保存）：
duesleaders-cash-preview-line = { $code } { $name }：{ $months } 个月（{ $from } 至 { $to }），{ $amount } 元
duesleaders-cash-preview-total = 合计 { $people } 人、{ $months } 个月、{ $amount } 元。核对无误后点「确认登记」；要修改，直接重新发送全部行。
duesleaders-cash-confirm = 确认登记
duesleaders-cash-cancel = 取消
duesleaders-cash-saved = 已登记 { $people } 人的现金团费，共 { $months } 个月、{ $amount } 元，并已通知相关团员。
duesleaders-cash-cancelled = 已取消，没有保存任何内容。
duesleaders-cash-expired = 这次登记已失效，请重新发送 /duescash。
duesleaders-cash-changed = 预览之后有团员的缴费情况发生了变化，没有保存任何内容。请核对下面的新预览后再确认。
duesleaders-cash-member = 【团费】{ $leader } 已为你登记现金团费 { $months } 个月（{ $fromYear }年{ $fromMon }月 至 { $toYear }年{ $toMon }月），共 { $amount } 元，参考号 { $reference }。{ $closed ->
    [none] {""}
   *[other] 你的缴费单 { $closed } 已随之关闭，不用再发付款截图；如果你另外也转账付过款，请联系{ $leader }处理。
}

duesleaders-orgs-choose = 请选择要查看哪个组织的下属组织收缴率：
duesleaders-orgs-title = { $org } 下属组织 { $year }年团费收缴率（截至{ $mon }月，从低到高）：
duesleaders-orgs-line = { $rank }. { $name }：{ $rate }（{ $members } 人，已缴 { $paid }/{ $due } 个月，欠缴满 3 个月 { $owing3 } 人）
duesleaders-orgs-none = { $org } 没有下属组织。可以用 /duesbranch 查看本组织的收缴明细。

duesleaders-reminder = 【团费提醒】截至{ $year }年{ $mon }月，你有 { $months } 个月的团费未交，共 { $amount } 元。{ $level ->
    [risk] 欠缴已达 6 个月，按规定可能被视为自行脱团，请尽快缴纳或联系团支书说明情况。
    [warn] 欠缴已满 3 个月，团支书也会收到提醒，请尽快缴纳。
   *[none] 请及时缴纳。
}
duesleaders-arrears-branch = 【团费】{ $org }（{ $year }年{ $mon }月）{ $warn ->
    [0] {""}
   *[other] {"\u000A"}欠缴满 3 个月的团员 { $warn } 人（编号 姓名 欠缴月数）：{"\u000A"}{ $warnList }{ $warnMore ->
        [0] {""}
       *[other] {"\u000A"}……另有 { $warnMore } 人
    }
}{ $risk ->
    [0] {""}
   *[other] {"\u000A"}欠缴满 6 个月、有自行脱团风险的团员 { $risk } 人（编号 姓名 欠缴月数）：{"\u000A"}{ $riskList }{ $riskMore ->
        [0] {""}
       *[other] {"\u000A"}……另有 { $riskMore } 人
    }
}
    请与他们联系了解情况。是否认定脱团由组织决定，系统不会自动变更团籍。
duesleaders-risk-committee = 【团费·脱团风险】{ $org }（{ $year }年{ $mon }月）：下级团支部有 { $risk } 名团员欠缴团费满 6 个月（编号 姓名 欠缴月数 所在支部）：
    { $riskList }{ $riskMore ->
        [0] {""}
       *[other] {"\u000A"}……另有 { $riskMore } 人
    }
    是否认定脱团由组织决定，系统不会自动变更团籍。

duesleaders-review-none = 你负责的范围内没有待确认的缴费截图。
duesleaders-review-title = 待确认缴费：共 { $count } 笔{ $more ->
    [0] {""}
   *[other] ，先列出最早的 { $shown } 笔（处理后再发 /duesreview 看后面的）
}。核对到账后点「确认到账」或「驳回」。
duesleaders-review-item = { $name }（{ $code }，{ $org }）缴费单 { $reference }：{ $months } 个月，合计 { $amount } 元，{ $date } 提交。

duesleaders-method-current = { $org } 的团费收款方式：{ $method ->
    [none] 未设置（缴费单上会请团员按支部公布的方式付款）
   *[other] { $method }{ $from ->
        [self] {""}
       *[other] （沿用 { $from } 的设置）
    }
}
duesleaders-method-usage = 设置：/duesmethod 收款方式（如「/duesmethod 微信转账给团支书王芳，微信号 wf2022」）；为下属组织设置：/duesmethod 组织代码 收款方式；「/duesmethod 清除」恢复沿用上级。最多 { $max } 字。
duesleaders-method-which = 你负责多个组织（{ $orgs }），请写明组织代码：/duesmethod 组织代码 收款方式。
duesleaders-method-long = 收款方式最多 { $max } 字，请精简后再发。
duesleaders-method-set = 已设置 { $org } 的团费收款方式：{ $method }。之后的缴费单会写明这一方式。
duesleaders-method-cleared = 已清除 { $org } 的团费收款方式，缴费单将沿用上级组织的设置（如有）。

duesleaders-button-nudge = 提醒欠缴的团员
duesleaders-nudge-preview = 催交团费：{ $org } 有 { $owing } 人欠缴团费。
duesleaders-nudge-will = 团助会提醒（{ $count } 人）：{ $names }
duesleaders-nudge-recent = 24 小时内已提醒过，这次不再打扰（{ $count } 人）：{ $names }
duesleaders-nudge-unbound = 没有绑定团助，请当面提醒（{ $count } 人）：{ $names }
duesleaders-nudge-invite = 想让他们以后也能收到提醒：发送 /branch，可以为每人生成一次性绑定码。
duesleaders-nudge-name = { $name }（{ $months } 个月 { $amount } 元）
duesleaders-nudge-more = 等，另有 { $more } 人
duesleaders-nudge-what = 提醒会写明各人欠缴的月数和金额、怎么缴，并说明是你请团助提醒的。发送吗？
duesleaders-nudge-nobody-to-send = 这次没有可以由团助提醒的人。
duesleaders-nudge-none = { $org } 目前没有欠缴团费的团员。
duesleaders-button-nudge-send = 发送提醒
duesleaders-button-nudge-cancel = 先不发
duesleaders-nudge-cancelled = 好的，没有发送任何提醒。
duesleaders-nudge-sent = 已提醒 { $count } 人：{ $names }。
duesleaders-nudge-sent-none = 这次没有发送：要提醒的人都已在 24 小时内提醒过。
duesleaders-nudge-member = 【团费提醒】{ $leader }（{ $org }）请团助提醒你：你的团费已欠缴 { $months } 个月，共 { $amount } 元。点「查看我的团费」可以在线缴纳，也可以现金交给团支书。
