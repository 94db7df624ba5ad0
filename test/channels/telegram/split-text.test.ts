// Long replies cut where a reader would pause, never inside a character.
import { describe, expect, it } from "vitest";
import { splitText } from "../../../bot/channels/split-text.ts";

describe("splitText", () => {
  it("leaves a text within the limit alone", () => {
    expect(splitText("你好", 10)).toEqual(["你好"]);
  });

  it("cuts at the last paragraph break that fits", () => {
    const text = "第一段第一行\n第一段第二行\n\n第二段";
    expect(splitText(text, 16)).toEqual(["第一段第一行\n第一段第二行", "第二段"]);
  });

  it("cuts at a line break when no paragraph break fits", () => {
    expect(splitText("一二三四五\n六七八九十\n十一", 12)).toEqual(["一二三四五\n六七八九十", "十一"]);
  });

  it("cuts Chinese prose after a full stop and English after a space", () => {
    expect(splitText("今天开团日活动。明天交团费。后天转接", 10)).toEqual(["今天开团日活动。", "明天交团费。后天转接"]);
    expect(splitText("one two three four", 10)).toEqual(["one two", "three four"]);
  });

  it("never separates the halves of a surrogate pair", () => {
    const text = `${"a".repeat(9)}😀${"b".repeat(5)}`;
    const parts = splitText(text, 10);
    expect(parts).toEqual(["a".repeat(9), `😀${"b".repeat(5)}`]);
    const loneSurrogate = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
    for (const part of parts) expect(part).not.toMatch(loneSurrogate);
  });

  it("keeps every part within the limit and loses no text", () => {
    const text = Array.from({ length: 300 }, (_, i) => `第${i}条：${"团".repeat(i % 37)}`).join("\n");
    const parts = splitText(text, 200);
    for (const part of parts) expect(part.length).toBeLessThanOrEqual(200);
    expect(parts.join("\n")).toBe(text);
  });
});
