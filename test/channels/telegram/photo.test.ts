// A photo sent on Telegram, end to end: the bot downloads it (getFile, then the file URL) only when the notice
// dialog asks for a picture, stores it, and shows the preview as a photo with the text as its caption.
import { describe, expect, it } from "vitest";
import { MAX_IMAGE_BYTES } from "../../../bot/core/images.ts";
import { telegramUser } from "../../helpers/fake-telegram.ts";
import { createTestApp } from "../../helpers/test-app.ts";
import { startTelegram } from "./start-telegram.ts";

const app = await createTestApp({ CHAT_RATE_PER_MINUTE: "500" });
const { db } = app.deps;
const { fake } = await startTelegram(app);

const wang = telegramUser(830_001, "王芳");
const secretary = await db.member.findUniqueOrThrow({ where: { code: "201801000002" } });
await db.chatIdentity.create({
  data: {
    platform: "TELEGRAM",
    externalUserId: String(wang.id),
    chatId: String(wang.id),
    memberId: secretary.id,
    boundAt: new Date(),
  },
});
const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(3000, 9)]);

describe("a Telegram photo as a notice's picture", () => {
  it("is downloaded, stored, and shown back in the preview as a photo with the caption", async () => {
    fake.userSends("/notice", { from: wang });
    await fake.waitForMessages(wang.id, 1);
    fake.userSends("周五团日活动，海报见图。", { from: wang });
    const [, ask] = await fake.waitForMessages(wang.id, 2);
    expect(ask!.buttons.flat()).toEqual([{ text: "不用配图", callback_data: "notice-img:skip" }]);

    fake.userSendsPhoto({ from: wang, bytes: JPEG });
    const preview = (await fake.waitForMessages(wang.id, 3))[2]!;
    expect(preview.method).toBe("sendPhoto");
    expect(preview.caption).toMatch(/^通知预览（附图片一张）：\n周五团日活动，海报见图。/);
    expect(preview.photoBytes).toBe(JPEG.length);
    expect(preview.buttons.flat().map((b) => b.callback_data)).toEqual(["notice-send:yes", "notice-send:no"]);

    // The largest size is the one fetched.
    expect(fake.callsTo("getFile").map((c) => String(c.params.file_id))).toEqual([expect.stringMatching(/^large-/)]);
    expect(fake.callsTo("download")).toHaveLength(1);
    const media = await db.media.findFirstOrThrow({ orderBy: { id: "desc" } });
    expect(media).toMatchObject({ mime: "image/jpeg", size: JPEG.length });
    expect(Buffer.from(media.bytes)).toEqual(JPEG);
  });

  it("refuses a photo over 5 MB without storing it", async () => {
    const before = await db.media.count();
    const sent = fake.sent(wang.id).length;
    fake.userSends("/notice", { from: wang });
    fake.userSends("下周一交团费。", { from: wang });
    await fake.waitForMessages(wang.id, sent + 2);
    fake.userSendsPhoto({ from: wang, bytes: Buffer.concat([JPEG, Buffer.alloc(MAX_IMAGE_BYTES)]) });
    const [refusal, again] = (await fake.waitForMessages(wang.id, sent + 4)).slice(sent + 2);
    expect(refusal!.text).toBe("图片太大了（最多 5 MB），请压缩后再发。");
    expect(again!.text).toBe("发送一张图片作为配图，或点「不用配图」。");
    expect(await db.media.count()).toBe(before);
  });
});
