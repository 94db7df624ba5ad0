// Asking about dues and asking to pay them are different requests.
import { describe, expect, it } from "vitest";
import { createIntentClassifier } from "../../../bot/core/nlu/classifier.ts";
import { isSure } from "../../../bot/core/nlu/did-you-mean.ts";

const classifier = createIntentClassifier();

describe("dues phrasings", () => {
  it.each([
    ["交团费", "dues.pay"],
    ["我要交团费", "dues.pay"],
    ["补缴团费", "dues.pay"],
    ["我想预缴团费", "dues.pay"],
    ["pay my dues", "dues.pay"],
    ["I want to pay dues", "dues.pay"],
    ["团费", "dues.status"],
    ["我欠多少团费", "dues.status"],
    ["我欠了多少钱", "dues.status"],
    ["团费交到哪个月了", "dues.status"],
    ["how much dues do I owe", "dues.status"],
    ["待确认缴费", "duesleaders.review"],
    ["有没有待确认的缴费", "duesleaders.review"],
    ["看看谁交了团费截图", "duesleaders.review"],
    ["payments to confirm", "duesleaders.review"],
    ["设置团费收款方式", "duesleaders.method"],
  ])("%s → %s", async (text, intent) => {
    expect((await classifier.classify(text)).intent).toBe(intent);
  });

  it("does not take 集团费用 (company expenses) for dues", async () => {
    expect(isSure(await classifier.classify("集团费用报销"))).toBe(false);
  });
});
