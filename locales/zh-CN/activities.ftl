## Members: the list, signing up, the waitlist

activities-none = 近期没有你可以报名的活动。有新活动发布时，团助会第一时间通知你。
activities-list =
    近期可报名的活动（按时间先后）：

    { $items }
activities-list-item =
    { $n }. 【{ $title }】{ $org }
       时间：{ $startsZh }
       地点：{ $place }
       名额：已报 { $confirmed }/{ $capacity }{ $waiting ->
        [0] {""}
       *[other] ，候补 { $waiting } 人
    }；报名截止 { $deadlineZh }{ $credit ->
        [yes] ；签到计志愿服务时长 { $hours } 小时
       *[no] {""}
    }
       { $mine ->
        [CONFIRMED] ✅ 你已报名
        [WAITLISTED] ⏳ 你在候补名单第 { $position } 位
        [closed] 报名已截止
       *[none] 可报名
    }
activities-button-join = 报名
activities-button-leave = 取消报名
activities-button-join-titled = 报名 { $n }.{ $title }
activities-button-leave-titled = 取消报名 { $n }.{ $title }
activities-button-create = 发起活动
activities-button-manage = 我管理的活动
activities-button-open = 查看活动
activities-button-bind = 绑定团员身份
activities-joined =
    报名成功！【{ $title }】
    时间：{ $startsZh }
    地点：{ $place }
    活动开始前 24 小时和 1 小时会提醒你。去不了的话请点「取消报名」，把名额让给候补的同学。
activities-waitlisted =
    【{ $title }】名额已满，你已进入候补名单，当前排第 { $position } 位。
    有人取消或名额增加时会按顺序递补，递补成功会马上通知你。
activities-already =
    { $status ->
        [CONFIRMED] 你已经报名了【{ $title }】（{ $startsZh }，{ $place }）。
       *[WAITLISTED] 你已经在【{ $title }】的候补名单上，当前排第 { $position } 位。
    }
activities-refused =
    { $reason ->
        [deadline] 【{ $title }】的报名已于 { $deadlineZh } 截止，无法再报名。
        [started] 【{ $title }】已经开始，无法再报名。
        [cancelled] 【{ $title }】已取消，无法报名。
        [inactive] 你的团籍状态不是「正常」，暂时无法报名活动。如有疑问请联系你的团支书。
       *[not-found] 没有找到这个活动，它可能已被取消。发送 /activities 查看可报名的活动。
    }
activities-left =
    { $was ->
        [CONFIRMED] 已取消【{ $title }】的报名，名额会让给候补的同学。
       *[WAITLISTED] 已退出【{ $title }】的候补名单。
    }
activities-not-signed-up = 你没有报名【{ $title }】，无需取消。
activities-leave-started = 【{ $title }】已经开始，不能再取消报名。

## Proactive messages (rendered at send time)

activities-published =
    【{ $org }活动】{ $title }
    时间：{ $startsZh }
    地点：{ $place }
    名额：{ $capacity } 人，报名截止 { $deadlineZh }{ $credit ->
        [yes] {"\u000A"}签到计志愿服务时长 { $hours } 小时
       *[no] {""}
    }
    想参加请点「报名」，额满后可进入候补。
activities-reminder-day =
    【活动提醒】明天的活动：{ $title }
    时间：{ $startsZh }
    地点：{ $place }
    去不了的话请取消报名，把名额让给候补的同学。
activities-reminder-hour =
    【活动提醒】1 小时后开始：{ $title }
    时间：{ $startsZh }
    地点：{ $place }
    到场后请向组织者获取签到码并发给我签到。
activities-cancelled-notice =
    【活动取消】很抱歉，{ $org }已取消活动【{ $title }】（原定 { $startsZh }，{ $place }）。
    你的报名或候补已一并取消，无需任何操作。
activities-promoted =
    【候补成功】有名额空出来了，你已从候补转为正式报名：{ $title }
    时间：{ $startsZh }
    地点：{ $place }
    去不了的话请点「取消报名」。
activities-changed =
    【活动变更】{ $title } 的时间或地点有变化，请以此为准：
    时间：{ $startsZh }
    地点：{ $place }
    去不了的话请取消报名。

## Organisers: creating

