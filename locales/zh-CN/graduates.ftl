graduates-not-allowed = 只有团委工作人员和团支书可以设置毕业时间、查看毕业生转接进度，且只限自己的组织及其下级组织。
graduates-no-branches = 你的组织下面没有团支部。
graduates-choose-branch = 为哪个团支部设置毕业时间？
graduates-find-branch = 你的组织下团支部较多，请输入团支部名称的一部分（也可以输入拼音或首字母）。
graduates-no-branch-found = 在你的组织下没有找到这样的团支部，请换个说法再试，或发送「取消」。
graduates-not-your-branch = 这个团支部不在你的管理范围内，未做任何修改。
graduates-use-buttons = 请点击上面的按钮选择团支部，或发送「取消」。
graduates-no-date = 未设置
graduates-ask-date =
    { $branch } 的毕业时间（目前：{ $current }）。
    请输入毕业日期，例如 2027-06-30 或 2027年6月30日。
graduates-bad-date = 没看懂这个日期，未做任何修改。请按 2027-06-30 或 2027年6月30日 的格式输入（年份限今后五年内），或发送「取消」。
graduates-date-set = 已将 { $branch } 的毕业时间设为 { $date }。毕业季期间，还没办理组织关系转接的毕业生会收到提醒。
graduates-progress-none = { $year } 届毕业季：你的组织下还没有团支部设置毕业时间。发送 /graduation 设置。
graduates-progress =
    { $year } 届毕业生组织关系转接进度（发起截止 { $start }，办结截止 { $complete }）：
    { $lines }
graduates-progress-line = · { $branch }（{ $date } 毕业）：未发起 { $notStarted } 人，办理中 { $waiting } 人，已办结 { $done } 人
graduates-remind-start =
    毕业季提醒：你所在的 { $branch } 将于 { $graduation } 毕业，请在 { $deadline } 前发起组织关系转接（还剩 { $days } 天）。
graduates-remind-complete =
    毕业季提醒：你的组织关系转接需在 { $deadline } 前办结（还剩 { $days } 天）。还没发起的请尽快发起；已发起的可以查看进度、联系审批的组织。
graduates-start-transfer = 办理组织关系转接
graduates-transfer-status = 查看转接进度
graduates-progress-not-started = {"  "}未发起：{ $names }
