// Buttons become numbered choices; an image goes out before its text.
import { describe, expect, it } from "vitest";
import { acceptsFriendRequest } from "../../../bot/channels/wechat/friend-requests.ts";
import { outgoingParts, renderText } from "../../../bot/channels/wechat/render.ts";

describe("WeChat rendering", () => {
  it("appends every button, row by row, as a numbered line", () => {
    const text = renderText({
      text: "请选择：",
      buttons: [
        [
          { label: "我的团籍", payload: "go:membership.status" },
          { label: "团费", payload: "go:dues.status" },
        ],
        [{ label: "活动", payload: "go:activity.list" }],
      ],
      intent: "help",
    });
    expect(text).toBe("请选择：\n\n1. 我的团籍\n2. 团费\n3. 活动");
  });

  it("sends text without buttons as it is, and an image before its caption", () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47]);
    expect(outgoingParts({ text: "本周排行", image: png, intent: "report" })).toEqual([
      { kind: "image", png },
      { kind: "text", text: "本周排行" },
    ]);
    expect(outgoingParts({ text: "", image: png, intent: "report" })).toEqual([{ kind: "image", png }]);
  });
});

describe("which friend requests are accepted", () => {
  const keyword = (hello: string) =>
    acceptsFriendRequest({ WECHAT_FRIEND_ACCEPT: "keyword", WECHAT_FRIEND_KEYWORD: "Tuanzhu" }, hello);

  it("keyword mode: the greeting must hold the keyword, in any letter case", () => {
    expect(keyword("hi tuanzhu, I'm 李明")).toBe(true);
    expect(keyword("hi")).toBe(false);
    expect(acceptsFriendRequest({ WECHAT_FRIEND_ACCEPT: "keyword", WECHAT_FRIEND_KEYWORD: " " }, "anything")).toBe(
      false,
    );
  });

  it("all and off ignore the greeting", () => {
    expect(acceptsFriendRequest({ WECHAT_FRIEND_ACCEPT: "all", WECHAT_FRIEND_KEYWORD: "团助" }, "")).toBe(true);
    expect(acceptsFriendRequest({ WECHAT_FRIEND_ACCEPT: "off", WECHAT_FRIEND_KEYWORD: "团助" }, "团助")).toBe(false);
  });
});
