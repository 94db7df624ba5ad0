dues-bind-first = 请先绑定你的团员身份再查询团费：发送 /bind。
dues-button-status = 我的团籍
dues-paid-none = —（尚无已缴月份）
dues-paid-through-month = { $month }{ $ahead ->
    [yes] （已预缴）
   *[no] {""}
}
dues-owed-nothing = 无欠缴
dues-owed-months-only = 欠缴 { $months } 个月
dues-owed = 欠缴 { $months } 个月（{ $months ->
    [1] { $from }
   *[other] { $from } 至 { $to }
}），共 { $amount } 元
dues-why-fixed = { $category ->
    [STUDENT] 学生团员，每月 { $amount } 元。
    [NO_INCOME] 无收入团员（含待业、领取养老金），每月 { $amount } 元。
   *[SALARIED] 在职团员，税后月收入 { $income } 元，低于 { $below } 元，每月 { $amount } 元。
}
dues-why-share = 在职团员，税后月收入 { $income } 元（{ $from } 元及以上按收入的 { $percent }% 缴纳，向下取整到元，最高 { $cap } 元）：{ $income } × { $percent }% = { $share } 元，取整为 { $floored } 元{ $capped ->
    [yes] ，超过上限，按 { $cap } 元
   *[no] {""}
}。
dues-view-title = { $name } 的团费
dues-view-monthly = 每月团费：{ $amount } 元
dues-view-why = 计算依据：{ $why }
dues-view-no-rate = 团费标准表中没有适用于你的档次，暂时无法计算金额，请联系{ $contact }核对。
dues-view-start = 起缴月份：{ $month }（入团当月）
dues-view-paid-through = 已缴至：{ $through }
dues-view-owed = 欠缴情况：{ $owed }
dues-view-last-payment = 最近一次缴费：{ $date }，{ $months } 个月共 { $amount } 元
dues-view-last-payment-none = 最近一次缴费：暂无记录
dues-view-how-to-pay = 缴纳方式：点「缴纳团费」生成缴费单，付款后把截图发到这里；也可以现金交给{ $contact }，登记后这里会更新。
dues-view-method = 收款方式（{ $org }）：{ $method }
dues-view-pending = 待确认的缴费单：{ $reference }，{ $months } 个月共 { $amount } 元（{ $proof ->
    [yes] 截图已提交，等待支部确认
   *[no] 付款后请点「发送付款截图」
}）
dues-button-pay = 缴纳团费
dues-button-send-proof = 发送付款截图
dues-list-separator = 、

dues-pay-owed = 你欠缴 { $months } 个月（{ $months ->
    [1] { $from }
   *[other] { $from } 至 { $to }
}），共 { $amount } 元。
dues-pay-owed-nothing = 你目前没有欠缴的团费，可以预缴。
dues-pay-choose = { $owed }请选择本次缴纳几个月（欠缴月份先缴，最多预缴到 12 个月后，本次最多 { $max } 个月）：
dues-pay-option = { $ahead ->
    [0] { $owed } 个月
   *[other] { $owed ->
        [0] 预缴 { $ahead } 个月
       *[other] { $owed } 个月 + 预缴 { $ahead } 个月
    }
}（{ $amount } 元）
dues-pay-months-invalid = 本次可缴 1 至 { $max } 个月，请点按钮选择。
dues-pay-use-buttons = 请点按钮选择缴纳的月数，或直接输入，如「3个月」「半年」「一年」。
dues-pay-extra = 本次缴纳 { $months } 个月（{ $months ->
    [1] { $from }
   *[other] { $from } 至 { $to }
}），共 { $amount } 元。是否自愿多缴？点按钮，或输入多缴金额（如「8 元」）。
dues-pay-no-extra = 不多缴
dues-pay-method-later = 怎么付款，下一步的缴费单上会写明（支部登记的收款方式，或该找谁问）。
dues-pay-extra-option = 多缴 { $amount } 元
dues-pay-extra-invalid = 多缴金额请输入 0 至 { $max } 元之间的金额，如「8块」「2.5元」「八块五」，不多缴请回「0」。
dues-pay-awaiting = 你的缴费单 { $reference } 已提交付款截图，正在等待支部确认；确认或驳回后会通知你，之后再缴新的月份。
dues-pay-no-rate = 团费标准表中没有适用于你的档次，暂时无法生成缴费单，请联系{ $contact }核对。
dues-pay-request = 缴费单 { $reference }：{ $months } 个月（{ $months ->
    [1] { $from }
   *[other] { $from } 至 { $to }
}），团费 { $dues } 元{ $hasExtra ->
    [yes] ，自愿多缴 { $extra } 元
   *[no] {""}
}，合计 { $total } 元。
    { $method ->
        [none] 支部还没有在团助登记收款方式，请按支部公布的方式付款（不清楚可以问{ $contact }）。
       *[other] 收款方式（{ $methodOrg }）：{ $method }。
    }
    付款备注中写上 { $reference }。付款后点「发送付款截图」，或直接把截图发到这里，由支部确认。