activities-not-organiser = 只有团委工作人员和团支书可以发起和管理活动，且只能在自己的组织及其下级组织范围内。
activities-choose-org = 以哪个组织的名义发起活动？
activities-ask-title = 请发送活动名称（{ $max } 字以内）。随时可以发送「取消」放弃。
activities-bad-title = 活动名称不能为空，也不能超过 { $max } 字，请重新发送。
activities-ask-when = 活动什么时候举行？请发送开始和结束时间，如「{ $example }」或「下周三晚上7点」（只写开始时间则按 2 小时计）。
activities-bad-when = 没看懂这个时间。请按「{ $example }」的格式发送。
activities-ask-place = 活动地点在哪里？
activities-ask-capacity = 活动限多少人参加？请发送人数（例如 30）。额满后报名的人会进入候补名单。
activities-ask-hours = 参加并签到的同学计多少志愿服务时长？点下面的按钮，或发送小时数（按半小时计，最多 24 小时，例如 2 或 1.5）；不计时长发送 0。
activities-hours-length = 按活动时长 { $hours } 小时
activities-hours-none = 不计时长
activities-ask-deadline = 报名什么时候截止？点下面的按钮，或发送截止时间，如「{ $example }」或「周五晚上8点」。
activities-deadline-start = 活动开始时截止
activities-deadline-day = 提前一天截止
activities-choose-audience =
    这个活动面向谁？默认是全部下级组织；也可以点选部分下级组织（已选 { $chosen } 个），然后点「选好了」。
activities-audience-done = 选好了
activities-preview =
    活动预览：
    【{ $title }】
    时间：{ $startsZh } 至 { $endsZh }
    地点：{ $place }
    名额：{ $capacity } 人，报名截止 { $deadlineZh }
    { $credit ->
        [yes] 志愿服务时长：签到后每人记 { $hours } 小时
       *[no] 志愿服务时长：不计
    }

    面向 { $total } 名团员，其中 { $reachable } 人已绑定、会收到通知；{ $unreachable } 人未绑定，暂时收不到。
    确认发布吗？
activities-publish = 确认发布
activities-discard = 放弃
activities-dropped = 已放弃，没有发布。
activities-created = 活动 #{ $id }【{ $title }】已发布，正在通知面向范围内已绑定的团员。开始前 24 小时和 1 小时会提醒已报名的人。
activities-draft-expired = 这份活动草稿已失效，请发送 /newactivity 重新开始。
activities-use-buttons = 请点击上面的按钮继续，或发送「取消」放弃。
activities-problem =
    { $problem ->
        [title] 活动名称不能为空，也不能太长。
        [place] 请写明活动地点（100 字以内）。
        [past] 开始时间已经过去了，请发送一个将来的时间。
        [end] 结束时间要晚于开始时间。
        [capacity] 人数请发送 1 到 10000 之间的整数，例如 30。
        [deadline] 报名截止时间要在现在之后、活动开始之前。
        [hours] 志愿服务时长请按半小时计，0 到 24 小时，例如 2 或 1.5；不计时长发送 0。
        [cancelled] 这个活动已经取消。
        [started] 活动已经开始或结束，不能再修改或取消。
        [below-confirmed] 已报名的人数超过了新的名额，不能这样减少名额。请先与已报名的同学沟通。
       *[not-found] 没有找到这个活动。
    }

## Organisers: managing

activities-not-found = 没有找到你可以管理的这个活动。
activities-manage-none = 你管理的范围内还没有活动。
activities-manage-list =
    你管理的活动：
    { $items }
activities-manage-item = { $n }. { $title }（{ $startsZh }）{ $status ->
        [CANCELLED] 已取消
       *[other] {""}
    }
activities-button-manage-titled = { $n }.{ $title }
activities-card =
    活动 #{ $id }【{ $title }】{ $status ->
        [CANCELLED] （已取消）
       *[other] {""}
    }
    时间：{ $startsZh } 至 { $endsZh }
    地点：{ $place }
    报名截止：{ $deadlineZh }
    志愿服务时长：{ $credit ->
        [yes] 签到后每人记 { $hours } 小时
       *[no] 不计
    }
    报名：{ $confirmed }/{ $capacity }，候补 { $waiting } 人
    签到：{ $attended } 人，缺席 { $noShows } 人
activities-button-roster = 报名名单
activities-button-csv = 导出签到表
activities-button-code = 签到码
activities-button-edit = 修改
activities-button-cancel = 取消活动
activities-roster =
    【{ $title }】报名 { $confirmed }/{ $capacity }，候补 { $waiting }，已签到 { $attended }，缺席 { $noShows }
    正式报名：
    { $confirmedList }
    候补名单：
    { $waitingList }
