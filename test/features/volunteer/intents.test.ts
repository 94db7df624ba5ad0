// How people ask about volunteer hours in their own words — and that asking for activities still means activities.
import { describe, expect, it } from "vitest";
import { createIntentClassifier } from "../../../bot/core/nlu/classifier.ts";

const classifier = createIntentClassifier();
const cases: Record<string, string[]> = {
  "volunteer.mine": [
    "我的志愿时长",
    "我有多少志愿服务时长",
    "查一下志愿时长",
    "我今年有多少志愿时长",
    "volunteer hours",
    "how many hours do I have",
    "my service hours",
  ],
  "volunteer.add": [
    "补录志愿时长",
    "帮李明登记志愿时长",
    "给他加时长",
    "add volunteer hours",
    "log hours for a member",
  ],
  "volunteer.export": ["导出志愿时长表", "导出志愿时长", "志愿时长统计", "export hours", "hours csv"],
  "activity.list": ["有啥志愿活动可以报名", "最近有什么志愿者活动", "volunteering events"],
};

describe("volunteer-hours phrasings", () => {
  for (const [intent, phrases] of Object.entries(cases)) {
    it(`map to ${intent}`, async () => {
      for (const phrase of phrases) expect((await classifier.classify(phrase)).intent, phrase).toBe(intent);
    });
  }
});
