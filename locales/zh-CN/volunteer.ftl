## Volunteer hours (志愿服务时长)

volunteer-status-line = 志愿服务时长：{ $year } 年 { $yearHours } 小时，累计 { $totalHours } 小时
volunteer-button-mine = 志愿时长
volunteer-button-export = 导出志愿时长表
volunteer-checkin-credited = 已记入志愿服务时长 { $hours } 小时（{ $year } 年共 { $yearHours } 小时，累计 { $totalHours } 小时）。
volunteer-mine-none = 你还没有志愿服务时长记录。参加标注了时长的活动并签到，时长会自动记入；线下的志愿服务请找团支书登记。
volunteer-mine-title = 你的志愿服务时长：{ $year } 年 { $yearHours } 小时，累计 { $totalHours } 小时。
volunteer-mine-line =
    · { $date } { $hours } 小时 —— { $source ->
        [activity] 活动【{ $title }】签到
       *[entry] { $by } 登记：{ $reason }
    }
volunteer-mine-more = ……更早的记录未列出，上面的合计已包括全部记录。

volunteer-not-leader = 只有团干部（团支书、组织委员、团委工作人员）可以导出志愿时长表。
volunteer-add-refused =
    { $problem ->
        [not-leader] 只有团支书和团委工作人员可以登记志愿时长。
        [own] 不能给自己登记志愿时长，请上级团组织的负责人登记。
        [not-active] 这名团员的团籍状态不是正常，不能登记志愿时长。
       *[not-found] 在你负责的组织里没有找到这个编号的团员。请核对 12 位团员编号。
    }
volunteer-add-ask-code =
    给谁登记志愿时长？请发送团员的 12 位编号。
    也可以一行写全：编号 时长 事由，例如「201901000001 2 社区敬老院服务」。
volunteer-add-ask-hours = 给 { $name }（{ $org }）登记多少小时？例如 2 或 1.5（按半小时计，最多 24 小时）。
volunteer-add-ask-reason = 为 { $name } 登记 { $hours } 小时。请写明服务内容（{ $max } 字以内），例如「社区敬老院服务」。
volunteer-add-bad =
    { $problem ->
        [code] 团员编号是 12 位数字，请重新发送；或一行写全：编号 时长 事由。
        [hours] 时长请按半小时计，0.5 到 24 小时，例如 2、1.5、「两个半小时」。
        [reason] 请写明服务内容（2 到 { $max } 字）。
       *[format] 请按「编号 时长 事由」发送，例如「201901000001 2 社区敬老院服务」。
    }
volunteer-add-preview =
    请确认：
    为 { $name }（{ $code }，{ $org }）登记志愿服务时长 { $hours } 小时
    事由：{ $reason }
    确认后会通知本人，并记入审计日志。
volunteer-add-yes = 确认登记
volunteer-add-no = 取消
volunteer-add-use-buttons = 请点「确认登记」或「取消」。
volunteer-add-expired = 这次登记已经处理过或已失效。需要登记请重新发送 /addhours。
volunteer-add-cancelled = 已取消，没有登记。
volunteer-add-saved = 已为 { $name } 登记 { $hours } 小时，并通知了本人。{ $name } { $year } 年共 { $yearHours } 小时，累计 { $totalHours } 小时。
volunteer-credited =
    { $by } 为你登记了志愿服务时长 { $hours } 小时。
    事由：{ $reason }
    你 { $year } 年共 { $yearHours } 小时，累计 { $totalHours } 小时。发送 /hours 查看明细。

volunteer-export-choose = 导出哪个组织的志愿时长表？
volunteer-export-not-found = 在你负责的范围内没有找到「{ $query }」。请发送组织代码或全称。
volunteer-export-empty = { $org } 没有在册团员，没有可导出的记录。
volunteer-csv-file = { $org }-志愿时长-{ $year }.csv
volunteer-csv-caption = { $org } 志愿服务时长表：{ $members } 人，{ $year } 年共 { $yearHours } 小时，累计 { $totalHours } 小时。
volunteer-csv-code = 编号
volunteer-csv-name = 姓名
volunteer-csv-year = { $year }年时长(小时)
volunteer-csv-total = 累计时长(小时)
