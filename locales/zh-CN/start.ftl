start-welcome =
    你好！我是团助，帮你办理共青团日常事务的小助手。
    我可以帮你查询团籍和团费、办理组织关系转接、报名活动。
    第一次使用请先绑定你的团员身份：发送「绑定」或 /bind。
start-welcome-back = { $name }，欢迎回来！想办点什么？
start-help-text =
    我能帮你：
    · 我的团籍 —— /me，电子团员证 —— /card
    · 团费 —— /dues，交团费 —— /pay
    · 组织关系转接 —— /transfer
    · 最近的活动 —— /activities，活动签到 —— /checkin
    · 我的志愿时长 —— /hours
    · 申请入团、查看入团进度 —— /join
    · 绑定身份 —— /bind，解除绑定 —— /unbind
    · 切换语言 —— /lang
    直接用一句话问我也可以，例如「查一下我的团籍」。
start-help-leaders =
    团干部还可以：
    · 待我审批的转接 —— /pending，办理转出/转入 —— /transfer
    · 发通知 —— /notice
    · 发起活动 —— /newactivity，我组织的活动 —— /myactivities
    · 登记志愿时长 —— /addhours，导出志愿时长表 —— /hours export
    · 支部团费收缴 —— /duesbranch，催交团费 —— /duesnudge，登记现金团费 —— /duescash，下级收缴率 —— /duesorgs
    · 转接统计（每周排行）—— /report
    · 毕业生转接 —— /graduation、/graduates
    · 入团申请人（逐步办理、入团邀请码）—— /applicants
start-lang-choose = 请选择语言 / Choose your language:
start-lang-zh = 中文
start-lang-en = English
start-lang-set = 好的，之后我会用中文回复你。
# What people call this catalogue's own language, after /lang or in a sentence (comma-separated).
start-lang-names = zh, zh-cn, cn, 中文, 汉语, 简体中文, 普通话, chinese, mandarin
start-cancel-done = 已取消。
start-cancel-nothing = 当前没有进行中的操作。
start-unknown-text = 抱歉，我没听懂。你可以点下面的按钮，或发送 /help 查看全部功能。
start-menu-status = 我的团籍
start-menu-dues = 团费
start-menu-transfer = 组织关系转接
start-menu-activities = 活动
start-menu-bind = 绑定身份
start-menu-language = 语言 / Language
start-menu-pending = 待审批
start-menu-dues-review = 待确认缴费
start-menu-notice = 发通知
start-menu-report = 报表
start-menu-unread = 谁没读
start-menu-dues-orgs = 下级收缴率

# The Official Account's custom menu (npm run wechat:menu): menu names at most 4 Chinese characters.
start-oa-menu-mine = 我的
start-oa-menu-services = 办事
start-oa-menu-more = 更多
start-oa-menu-pay = 交团费
start-oa-menu-help = 帮助
