activities-not-open = 团助暂未开放活动报名，这里不会为你报名任何活动。近期的团日活动、志愿服务和团课，请留意{ $contact }的通知，或直接向其报名。
activities-button-me = 我的团籍
activities-button-help = 功能菜单
