// How people ask for activities in their own words.
import { describe, expect, it } from "vitest";
import { createIntentClassifier } from "../../../bot/core/nlu/classifier.ts";

const classifier = createIntentClassifier();
const cases: Record<string, string[]> = {
  "activity.list": [
    "最近有什么活动",
    "有啥志愿活动可以报名",
    "what events are coming up",
    "i wanna sign up for sth",
    "wanna join some event",
  ],
  "activity.create": ["发起活动", "我想创建活动", "create an activity"],
  "activity.manage": ["管理活动", "看看报名情况", "我发起的活动", "签到码", "show attendance"],
  "activity.checkin": ["签到 123456", "我要签到", "check in 123456"],
};

describe("activity phrasings", () => {
  for (const [intent, phrases] of Object.entries(cases)) {
    it(`map to ${intent}`, async () => {
      for (const phrase of phrases) expect((await classifier.classify(phrase)).intent, phrase).toBe(intent);
    });
  }
});
