reports-not-allowed = 只有团委工作人员、团支书和管理员可以查看转接统计，且只能查看自己的组织及其下级组织。
reports-out-of-scope = 这个组织不在你的管辖范围内，不能查看它的转接统计。
reports-choose-org = 查看哪个组织的转接统计？
reports-none = { $org } 在 { $from } 至 { $to } 这一周没有转接记录。
reports-table =
    【转接周报】{ $org }，{ $from } 至 { $to }
    全辖：收到 { $received } 件，按时办理 { $within } 件，响应率 { $rate }；一半在 { $medianZh } 内办理，九成在 { $p90Zh } 内办理；超时 { $breaches } 件；被升级 { $escalations } 次。
    各下级组织（最差在前，图中序号相同）：
    序号. 组织 | 响应率 | 按时/收到 | 一半在…内 | 九成在…内 | 超时 | 被升级
    { $rowsZh }{ $more ->
        [0] {""}
       *[other] {"\u000A"}另有 { $more } 个组织有转接，未列出。
    }{ $quiet ->
        [0] {""}
       *[other] {"\u000A"}{ $quiet } 个下级组织本周没有转接。
    }{ $campaignsZh }
reports-duration-seconds = { $n } 秒
reports-duration-minutes = { $n } 分钟
reports-duration-hours = { $n } 小时
reports-campaigns-header = 第二部分：进行中的工作（完成率最低在前，图中同样）
reports-campaign-title = 【{ $title }】{ $closes } 截止，全辖已办结 { $done }/{ $total }（{ $percent }）
reports-campaign-row = { $n }. { $name }：{ $done }/{ $total }（{ $percent }）
reports-campaign-more = 另有 { $n } 个组织未列出。
