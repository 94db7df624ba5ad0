leaving-age-notice-member =
    ⏳ 超龄离团提醒：{ $name }，你将于 { $date } 年满 28 周岁。按团章规定，年满 28 周岁、没有担任团内职务的团员应办理离团手续。
    届时由你的团支书（{ $contact ->
        [none] 暂无
       *[other] { $contact }
    }）确认离团，团费从离团当月之后停止计算；你会收到一份团龄纪念记录。如担任团干部，可保留团籍至卸任。现在无需操作。
leaving-age-notice-leader = ⏳ 超龄提醒：{ $org } 的团员 { $name }（{ $code }）将于 { $date } 年满 28 周岁。届时我会请你确认离团（不会自动办理）；已告知本人。
leaving-age-due-leader = 📋 超龄离团待确认：{ $org } 的团员 { $name }（{ $code }）已于 { $date } 年满 28 周岁，且未担任团内职务。请在 智慧团建 办理离团后点下方按钮确认；确认后团籍状态改为“已离团”，团费不再计算，本人会收到告别消息。
leaving-age-post-committee = ℹ️ 超龄团干部：{ $org } 的 { $name }（{ $code }）已于 { $date } 年满 28 周岁，因担任团内职务保留团籍。卸任后请安排办理离团。
leaving-button-confirm = 确认离团
leaving-confirmed = 已确认 { $name } 离团：团籍状态改为“已离团”，团费不再计算，已向本人发送告别消息。此操作已记录。
leaving-already = { $name } 已不是在册团员，无需再次确认。
leaving-not-due = { $name } 目前不满足超龄离团条件（未满 28 周岁或担任团内职务），没有做任何更改。
leaving-not-self = 不能确认自己的离团，请由上级组织办理。
leaving-not-found = 找不到这名团员，或不在你的管辖范围内。
leaving-farewell =
    🎓 { $name }，感谢你在共青团的 { $years } 年！
    入团：{ $joined }
    离团：{ $left }
    团龄：{ $years } 年
    所在组织：{ $orgs }
    你的团籍已转为“已离团”，团费已停止计算。祝你前程似锦，继续发光发热！
leaving-request-leader = 📨 离团申请：{ $org } 的团员 { $name }（{ $code }）提出离团/退团。TA 的原话：“{ $note }”。请与 TA 联系并按规定办理；团助不会自动更改团籍。
leaving-request-sent = 已把你的离团申请转告给 { $names }，TA 会与你联系。团助不会自动办理，在支部确认前你的团籍不变。
leaving-request-nobody = 你所在的组织暂时没有在团助上的团支书或团委工作人员，申请无法转达。请直接联系所在团组织。
leaving-request-not-active = 你的团籍状态已不是“正常”，无需申请离团。
leaving-request-ask = 离团/退团需要由团组织办理，团助不会自动处理。要把你的离团申请（连同你刚才的话）转告给你的团支书 { $names } 吗？
leaving-button-send = 转告团支书
leaving-button-cancel = 先不了
leaving-request-cancelled = 好的，没有转告任何人，你的团籍不变。
leaving-yes-words = 是, 是的, 好, 好的, 对, 确认, 确定, 发送, 转告, 转告吧, 告诉, 告诉吧, 告诉他, 告诉她, 告诉团支书, 转告团支书, 可以, 行, 嗯, 要, 需要, 麻烦了, 麻烦你了
leaving-no-words = 不, 不用, 不要, 否, 算了, 取消, 先不, 先不用, 先不要, 别, 别告诉, 不要告诉, 不用告诉, 别告诉他, 别告诉她, 再想想, 我再想想, 等等
leaving-why-markers = 为什么, 为啥, 干嘛, 干吗, 凭什么, 有必要吗
leaving-request-why = 团籍的变动只能由团组织按规定办理（在「智慧团建」系统里），团助不能替你办。转告团支书，是让TA知道你的想法、联系你并办理；在支部确认前你的团籍不变。要转告吗？
leaving-request-yes-or-no = 要把你的离团申请转告给团支书吗？点「转告团支书」或「先不了」，也可以直接回「好」或「不用」。
leaving-request-expired = 这个申请已处理或已过期。如需申请离团，请重新告诉我，例如“我要退团”。
