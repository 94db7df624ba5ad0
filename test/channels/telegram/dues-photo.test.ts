// A payment screenshot sent on Telegram after the pay dialog has gone (the member sent another command first): it
// still reaches its payment request, and the 团支书 gets it as a photo with Confirm / Reject. Before, the photo fell
// through to the menu and the request waited for ever.
import { describe, expect, it } from "vitest";
import { telegramUser } from "../../helpers/fake-telegram.ts";
import { createTestApp } from "../../helpers/test-app.ts";
import { startTelegram } from "./start-telegram.ts";

const app = await createTestApp({ CHAT_RATE_PER_MINUTE: "500" });
const { db } = app.deps;
const { fake } = await startTelegram(app);

async function bind(user: ReturnType<typeof telegramUser>, code: string) {
  const member = await db.member.findUniqueOrThrow({ where: { code } });
  await db.chatIdentity.create({
    data: {
      platform: "TELEGRAM",
      externalUserId: String(user.id),
      chatId: String(user.id),
      memberId: member.id,
      boundAt: app.clock.now,
    },
  });
  return member;
}

const li = telegramUser(840_001, "李明");
const liMember = await bind(li, "201901000001");
const wang = telegramUser(840_002, "王芳");
await bind(wang, "201801000002");
const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(2000, 5)]);

describe("a late payment screenshot on Telegram", () => {
  it("is taken as the waiting request's screenshot and sent to the 团支书 as a photo", async () => {
    fake.userSends("/pay", { from: li });
    const [choose] = await fake.waitForMessages(li.id, 1);
    fake.userPresses("dues-pay:1", choose!.message_id, { from: li });
    const [, extra] = await fake.waitForMessages(li.id, 2);
    fake.userPresses("dues-extra:1:0", extra!.message_id, { from: li });
    const [, , request] = await fake.waitForMessages(li.id, 3);
    const reference = /缴费单 (TF-[A-Z0-9]{6})：/.exec(request!.text!)![1]!;
    const payment = await db.duesPayment.findUniqueOrThrow({ where: { reference } });
    expect(request!.buttons.flat().map((b) => [b.text, b.callback_data])).toEqual([
      ["发送付款截图", `dues-proof:${payment.id}`],
      ["取消缴费单", `dues-cancel:${payment.id}`],
    ]);

    // Another command first: the pay dialog closes (a question in words would be answered while it waits). Then the
    // screenshot.
    fake.userSends("/me", { from: li });
    await fake.waitForMessages(li.id, 4);
    fake.userSendsPhoto({ from: li, bytes: JPEG });
    const received = (await fake.waitForMessages(li.id, 5))[4]!;
    expect(received.text).toContain(`已收到缴费单 ${reference} 的付款截图`);
    expect(received.text).toContain("王芳");
    const stored = await db.duesPayment.findUniqueOrThrow({ where: { id: payment.id }, include: { proofImage: true } });
    expect(Buffer.from(stored.proofImage!.bytes)).toEqual(JPEG);
    expect(stored.memberId).toBe(liMember.id);

    // 王芳 asks for 待确认缴费 and gets the screenshot as a photo with the two buttons; she confirms.
    fake.userSends("待确认缴费", { from: wang });
    const [title, item] = await fake.waitForMessages(wang.id, 2);
    expect(title!.text).toContain("待确认缴费：共 1 笔");
    expect(item!.method).toBe("sendPhoto");
    expect(item!.photoBytes).toBe(JPEG.length);
    fake.userPresses(`dues-ok:${payment.id}`, item!.message_id, { from: wang });
    const confirmed = (await fake.waitForMessages(wang.id, 3))[2]!;
    expect(confirmed.text).toContain(`已确认 李明 的缴费单 ${reference}`);
    expect((await db.duesPayment.findUniqueOrThrow({ where: { id: payment.id } })).status).toBe("CONFIRMED");
  });

  it("leaves a photo alone when no request waits", async () => {
    const sent = fake.sent(li.id).length;
    const before = await db.media.count();
    fake.userSendsPhoto({ from: li, bytes: Buffer.concat([JPEG, Buffer.from([1])]) });
    const reply = (await fake.waitForMessages(li.id, sent + 1))[sent]!;
    expect(reply.text).not.toContain("付款截图");
    expect(await db.media.count()).toBe(before);
  });
});
