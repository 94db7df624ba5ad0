// In a WeChat group the bot speaks only when spoken to: an @-mention.
import { describe, expect, it } from "vitest";
import { createTestApp } from "../../helpers/test-app.ts";
import { startWechat } from "./start-wechat.ts";

const app = await createTestApp({ WECHAT_SEND_INTERVAL_MS: "500" });
const { fake, channel } = await startWechat(app);

describe("WeChat rooms", () => {
  it("stays quiet when not mentioned and answers an @-mention, addressing the asker", async () => {
    const xiaoming = fake.person("小明");
    const xiaohong = fake.person("小红");
    const branch = fake.room("计科2022级1班团支部", [xiaoming, xiaohong]);

    await fake.roomMessage(branch, xiaoming, "/start");
    await fake.roomMessage(branch, xiaohong, "大家好，今晚开会");
    await channel.settled();
    expect(fake.sentTo(branch.id)).toEqual([]);

    await fake.roomMessage(branch, xiaoming, "/help", { mentionBot: true });
    const [answer] = await fake.waitForSent(branch.id, 1);
    expect(answer!.text).toMatch(/^@小明\u2005? ?我能帮你/);
    expect(answer!.text).toContain("1. 我的团籍");
    await channel.settled();
    expect(fake.sentTo(branch.id)).toHaveLength(1);
    expect(fake.sentTo(xiaoming.id)).toEqual([]);
  });
});
