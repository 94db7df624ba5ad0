// The plain-language ways people ask for these things, typos and filler words included.
import { describe, expect, it } from "vitest";
import { createIntentClassifier } from "../../../bot/core/nlu/classifier.ts";
import { isSure } from "../../../bot/core/nlu/did-you-mean.ts";

const classifier = createIntentClassifier();
const cases: Record<string, string[]> = {
  "membership.status": [
    "我的团籍",
    "查一下我的信息",
    "帮我看下团藉",
    "我的团籍状态正常吗",
    "我快超龄了吗",
    "what's my status",
    "whats my staus",
    "show me my membership record",
  ],
  "dues.status": [
    "我欠多少团费",
    "我想问下我欠了多少团费啊",
    "团废交到哪个月了",
    "how much dues do I owe",
    "my membership fee",
  ],
  "transfer.status": [
    "我的转接到哪一步了",
    "组织关系转接进度怎么样了",
    "where is my transfer",
    "how far is my transfer",
    "transfer progress",
  ],
  "transfer.start": ["我毕业了要转组织关系", "我毕业了想转组织关系", "I want to transfer to another branch"],
  "activity.list": ["有什么活动", "最近有志愿活动吗", "any events this week"],
  "membership.branch": ["支部情况", "看看我们支部的情况", "花名册", "查看花名册", "branch", "show my branch roster"],
};

describe("plain-language phrasings", () => {
  for (const [intent, phrases] of Object.entries(cases)) {
    it(`map to ${intent}`, async () => {
      for (const phrase of phrases) expect((await classifier.classify(phrase)).intent, phrase).toBe(intent);
    });
  }

  it("ask about 申请转接 alone rather than guess, offering to start one", async () => {
    const c = await classifier.classify("申请转接");
    expect(isSure(c) ? c.intent : "asked").not.toBe("transfer.status");
    expect(c.ranked.slice(0, 3).map((r) => r.intent)).toContain("transfer.start");
  });

  it("do not claim unrelated sentences", async () => {
    for (const phrase of ["集团费用报销", "今天天气不错"]) {
      const c = await classifier.classify(phrase);
      expect(isSure(c) && ["membership.status", "dues.status", "membership.branch"].includes(c.intent), phrase).toBe(
        false,
      );
    }
  });
});