dues-pay-request-again = 这是你刚才的缴费单 { $reference }，仍然有效，没有重复生成。
dues-pay-request-replaced = 之前的缴费单 { $old } 已作废，请以新的缴费单 { $reference } 为准（付款备注写 { $reference }）。
dues-pay-cancel = 取消缴费单
dues-pay-expired = 这张缴费单已处理或已取消。发送 /pay 重新缴费。
dues-pay-cancelled = 缴费单 { $reference } 已取消。
dues-proof-waiting = 请发送付款截图（图片）；不缴了可以点「取消缴费单」。
dues-proof-ask = 请发送缴费单 { $reference }（合计 { $amount } 元）的付款截图。
dues-proof-received = 已收到缴费单 { $reference } 的付款截图，已转给 { $reviewers } 确认，确认后会通知你。
dues-proof-received-above = 已收到缴费单 { $reference } 的付款截图。{ $unbound ->
    [none] 你的团支部还没有人在团助负责团费
   *[other] 你所在团支部的 { $unbound } 还没有开始使用团助
}，截图已转给上级 { $org } 的 { $reviewers } 确认，确认后会通知你。
dues-proof-no-reviewer = 已收到缴费单 { $reference } 的付款截图并已保存。{ $unbound ->
    [none] 你的团支部和上级组织暂时都没有人在团助负责团费
   *[other] 你所在团支部的 { $unbound } 还没有开始使用团助，上级组织也暂时没有人在团助负责团费
}，所以暂时没有人收到通知；他们开始使用团助后，在「待确认缴费」里就能看到并确认。着急的话请直接联系{ $contact }。

dues-proof-review = { $name }（{ $code }）提交了团费付款截图：缴费单 { $reference }，{ $months } 个月，合计 { $amount } 元。请核对到账后确认或驳回。
dues-review-confirm = 确认到账
dues-review-reject = 驳回
dues-settled-member = 你的团费缴费单 { $reference } 已确认到账：{ $months } 个月，共 { $amount } 元。{ $through ->
    [0] {""}
   *[other] 已缴至 { DATETIME($through, year: "numeric", month: "long") }。
}
dues-rejected-member = 你的团费缴费单 { $reference } 未被确认，原因：{ $reason ->
    [missing] 没有查到这笔款项
    [amount] 金额与缴费单不符
    [unclear] 截图看不清
   *[other] { $text }
}。如有疑问请联系支部；发送 /pay 可重新缴费。
dues-review-not-found = 没有找到这笔缴费。
dues-review-not-allowed = 只有该团员所在团支部的团费管理员（组织委员）、团支书或上级团委工作人员可以确认这笔缴费。
dues-review-own = 不能确认或驳回自己的缴费，请由支部其他负责人处理。
dues-review-already = 缴费单 { $reference } 已经处理过了（{ $status ->
    [CONFIRMED] 已确认
    [REJECTED] 已驳回
   *[other] 已取消
}{ $known ->
    [no] {""}
   *[other] ，{ $by }
}）。
dues-review-confirmed = 已确认 { $name } 的缴费单 { $reference }：{ $months } 个月，共 { $amount } 元，已缴至 { $through }。已通知本人。
dues-review-rejected = 已驳回 { $name } 的缴费单 { $reference }，已通知本人。
dues-review-ask-reason = 驳回 { $name } 的缴费单 { $reference }：请选择原因，或直接输入原因。
dues-reason = { $reason ->
    [missing] 未查到到账
    [amount] 金额不符
   *[unclear] 截图看不清
}
dues-review-reason-text = 请输入驳回原因（文字）。
dues-review-reason-long = 原因请写在 { $max } 字以内。