activities-roster-row = { $n }. { $name }（{ $org }）{ $state ->
        [attended] ✅ 已签到
        [no-show] ❌ 缺席
        [waitlisted] ⏳ 候补
       *[other] {""}
    }
activities-roster-more = ……另有 { $more } 人，完整名单请导出签到表。
activities-csv-columns = 序号,姓名,团员编号,所在组织,报名状态,报名时间,签到时间,出勤
activities-signup-status =
    { $status ->
        [CONFIRMED] 正式报名
        [WAITLISTED] 候补
       *[CANCELLED] 已取消
    }
activities-attendance =
    { $state ->
        [attended] 已签到
        [no-show] 缺席
        [pending] 未开始
        [waitlisted] 候补
       *[cancelled] 已取消
    }
activities-csv-caption = 【{ $title }】签到表：正式报名 { $confirmed } 人，已签到 { $attended } 人，缺席 { $noShows } 人。
activities-code =
    【{ $title }】的签到码：{ $code }
    有效时间：{ $opensZh } 至 { $closesZh }
    请让到场的同学把「签到 { $code }」发给团助{ $link ->
        [none] 。
       *[other] ，或用 Telegram 扫描二维码：{ $link }
    }
    再次获取签到码会让旧的作废。
activities-code-refused =
    { $problem ->
        [cancelled] 这个活动已取消，无需签到。
       *[closed] 签到时间已经结束，无法再生成签到码。
    }
activities-edit-what = 要修改【{ $title }】的哪一项？
activities-edit-field =
    { $field ->
        [title] 名称
        [when] 时间
        [place] 地点
        [capacity] 名额
        [hours] 志愿时长
       *[deadline] 报名截止时间
    }
activities-edit-ask =
    { $field ->
        [title] 当前名称：{ $title }。请发送新的名称。
        [when] 当前时间：{ $startsZh } 至 { $endsZh }。请按「2026-12-05 14:00-16:00」的格式发送新时间。
        [place] 当前地点：{ $place }。请发送新的地点。
        [capacity] 当前名额：{ $capacity } 人。请发送新的人数；增加名额会自动按顺序递补候补的同学。
        [hours] 当前志愿服务时长：{ $hours } 小时。请发送新的小时数（按半小时计，最多 24，不计发送 0）。
       *[deadline] 当前报名截止：{ $deadlineZh }。请按「2026-12-04 18:00」的格式发送新的截止时间。
    }
activities-edited =
    已修改【{ $title }】：{ $startsZh }，{ $place }，名额 { $capacity } 人，报名截止 { $deadlineZh }，志愿时长 { $hours } 小时。
    时间或地点有变化时，已报名和候补的同学会收到通知。
activities-edited-code-moved = 已发出的签到码仍然有效，签到时间随之改为 { $opensZh } 至 { $closesZh }。
activities-cancel-confirm = 确定取消【{ $title }】吗？已报名的 { $confirmed } 人和候补的 { $waiting } 人都会收到取消通知。
activities-cancel-yes = 确定取消活动
activities-cancel-no = 先不取消
activities-cancelled = 已取消【{ $title }】，正在通知已报名和候补的同学。

## Check-in

activities-checkin-ask = 请发送组织者给出的 6 位签到码。
activities-checkin-bind-first = 签到前请先绑定你的团员身份。
activities-checkin-wrong = 签到码不对。请核对后重新发送；组织者重新获取过签到码的话，旧的已经作废。
activities-checkin-done = 签到成功！【{ $title }】签到时间 { $atZh }。本次活动会记为你的组织生活。
activities-checkin-already = 你已于 { $atZh } 签到过【{ $title }】，无需重复签到。
activities-checkin-early = 【{ $title }】的签到还没开始，{ $opensZh } 起可以签到。
activities-checkin-refused =
    { $reason ->
        [closed] 【{ $title }】的签到时间已经结束，签到码已过期。如有疑问请联系组织者。
        [cancelled] 【{ $title }】已取消，无需签到。
        [waitlisted] 你还在【{ $title }】的候补名单上，没有正式名额，不能签到。
       *[not-signed-up] 你没有报名【{ $title }】，不能签到。如有疑问请联系组织者。
    }
activities-status-org-life = 最近一次组织生活（活动签到）：{ $date }
