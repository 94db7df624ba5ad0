# 入团: the applicant's dialog and status, the leaders' /applicants and steps, the step machine's nudges.
joining-stage = { $stage ->
    [APPLIED] 递交入团申请
    [ACTIVIST] 入团积极分子
    [CANDIDATE] 发展对象
    [VOTED] 支部大会通过
    [APPROVED] 上级团委批准
    [ADMITTED] 入团（录入团员编号）
   *[CLOSED] 已结束
}
joining-step = { $step ->
    [MARK_ACTIVIST] 确定入团积极分子
    [MARK_CANDIDATE] 确定发展对象
    [RECORD_MEETING] 登记支部大会表决结果
    [APPROVE] 上级团委审批
   *[ENTER_CODE] 录入团员编号
}
joining-already-member = { $name }，你已经是共青团员了，无需申请入团。
joining-private-only = 入团申请涉及个人信息，请私聊我办理。
# Words that ask how joining works (matched inside what is written): the steps are shown, not the application started.
joining-guide-words = 流程, 条件, 要求, 多久, 多长时间, 怎么写, 步骤, 环节, 程序, 手续, 材料, 年龄, 多大, 几岁, 学时, 团课, 积极分子, 发展对象, 名额, 考试, 宣誓, 怎么入团, 怎么加入, 怎么成为, 如何入团, 怎样入团, 怎样才能, 怎么才能, 怎么申请, 要做什么, 要准备什么
joining-guide =
    入团的流程（团助陪你走完每一步，也提醒团支书及时办理）：
    1. 年满 { $minAge } 周岁、不满 { $maxAge } 周岁的青年，向所在团支部递交入团申请书；在团助里点「申请入团」，发送团支部的邀请码即可登记。
    2. 团支部考察后确定你为入团积极分子，培养考察一般不少于 { $months } 个月，其间参加团课，一般不少于 { $hours } 学时。
    3. 团支部确定你为发展对象。
    4. 团支部召开支部大会讨论表决。
    5. 上级团委审批。
    6. 批准后在智慧团建录入团员编号，参加入团仪式。
    入团申请书写明为什么要求入团、对共青团的认识、自己的情况和今后的打算，交给团支书；具体要求以团支部为准。
joining-ask-invite =
    申请入团，请先发送你所在团支部的「入团邀请码」（6 位字母数字，向团支书索取）。
    如果团支书已经登记了你，也可以直接发送「姓名 手机号」，例如：张三 13800138000。
    随时发送「取消」可以退出。
joining-invite-unknown = 没有找到这个邀请码对应的团支部，请核对后重新输入，或向团支书确认。
joining-invite-malformed = 请发送 6 位入团邀请码，或「姓名 手机号」（例如：张三 13800138000）。发送「取消」退出。
joining-no-code-words = 没有邀请码, 没邀请码, 我没有邀请码, 没有码, 没码, 不知道邀请码, 邀请码是什么, 什么邀请码, 哪里有邀请码, 去哪拿邀请码, 邀请码在哪, 邀请码在哪里, 怎么获得邀请码, 怎么拿邀请码, 怎么要邀请码, 没人给我邀请码, 不知道找谁, 找谁要邀请码, 邀请码找谁要, 我不知道团支书是谁
joining-no-code = 入团邀请码由你所在团支部的团支书在团助里生成。还不知道自己属于哪个团支部，可以问班主任、辅导员，或学校、单位的团组织（团委）。拿到邀请码后直接发给我；团支书也可以先在团助里登记你，之后发送「姓名 手机号」即可。发送「取消」退出。
joining-entry-unknown = 没有找到团支书登记的这条信息（姓名和手机号需一致），或它已被使用。请核对，或改用团支部的入团邀请码。
joining-entry-found = 找到了：{ $org } 的团支书登记了 { $name }。
joining-ask-name = 团支部：{ $org }。请发送你的姓名（与身份证一致）。
joining-name-malformed = 姓名只能包含文字（少数民族姓名可用「·」分隔），请重新输入。
joining-ask-phone = 请发送你的手机号（11 位）。
joining-phone-malformed = 这不像 11 位手机号，请重新输入，例如 13800138000。
joining-ask-id = 请发送你的 18 位身份证号码，用来核对入团年龄（满 14 周岁、不满 28 周岁）。团助只保存加密摘要和后 4 位，不保存号码本身。
joining-id-malformed = { $problem ->
    [checksum] 身份证号码的校验位不对，可能有一位输错了，请核对后重新输入。
    [birth] 身份证号码里的出生日期不存在，请核对后重新输入。
   *[format] 身份证号码应为 18 位（最后一位可能是 X），请重新输入。
}
joining-age-refused = { $problem ->
    [too-young] 按团章规定，入团需年满 14 周岁。你现在还不到 14 周岁，暂时不能申请；到时再来吧！
   *[too-old] 按团章规定，入团需不满 28 周岁。你已年满 28 周岁，不能申请入团。
}
joining-confirm =
    请确认入团申请：
    姓名：{ $name }
    团支部：{ $org }
    手机号：尾号 { $phone }
    身份证：尾号 { $id }（出生日期 { $birth }）
    确认无误请点「提交申请」（或回复「提交」）。
