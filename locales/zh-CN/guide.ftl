# Small talk, help about the 编号, and league business the bot does not handle yet.
guide-thanks = 不客气！还有什么需要，直接发消息给我就好。
guide-code-where =
    发展团员编号是 12 位数字（2017 年以后入团的，前 4 位是入团年份）。可以在这些地方找到：
    · 智慧团建：登录后在「我的」→ 个人信息里
    · 团员证：扉页上的团员编号
    · 问你的团支书，支部的团员名册上有
    找到后点「绑定身份」，按提示发送即可。
guide-code-unknown =
    不知道编号也没关系：
    · 可以先登录智慧团建，在「我的」→ 个人信息里查看；
    · 或者请{ $contact }给你生成一个一次性绑定码，拿到后点「我有绑定码」发送给我，就不需要编号了。
guide-button-bind = 绑定身份
guide-button-have-code = 我有绑定码
