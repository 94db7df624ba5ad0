# Replies the core gives before any feature runs.
core-input-empty = 我没有收到文字内容。发送 /help 看看我能做什么。
core-input-too-long = 消息太长了（最多 2000 字）。请分几条发送，或只发关键信息。
core-input-binary = 这条消息我读不懂，请发送文字。
core-input-slow-down = 消息发得太快了，请稍等一分钟再试。
core-input-stale-button = 这个按钮已失效，请重新发起操作。发送 /help 查看可用功能。
core-dialog-kept = 刚才没办完的还在：接着回答之前的问题就能继续，发送「取消」则放弃。
core-busy = 系统繁忙，请稍后再试。
core-input-bad-argument = 这个命令后面不能跟「{ $arg }」。发送 /help 查看用法。
core-error-generic = 抱歉，处理时出了点问题，请稍后再试。如果一直这样，请联系你的团支书。
core-console-banner =
    团助 · 控制台（当前身份：{ $name }）
    输入消息后回车；数字选择选项；Ctrl-D 退出。试试 /start 或「查一下我的团籍」。
core-console-usage =
    用法：npm run console [-- --as <发展团员编号>|none] [--jsonl]
      --as <编号>   以这位团员的身份聊天（默认 CONSOLE_AS）；none 为还没绑定的新用户
      --jsonl       每行读一条消息（文字或 JSON，见 README），每条回复写一行 JSON
core-cli-bad-arguments = 命令行参数有误：{ $reason }
core-private-only = 这涉及个人信息，请私聊我办理。
core-image-too-large = 图片太大了（最多 5 MB），请压缩后再发。
core-image-wrong-type = 只能接收 PNG 或 JPEG 格式的图片，请换一张。
core-image-unreadable = 这张图片没能接收成功，请再发一次。
core-image-attached = [图片]
core-boot-created = 已创建数据库 { $name }。
core-boot-migrating = 正在建表（执行数据库迁移），第一次需要几秒钟…
core-boot-migrated = 已执行 { $count } 个数据库迁移。
core-boot-seeding = 正在写入演示数据（组织、团员、团费记录）…
core-boot-seeded = 演示数据已写入：{ $orgs } 个组织，{ $members } 名团员。
core-boot-ready = 数据库已就绪。

core-file-not-on-this-app = 文件「{ $name }」无法在公众号里发送，请在 Telegram、个人微信或管理后台获取。
