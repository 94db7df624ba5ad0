// /card on Telegram, end to end: the card goes out as a photo with its text as the caption.
import { describe, expect, it } from "vitest";
import { telegramUser } from "../../helpers/fake-telegram.ts";
import { createTestApp } from "../../helpers/test-app.ts";
import { startTelegram } from "./start-telegram.ts";

const app = await createTestApp();
const { db } = app.deps;
const { fake } = await startTelegram(app);

const li = telegramUser(830_101, "李明");
const member = await db.member.findUniqueOrThrow({ where: { code: "201901000001" } });
await db.chatIdentity.create({
  data: {
    platform: "TELEGRAM",
    externalUserId: String(li.id),
    chatId: String(li.id),
    memberId: member.id,
    boundAt: app.clock.now,
  },
});

describe("/card on Telegram", () => {
  it("sends the card as a photo, and a second /card a new one", async () => {
    fake.userSends("/card", { from: li });
    const [first] = await fake.waitForMessages(li.id, 1);
    expect(first!.method).toBe("sendPhoto");
    expect(first!.caption).toMatch(/^这是你的电子团员证，有效期至2026年12月18日。/);
    expect(first!.photoBytes).toBeGreaterThan(10_000);
    const hash = (await db.memberCard.findUniqueOrThrow({ where: { memberId: member.id } })).tokenHash;

    fake.userSends("我的团员证", { from: li });
    const [, second] = await fake.waitForMessages(li.id, 2);
    expect(second!.method).toBe("sendPhoto");
    expect((await db.memberCard.findUniqueOrThrow({ where: { memberId: member.id } })).tokenHash).not.toBe(hash);
  });
});
