// Which reasons a member's words fit: the longest word found decides, a tie asks which.
import { describe, expect, it } from "vitest";
import { createI18n } from "../../../bot/core/i18n.ts";
import { reasonsIn } from "../../../bot/features/transfers/reason-words.ts";
import { REASONS } from "../../../bot/features/transfers/rules.ts";

const i18n = createI18n("zh-CN");
const fits = (text: string, locale: "zh-CN" | "en" = "zh-CN") =>
  reasonsIn(text, REASONS, (reason) => i18n.t(locale, "transfers-reason-words", { reason }).split(/[,，]/));

describe("transfer reasons in the member's own words", () => {
  it("takes the one reason the words say", () => {
    expect(fits("考上研究生了")).toEqual(["FURTHER_STUDY"]);
    expect(fits("明年去当兵")).toEqual(["MILITARY"]);
    expect(fits("单位没有团委")).toEqual(["EMPLOYED_WITHOUT_LEAGUE_ORG"]);
    expect(fits("单位有团委")).toEqual(["EMPLOYED_WITH_LEAGUE_ORG"]);
    expect(fits("还没找到工作")).toEqual(["UNEMPLOYED"]);
    expect(fits("quit my job last month", "en")).toEqual(["UNEMPLOYED"]);
    expect(fits("starting my Master's", "en")).toEqual(["FURTHER_STUDY"]);
  });

  it("gives every reason that fits as well as the best, and none for words that say none", () => {
    expect(fits("找到工作了")).toEqual(["EMPLOYED_WITH_LEAGUE_ORG", "EMPLOYED_WITHOUT_LEAGUE_ORG"]);
    expect(fits("要出国")).toEqual(["ABROAD_PUBLIC", "ABROAD_PRIVATE"]);
    expect(fits("嗯嗯")).toEqual([]);
    expect(fits("my brother said so", "en")).toEqual([]);
  });
});
