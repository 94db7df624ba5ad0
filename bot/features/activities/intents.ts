import type { IntentWords } from "../../core/nlu/vocabulary.ts";

export const activityIntents: IntentWords[] = [
  {
    intent: "activity.list",
    zh: ["活动", "志愿", "志愿者", "团课", "报名", "有什么活动", "最近有什么活动", "主题团日", "我的报名"],
    en: ["activity", "activities", "event", "events", "volunteer", "volunteering", "sign up"],
  },
  {
    intent: "activity.create",
    zh: ["发起活动", "创建活动", "新建活动", "发布活动", "组织活动", "办活动"],
    en: ["new activity", "create activity", "create an activity", "organise an activity", "organize an activity"],
  },
  {
    intent: "activity.manage",
    zh: ["管理活动", "我发起的活动", "报名情况", "报名名单", "签到情况", "出勤", "签到码", "候补名单"],
    en: ["manage activities", "my activities", "attendance", "sign-ups", "waitlist", "check-in code"],
  },
  {
    intent: "activity.checkin",
    zh: ["签到", "活动签到", "我要签到"],
    en: ["check in", "checkin", "check-in"],
  },
];
