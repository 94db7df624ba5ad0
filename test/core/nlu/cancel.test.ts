// The words that close an open dialog: whole cancel phrases, also with what people say around them, and nothing
// that merely begins or ends like one (a destination, a note, a bare "ok").
import { describe, expect, it } from "vitest";
import { isCancelPhrase } from "../../../bot/core/nlu/cancel.ts";

describe("cancel phrases", () => {
  it.each([
    "取消",
    "算了算了",
    "哎，算了",
    "那算了吧",
    "嗯 不弄了",
    "不办了谢谢",
    "那就取消吧，谢谢",
    "我不想弄了",
    "算了，不弄了",
    "不用了 取消",
    "nah forget it",
    "ok never mind",
    "oh nevermind",
    "nvm",
    "cancel pls",
    "No, stop.",
  ])("%s closes the dialog", (text) => {
    expect(isCancelPhrase(text)).toBe(true);
  });

  it.each([
    "ok",
    "okay",
    "嗯嗯",
    "那",
    "谢谢",
    "nothing",
    "noted",
    "那就这样",
    "中山大学计算机",
    "材料不全请补充",
    "算了，转到中山大学",
    "取消报名",
    "不了解",
    "停车场",
  ])("%s does not", (text) => {
    expect(isCancelPhrase(text)).toBe(false);
  });
});
