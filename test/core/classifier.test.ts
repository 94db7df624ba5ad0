// Plain words in Chinese and English → intents, with typos and extra words.
import { describe, expect, it } from "vitest";
import { createIntentClassifier } from "../../bot/core/nlu/classifier.ts";
import { isSure } from "../../bot/core/nlu/did-you-mean.ts";

const classifier = createIntentClassifier();

describe("intent classifier", () => {
  it.each([
    ["我的团籍", "membership.status"],
    ["查一下我的信息", "membership.status"],
    ["帮我看下团藉", "membership.status"],
    ["what's my status", "membership.status"],
    ["whats my staus please", "membership.status"],
    ["我欠多少团费", "dues.status"],
    ["我想问下我欠了多少团费啊", "dues.status"],
    ["how much dues do I owe", "dues.status"],
    ["我毕业了想转团关系", "transfer.start"],
    ["申请组织关系转接", "transfer.start"],
    ["I graduated and want to transfer", "transfer.start"],
    ["我的转接到哪一步了", "transfer.status"],
    ["where is my transfer", "transfer.status"],
    ["有没有人要转接啊", "transfer.pending"],
    ["我超龄了该怎么离团", "leaving.request"],
    ["最近有什么活动", "activity.list"],
    ["any volunteer events?", "activity.list"],
    ["绑定", "bind"],
    ["我要绑定身份", "bind"],
    ["切换英文", "language"],
    ["算了不办了", "cancel"],
    ["你能做什么", "help"],
  ])("%s → %s", async (text, intent) => {
    expect((await classifier.classify(text)).intent).toBe(intent);
  });

  it.each(["今天天气不错", "集团费用报销", "'; DROP TABLE members; --", "<script>alert(1)</script>", "😀😀", "asdfgh"])(
    "%s → nothing the bot would act on",
    async (text) => {
      expect(isSure(await classifier.classify(text))).toBe(false);
    },
  );
});
