import { describe, expect, it } from "vitest";
import { checkText, MAX_TEXT_LENGTH, parseCommand, parsePayload } from "../../bot/core/input.ts";

describe("checkText", () => {
  it("keeps ordinary text, folding white space", () => {
    expect(checkText("  查一下  我的\n团籍 ")).toEqual({ text: "查一下 我的 团籍" });
  });
  it.each([
    ["", "empty"],
    ["   \n\t ", "empty"],
    ["\u0000\u0001\u0002\u0003", "binary"],
    ["\ufffd\ufffd\ufffdab", "binary"],
    ["x".repeat(MAX_TEXT_LENGTH + 1), "too-long"],
    ["长".repeat(100 * 1024), "too-long"],
  ])("refuses %j as %s", (raw, problem) => {
    expect(checkText(raw)).toEqual({ problem });
  });
  it("lets emoji, SQL-looking and script-looking text through as plain text", () => {
    expect(checkText("😀😀")).toEqual({ text: "😀😀" });
    expect(checkText("'; DROP TABLE members; --")).toEqual({ text: "'; DROP TABLE members; --" });
    expect(checkText("<script>alert(1)</script>")).toEqual({ text: "<script>alert(1)</script>" });
  });
});

describe("parseCommand", () => {
  it("reads the name, the bot suffix and the argument", () => {
    expect(parseCommand("/me")).toEqual({ name: "me", arg: "" });
    expect(parseCommand("/Code@TuanzhuBot 201901000001")).toEqual({ name: "code", arg: "201901000001" });
    expect(parseCommand("/ me")).toBeUndefined();
    expect(parseCommand("hello")).toBeUndefined();
  });
});

describe("parsePayload", () => {
  it("accepts payloads the bot makes and nothing else", () => {
    expect(parsePayload("lang:en")).toEqual({ action: "lang", arg: "en" });
    expect(parsePayload("go:membership.status")).toEqual({ action: "go", arg: "membership.status" });
    expect(parsePayload("x".repeat(65))).toBeUndefined();
    expect(parsePayload("lang:en; DROP TABLE")).toBeUndefined();
    expect(parsePayload("<script>")).toBeUndefined();
    expect(parsePayload("")).toBeUndefined();
  });
});
