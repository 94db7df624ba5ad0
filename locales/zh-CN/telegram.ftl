# Descriptions in Telegram's command menu (setMyCommands): at most 256 characters each.
telegram-command-start = 开始使用团助
telegram-command-help = 查看我能做什么
telegram-command-me = 我的团籍
telegram-command-card = 电子团员证
telegram-command-dues = 团费
telegram-command-transfer = 组织关系转接
telegram-command-activities = 最近的活动
telegram-command-bind = 绑定团员身份
telegram-command-unbind = 解除绑定
telegram-command-lang = 切换语言 / Language
telegram-command-cancel = 取消当前操作
telegram-command-pay = 交团费
telegram-command-checkin = 活动签到
telegram-command-hours = 我的志愿时长
telegram-command-pending = 待我审批的转接（团干部）
telegram-command-evaluate = 录入团员教育评议结果（团支书）
telegram-command-recommend = 记录推优入党大会（团支书）
