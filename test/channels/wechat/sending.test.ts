// What the bot sends on its own (reminders, notices) and how the account is kept from bursting.
import { describe, expect, it } from "vitest";
import { SendError } from "../../../bot/core/types.ts";
import { createTestApp } from "../../helpers/test-app.ts";
import { startWechat } from "./start-wechat.ts";

const INTERVAL = 500;
const app = await createTestApp({ WECHAT_SEND_INTERVAL_MS: String(INTERVAL) });
const { fake, channel } = await startWechat(app);
const gaps = (times: number[]) => times.slice(1).map((t, i) => t - times[i]!);
const PNG = Buffer.from("89504e470d0a1a0a0000000d49484452", "hex");

describe("WeChat proactive sending", () => {
  it("sends a reminder with choices to a contact, the chart image before its text", async () => {
    const lihua = fake.person("李华");
    await channel.sender.send(lihua.id, {
      text: "本月团费还没交",
      image: PNG,
      buttons: [[{ label: "查看团费", payload: "go:dues.status" }]],
      intent: "dues.reminder",
    });
    const [image, text] = fake.sentTo(lihua.id);
    expect(image!.image).toEqual(PNG);
    expect(text!.text).toBe("本月团费还没交\n\n1. 查看团费");
  });

  it("sends a notice to a room by its id", async () => {
    const group = fake.room("团支部群", [fake.person("周杰")]);
    await channel.sender.send(group.id, { text: "周五团日活动", intent: "notice" });
    expect(fake.sentTo(group.id).map((m) => m.text)).toEqual(["周五团日活动"]);
  });

  it("fails permanently for a contact the account does not know", async () => {
    const failure = await channel.sender.send("wxid_nobody", { text: "你好", intent: "test" }).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(SendError);
    expect((failure as SendError).failure.kind).toBe("permanent");
  });

  it("keeps every gap at least WECHAT_SEND_INTERVAL_MS, and answers a person before the queued bulk", async () => {
    const classmates = ["甲", "乙", "丙", "丁", "戊"].map((n) => fake.person(`同学${n}`));
    const asker = fake.person("提问的人");
    const start = fake.sent.length;
    const bulk = classmates.map((c) => channel.sender.send(c.id, { text: "团课通知", intent: "notice" }));
    await fake.userSays(asker, "/help");
    await Promise.all(bulk);
    await channel.settled();

    const burst = fake.sent.slice(start);
    expect(burst).toHaveLength(6);
    for (const gap of gaps(burst.map((m) => m.at))) expect(gap).toBeGreaterThanOrEqual(INTERVAL);
    // Asked after all five notices were queued, answered before the last of them.
    const answeredAt = burst.findIndex((m) => m.to === asker.id);
    expect(answeredAt).toBeGreaterThanOrEqual(0);
    expect(answeredAt).toBeLessThan(5);
  });
});
