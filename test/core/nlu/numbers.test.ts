// Numbers, money and month counts the way people type them in a chat.
import { describe, expect, it } from "vitest";
import { parseInteger, parseMoneyFen, parseMonthCount } from "../../../bot/core/nlu/numbers.ts";

describe("Chinese numerals", () => {
  it.each([
    ["三", 3],
    ["十", 10],
    ["十二", 12],
    ["二十", 20],
    ["两", 2],
    ["一百零五", 105],
    ["12", 12],
    ["１２", 12],
  ])("%s → %d", (text, n) => {
    expect(parseInteger(text)).toBe(n);
  });

  it("refuses what is not a whole number", () => {
    for (const bad of ["", "三点五", "abc", "-3", "3.5"]) expect(parseInteger(bad), bad).toBeNull();
  });
});

describe("month counts", () => {
  it.each([
    ["三个月", 3],
    ["交3个月", 3],
    ["我要交6个月", 6],
    ["预缴十二个月", 12],
    ["交三个月团费", 3],
    ["半年", 6],
    ["一年", 12],
    ["交一年的", 12],
    ["一年半", 18],
    ["3", 3],
    ["三", 3],
    ["3 months", 3],
    ["pay 3 months", 3],
    ["half a year", 6],
    ["a year", 12],
    ["交两个月的吧", 2],
    ["那就先交两个月吧", 2],
    ["就一年好了", 12],
    ["先交3个月就行", 3],
    ["2 months pls", 2],
    ["just 2 months please", 2],
    ["i'll pay for 3 months", 3],
  ])("%s → %d", (text, n) => {
    expect(parseMonthCount(text)).toBe(n);
  });

  it("refuses other sentences", () => {
    for (const bad of ["我的团籍", "3块", "下周三", "半", "abc"]) expect(parseMonthCount(bad), bad).toBeNull();
  });
});

describe("money", () => {
  it.each([
    ["8块", 800],
    ["8元", 800],
    ["8块钱", 800],
    ["八块五", 850],
    ["八块五毛", 850],
    ["五毛", 50],
    ["两块", 200],
    ["一块二毛三分", 123],
    ["2.5元", 250],
    ["¥3", 300],
    ["3 yuan", 300],
    ["多缴5元", 500],
    ["不用", 0],
    ["不加", 0],
    ["no", 0],
  ])("%s → %d fen", (text, fen) => {
    expect(parseMoneyFen(text)).toBe(fen);
  });

  it("refuses what is not an amount", () => {
    for (const bad of ["五", "8.123", "三个月", "abc", "八块十毛"]) expect(parseMoneyFen(bad), bad).toBeNull();
  });
});
