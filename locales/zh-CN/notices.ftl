notices-not-allowed = 只有团委工作人员和团支书可以发通知，且只能发给自己的组织及其下级组织。
notices-choose-org = 你要以哪个组织的名义发通知？
notices-ask-text = 请发送通知的内容（一条消息，最多 2000 字）。随时可以发送「取消」放弃。
notices-ask-image = 发送一张图片作为配图，或点「不用配图」。
notices-skip-image = 不用配图
notices-image-attached = （附图片一张）
notices-expired = 这份通知草稿已失效，请发送 /notice 重新开始。
notices-use-buttons = 请点击上面的按钮继续，或发送「取消」放弃这份通知。
notices-choose-audience =
    发给谁？默认是全部下级组织；也可以点选部分下级组织（已选 { $chosen } 个），然后点「选好了」。
notices-audience-done = 选好了
# Typed where an audience is chosen (notices, activities, 团籍注册 and other campaigns): the whole subtree.
notices-audience-all-words = 全部, 所有, 全体, 都要, 都发, 都选, 全选, 全部都要, 全部下级, 全部下级组织, 所有下级组织, 所有组织, 发给全部, 所有人, 全部人
notices-preview =
    通知预览{ $image }：
    { $text }

    收件人：{ $total } 名团员，其中 { $reachable } 人已绑定、能收到；{ $unreachable } 人未绑定，暂时收不到。
    确认发送吗？
notices-send = 确认发送
notices-cancel = 取消
notices-dropped = 已放弃这份通知，没有发送。
notices-sending = 通知 #{ $id } 正在发送。团员点「收到」后会计入已读，你可以随时查看进度。
notices-progress-button = 查看进度
notices-read-thanks = 已确认收到，谢谢！
notices-none = 没有找到你可以查看的通知。
notices-progress-row = { $name }：共 { $total } 人，已送达 { $delivered }，已读 { $read }，未读 { $unread }，未绑定 { $unreachable }{ $waiting ->
        [0] {""}
       *[other] ，等成员发消息后送达 { $waiting }
    }
notices-progress =
    通知 #{ $id }（{ $excerpt }）
    { $rows }
    合计：{ $total } 人，已读 { $read }，未读 { $unread }，未绑定 { $unreachable }。
notices-chase-button = 提醒这些未读的人
notices-chasing = 已开始提醒尚未确认的团员。
notices-chase-too-soon = 每份通知每天只能提醒一次，下次可在 { $next } 之后提醒。
notices-message =
    【{ $org }通知】
    { $text }
notices-reminder =
    【提醒·{ $org }通知】你还没有确认收到：
    { $text }
notices-got-it = 收到
notices-progress-unread = {"  "}未读：{ $names }
notices-progress-unreachable = {"  "}未绑定：{ $names }
