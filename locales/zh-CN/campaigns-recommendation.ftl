campaigns-recommendation-title = { $label } 推优入党
campaigns-recommendation-decision-passed = 推优通过
campaigns-recommendation-decision-failed = 推优未通过
campaigns-recommendation-open =
    🌟 推优入党（{ $label }）：{ $org } 开始推荐优秀团员作为入党积极分子人选，{ $closes } 截止。
    条件：年满 18 周岁、已完成本年度团籍注册、已向党组织递交入党申请书。支部将召开推优大会投票决定。
campaigns-recommendation-remind = ⏰ 提醒：推优入党（{ $label }）将于 { $closes } 截止，请告诉支部你是否申请：
campaigns-recommendation-choice-apply = 申请推优
campaigns-recommendation-choice-skip = 本次不申请
campaigns-recommendation-response = { $apply ->
    [yes] 申请推优
   *[no] 本次不申请
}
campaigns-recommendation-decided-passed = 🎉 推优入党（{ $label }）：你在 { $org } 的推优大会上获得通过，推荐名单已报上级团委。
campaigns-recommendation-decided-failed = 推优入党（{ $label }）：你在 { $org } 的推优大会上未获通过（赞成票未超过应到人数的一半，或到会人数不足）。可以继续努力，争取下次推荐。
campaigns-recommendation-hint-under-18 = 未满 18 周岁
campaigns-recommendation-hint-not-registered = 未完成本年度团籍注册
campaigns-recommendation-meeting-start =
    🗳 记录推优大会（{ $label }）· { $org }
    申请推优的团员：
    { $list }
    请发送候选人的序号或姓名（多人用空格或逗号分开）。候选人须年满 18 周岁，且已完成本年度团籍注册。发“取消”放弃。
campaigns-recommendation-meeting-nobody-applied = （还没有团员申请，也可以直接发送候选人姓名）
campaigns-recommendation-candidate-line = { $n }. { $name }{ $hints }
campaigns-recommendation-refused = ❌ 不能作为候选人：
    { $lines }
    请重新发送候选人（去掉以上团员），或发“取消”。
campaigns-recommendation-refused-line = { $name }：{ $reasons }
campaigns-recommendation-reason-under-18 = 未满 18 周岁（{ $date } 满 18 周岁）
campaigns-recommendation-reason-not-registered = 未完成 { $year } 年团籍注册
campaigns-recommendation-reason-not-member = 不是本支部的在册团员
campaigns-recommendation-unknown = 本支部没有 { $names }。请核对姓名或序号后重新发送。
campaigns-recommendation-ask-attendance = 候选人：{ $names }。请发送推优大会的应到和实到人数，例如：应到 20 实到 15。
campaigns-recommendation-attendance-unread = 没看懂人数。请按“应到 20 实到 15”的格式发送（两个整数，应到在前也可以：20 15）。
campaigns-recommendation-ask-votes = { $name } 的赞成票是多少？（应到 { $due } 人，实到 { $present } 人）
campaigns-recommendation-votes-unread = 没看懂票数，请发送一个整数，例如：12
campaigns-recommendation-problem = { $problem ->
    [present-over-due] 实到人数（{ $present }）不能多于应到人数（{ $due }）。
    [votes-over-present] { $name } 的赞成票（{ $votes }）不能多于实到人数（{ $present }）。
    [no-one-due] 应到人数不能为 0。
   *[other] 人数和票数须为整数。
} 请重新发送。
campaigns-recommendation-summary =
    请核对推优大会记录：应到 { $due } 人，实到 { $present } 人。
    { $lines }
    规则：到会人数和赞成票都须超过应到人数的一半（至少 { $need } 人）。{ $quorum ->
        [missed] 本次到会人数未超过应到人数的一半，所有候选人均不能通过。
       *[ok] {""}
    }
campaigns-recommendation-summary-line = { $name }：赞成 { $votes } 票 → { $passed ->
    [yes] 通过
   *[no] 未通过
}
campaigns-recommendation-button-confirm = 确认记录
campaigns-recommendation-button-cancel = 放弃
campaigns-recommendation-recorded = ✅ 已记录推优大会：通过 { $passed } 人，未通过 { $failed } 人。{ $told ->
    [0] 上级团委暂无人在团助上，请另行报送名单。
   *[other] 通过名单已报 { $committee }。
}
campaigns-recommendation-cancelled = 好的，推优大会没有记录，什么都没有更改。
campaigns-recommendation-expired = 这份记录已经处理过或已过期，没有重复记录。
campaigns-recommendation-passed-committee =
    📨 推优入党（{ $label }）：{ $branch } 召开推优大会（{ $day }，应到 { $due } 人，实到 { $present } 人），通过推荐：{ $names ->
        [none] 无
       *[other] { $names }
    }。
    发 /recommended 查看全部通过名单。
campaigns-recommendation-passed-list =
    🌟 推优入党（{ $label }）通过名单 · { $org }
    { $lines }
campaigns-recommendation-passed-list-line = { $branch }：{ $names ->
    [none] 无人通过
   *[other] { $names }
}（应到 { $due }，实到 { $present }）
campaigns-recommendation-passed-list-empty = 🌟 推优入党（{ $label }）：{ $org } 下暂无支部记录推优大会。
campaigns-recommendation-none-open = 目前没有进行中的推优入党。推优开始时你会收到通知，在通知里申请即可；团支书可以发 /recommend 记录推优大会。
campaigns-recommendation-not-leader = 只有团支书或上级团委工作人员可以记录推优大会。
campaigns-recommendation-closed = 这次推优入党已结束，不能再记录。
campaigns-recommendation-vet-no-meeting = 推优结果只能由推优大会的记录决定：请发 /recommend 记录推优大会（应到、实到和每位候选人的赞成票）。
campaigns-recommendation-pick-branch = 你负责多个支部的推优入党，先选一个支部：
