import type { IntentWords } from "../../core/nlu/vocabulary.ts";

export const activityIntents: IntentWords[] = [
  {
    intent: "activity.list",
    zh: ["活动", "志愿", "志愿者", "团课", "报名", "有什么活动", "主题团日"],
    en: ["activity", "activities", "event", "events", "volunteer", "volunteering", "sign up"],
  },
];
