// Strangers add the bot's WeChat account; WECHAT_FRIEND_ACCEPT decides who gets in and is welcomed.
import { describe, expect, it } from "vitest";
import { createTestApp } from "../../helpers/test-app.ts";
import { startWechat } from "./start-wechat.ts";

const app = await createTestApp({ WECHAT_SEND_INTERVAL_MS: "500" });

describe("WeChat friend requests", () => {
  it("keyword mode: accepts a greeting with the keyword and welcomes the new friend, leaves others waiting", async () => {
    const { fake, channel } = await startWechat(app, {
      WECHAT_FRIEND_ACCEPT: "keyword",
      WECHAT_FRIEND_KEYWORD: "团助",
    });

    const stranger = await fake.friendRequest("你好，我是卖保险的");
    await channel.settled();
    expect(fake.puppet.accepted).toEqual([]);
    expect(fake.sentTo(stranger.contact.id)).toEqual([]);

    const member = await fake.friendRequest("我是计科2022级1班的，加一下团助");
    const [welcome] = await fake.waitForSent(member.contact.id, 1);
    expect(fake.puppet.accepted).toEqual([member.friendshipId]);
    expect(welcome!.text).toContain("你好！我是团助");
    expect(welcome!.text).toContain("1. 我的团籍");
  });

  it("all mode accepts any greeting, even an empty one", async () => {
    const { fake } = await startWechat(app, { WECHAT_FRIEND_ACCEPT: "all" });
    const request = await fake.friendRequest("");
    const [welcome] = await fake.waitForSent(request.contact.id, 1);
    expect(fake.puppet.accepted).toEqual([request.friendshipId]);
    expect(welcome!.text).toContain("你好！我是团助");
  });

  it("off mode accepts nobody, keyword or not", async () => {
    const { fake, channel } = await startWechat(app, { WECHAT_FRIEND_ACCEPT: "off" });
    const request = await fake.friendRequest("团助");
    await channel.settled();
    expect(fake.puppet.accepted).toEqual([]);
    expect(fake.sentTo(request.contact.id)).toEqual([]);
  });
});
