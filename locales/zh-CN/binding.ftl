# Binding a chat to a member record (/bind, /code, /unbind).
binding-ask-member-code =
    我们来绑定你的团员身份，共三步。
    第 1 步：请发送你的发展团员编号（12 位数字，可在智慧团建或团员证上找到）。
    如果团支书给了你绑定码，请点「我有绑定码」。随时发送「取消」可退出。
binding-ask-name = 第 2 步：请发送你的姓名（与团员档案一致）。
binding-name-noted = 好的，{ $name }，姓名记下了，第 2 步不用再问。先请发送你的发展团员编号（12 位数字，可在智慧团建的「我的」→ 个人信息里或团员证上找到）；不知道编号的话，可以请团支书给你生成一次性绑定码，再点「我有绑定码」。
binding-ask-id-last4 = 第 3 步：请发送你身份证号码的最后 4 位（数字，最后一位可能是 X）。我们只用它核对身份，不会保存。
binding-ask-one-time-code = 请发送团支书给你的 8 位绑定码（例如 ABCD-EFGH）。
binding-member-code-malformed = 发展团员编号应为 12 位数字，例如 201901000001。请重新发送，或发送「取消」退出。
binding-name-malformed = 请只发送你的姓名（汉字或字母，最多 40 个字），不要包含表情、数字或符号。
binding-id-last4-malformed = 请发送身份证号码的最后 4 位：前三位是数字，最后一位是数字或 X，例如 1234 或 123X。
binding-code-malformed = 绑定码是 8 位字母和数字（例如 ABCD-EFGH），请检查后重新发送。
binding-private-only = 为保护你的个人信息，请在与我的私聊中绑定身份或生成绑定码，不要在群里发送。
binding-text-please = 请用文字回复。
binding-details-wrong =
    编号、姓名或身份证后 4 位与团员档案不符，未能绑定。
    { $left ->
        [1] 还可以再试 1 次，之后将暂停绑定 1 小时。
       *[other] 还可以再试 { $left } 次。
    }
    请重新发送你的发展团员编号，或发送「取消」退出。
binding-code-wrong =
    这个绑定码无效。请核对后{ $again ->
        [dialog] 重新发送
       *[command] 再次发送 /bind 绑定码
    }（还可以再试 { $left } 次）。
binding-code-used =
    这个绑定码已经使用过了，每个绑定码只能用一次。请向团支书索取新的绑定码（还可以再试 { $left } 次）。
binding-code-expired =
    这个绑定码已过期（有效期 7 天）。请向团支书索取新的绑定码（还可以再试 { $left } 次）。
binding-locked = 尝试次数过多，为保护团员信息，绑定已暂停。请在 { $minutes } 分钟后（{ $time } 之后）再试。如有疑问请联系你的团支书。
binding-bound = 绑定成功！{ $name }，你好。现在可以查询团籍、团费，办理组织关系转接了。发送 /help 查看全部功能。
binding-already-bound = 这个聊天账号已绑定为 { $name }。如需绑定其他身份，请先发送 /unbind 解除绑定。
binding-already-bound-other = 这个聊天账号已经绑定了团员身份。如需更换，请先发送 /unbind 解除绑定。
binding-required = 这项功能需要先绑定你的团员身份，这样我才知道你是谁。绑定只需要发展团员编号、姓名和身份证后 4 位。
binding-button-start = 开始绑定
binding-button-have-code = 我有绑定码
binding-issue-not-leader = 只有团支书、团委工作人员或管理员可以生成绑定码。
binding-issue-own = 不能为自己生成绑定码，未生成。要在另一个聊天应用里使用团助，请在那里发送 /bind，按提示核对你的身份信息。
binding-issue-ask-member-code = 要为哪位团员生成绑定码？请发送他的发展团员编号（12 位数字）。
binding-issue-out-of-scope = 在你负责的组织里找不到编号为 { $code } 的团员，未生成绑定码。
binding-issue-created =
    已为 { $name }（{ $member }）生成绑定码：{ $code }
    { $days } 天内有效，只能使用一次。请私下转交本人：在聊天中发送 /bind { $code } 即可绑定。
    这个绑定码只显示这一次。
binding-unbind-not-bound = 这个聊天账号没有绑定团员身份。
binding-unbind-confirm = 确定要解除 { $name } 与这个聊天账号的绑定吗？解除后需要重新绑定才能查询团籍和团费。
binding-button-unbind-yes = 解除绑定
binding-button-unbind-no = 保留绑定
binding-unbind-done = 已解除绑定。需要时发送 /bind 重新绑定。
binding-unbind-kept = 好的，绑定保持不变。
binding-lock-alert = 提醒：有人连续多次用团员 { $name }（{ $code }）的信息绑定失败，该团员的绑定已暂停 { $minutes } 分钟。如果不是本人在操作，请与团员核实。
binding-revoked = 你的团员身份已在同一平台的另一个账号上绑定，这个聊天账号已自动解除绑定。如果不是你本人操作，请立即联系团支书。
binding-issue-not-found = 没有找到这名团员，未生成绑定码。
