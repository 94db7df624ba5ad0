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
dues-view-how-to-pay = 缴纳方式：以现金或按支部通知的方式交给{ $contact }，登记后这里会更新。