joining-button-submit = 提交申请
joining-button-cancel = 取消
joining-cancelled = 好的，入团申请没有提交。想申请时再发送 /join。
joining-expired = 这个操作已失效，或不在你的管辖范围内。
joining-submitted =
    ✅ 入团申请已提交给 { $org }。{ $told ->
        [none] 该团支部暂时没有人使用团助，申请会在团支书绑定后出现在 TA 的待办里；你也可以线下联系团支书。
       *[other] 已通知 { $told }。
    }
    接下来：团支部考察后确定你为入团积极分子。随时发送「我的入团申请到哪一步了」查看进度。
joining-button-status = 入团进度
joining-button-apply = 申请入团
joining-status-none = 你还没有提交入团申请。想申请入团请发送 /join。
joining-status-head = 📋 { $name } 的入团申请（{ $org }）
joining-status-line = { $mark ->
    [done] ✅
    [next] ▶️
    [later] ⚪
   *[other] ✖️
} { joining-stage }{ $date ->
    [none] {""}
   *[other] （{ $date }）
}
joining-status-waiting = 现在等待：{ joining-step }，由 { $org } 办理（自 { $since } 起，应于 { $due } 前）。
joining-status-training = 培养期至 { $ends }；团课已学 { $have }/{ $need } 学时。
joining-status-next = 下一步：{ $stage ->
    [APPLIED] 团支部确定你为入团积极分子，开始培养考察。
    [ACTIVIST] 培养期满、团课学时够了以后，团支部确定你为发展对象。
    [CANDIDATE] 团支部召开支部大会讨论表决。
    [VOTED] 上级团委审批。
    [APPROVED] 团支部录入 智慧团建 生成的团员编号，你就正式入团了。
    [ADMITTED] 你已经是团员了（编号 { $code }）。发送 /me 查看团籍，/dues 查看团费（从入团当月起缴）。
   *[CLOSED] 这份申请已结束，如有疑问请联系团支书。
}
joining-applicant-update = 📣 { $name }，你的入团申请有新进展：{ $stage ->
    [ADMITTED] 你已正式入团，团员编号 { $code }！欢迎加入中国共产主义青年团。发送 /me 查看团籍，团费从本月起缴。
   *[other] 已进入「{ joining-stage }」阶段。
}
joining-step-new = 📝 入团待办：{ $name }（{ $org }）——{ joining-step }。
joining-sla-nudge = ⏰ 入团待办提醒：{ $name } 的入团申请（{ joining-step }）在 { $org } 已等待 { $hours } 小时，请在 { $due } 前办理。
joining-sla-escalation = ⚠️ 入团超时督办：{ $name } 的入团申请（{ joining-step }）在 { $org } 超过办理时限（{ $due }）仍未办理。请 { $target } 督促办理，或直接办理。
joining-button-activist = 确定为积极分子
joining-button-candidate = 确定为发展对象
joining-button-meeting = 登记支部大会结果
joining-button-approve = 批准入团
joining-button-code = 录入团员编号
joining-button-hours = 登记团课学时
joining-button-activist-named = { $name }：确定为积极分子
joining-button-candidate-named = { $name }：确定为发展对象
joining-button-meeting-named = { $name }：登记支部大会结果
joining-button-approve-named = { $name }：批准入团
joining-button-code-named = { $name }：录入团员编号
joining-button-hours-named = { $name }：登记团课学时
joining-advanced = 已办理：{ $name } { $stage ->
    [ADMITTED] 正式入团，团员编号 { $code }，团费从本月起计。
   *[other] 进入「{ joining-stage }」阶段。
} 本人已收到通知，此操作已记录。
joining-handled = 这一步已经办理过了{ $by ->
    [none] {""}
   *[other] （{ $by } 办理）
}，没有重复操作。申请现在处于「{ joining-stage }」阶段。
joining-wrong-step = 这份申请现在不在这一步，请用 /applicants 查看它的下一步。
joining-training-not-over = 培养期还没结束（至 { $date }），暂时不能确定为发展对象。
joining-hours-short = 团课学时还不够：已学 { $have } 学时，需要 { $need } 学时。请先登记团课学时。
joining-ask-meeting = 请输入 { $name } 的支部大会表决结果：应到人数、实到人数、赞成票数，例如「应到 30 实到 25 赞成 20」。
joining-meeting-malformed = 请输入三个数字：应到人数、实到人数、赞成票数，例如「30 25 20」。发送「取消」退出。
joining-meeting-invalid = { $problem ->
    [present-over-due] 实到人数不能多于应到人数，请重新输入。
    [votes-over-present] 赞成票数不能多于实到人数，请重新输入。
    [no-one-due] 应到人数不能为 0，请重新输入。
   *[not-whole] 人数应为整数，请重新输入。
}
joining-meeting-failed = 表决未通过：应到 { $due } 人，实到 { $present } 人，赞成 { $votes } 票。需要实到人数和赞成票都超过应到人数的一半。结果已记录；该发展对象可在下次支部大会再表决。
joining-ask-code = 请输入 智慧团建 为 { $name } 生成的 12 位团员编号（前 4 位是入团年份）。
joining-code-format = 团员编号应为 12 位数字，请重新输入。发送「取消」退出。
joining-code-year = 团员编号前 4 位应为入团年份 { $year }，请核对 智慧团建 中的编号后重新输入。
joining-code-taken = 这个团员编号已属于另一名团员，请核对后重新输入。
joining-ask-hours = 请输入这次登记的团课学时（整数，1–40），例如「4」或「四个小时」。
joining-hours-malformed = 请输入 1 到 40 之间的整数学时，例如「4」。
joining-hours-recorded = 已为 { $name } 登记团课学时，累计 { $have }/{ $need } 学时。此操作已记录。
joining-leaders-only = 只有团支书、团委工作人员可以查看入团申请人。
joining-list-empty = 你管辖范围内目前没有在办的入团申请。用「/applicants invite」取得团支部的入团邀请码发给申请人。
joining-list-head = 📋 在办的入团申请（{ $count } 人）：
joining-list-stage = 【{ joining-stage }】
joining-list-line = { $n }. { $name }（{ $org }）{ $step ->
    [none] {""}
   *[other] —— 待{ joining-step }{ $mine ->
        [yes] ，请于 { $due } 前办理
       *[no] ，由 { $holder } 办理
    }
}{ $step ->
    [MARK_CANDIDATE] ；团课 { $have }/{ $need } 学时，培养期至 { $ends }
   *[other] {""}
}
joining-invite = { $org } 的入团邀请码：{ $code }。把它发给申请人，TA 私聊团助发送 /join 后输入即可。
joining-invite-which = 请指明团支部：/applicants invite <团支部编码或名称>（团支书可直接 /applicants invite）。
joining-add-usage = 登记申请人：/applicants add <姓名> <手机号>，例如 /applicants add 张三 13800138000。
joining-add-branch-only = 只有团支书可以为本团支部登记申请人（团委请用管理接口）。
joining-add-exists = 这个姓名和手机号已经登记过了。
joining-added = 已登记 { $name }（手机尾号 { $phone }）。TA 私聊团助发送 /join，再发送「姓名 手机号」即可提交入团申请。
