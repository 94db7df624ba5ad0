// A notice with a picture: the sender attaches it after the text, sees it in the preview, and every member
// gets it with the notice; bad pictures are refused and nothing is stored.
import { afterAll, describe, expect, it } from "vitest";
import { MAX_IMAGE_BYTES } from "../../../bot/core/images.ts";
import { type RunningWorkers, startWorkers } from "../../../workers/start-workers.ts";
import { chatAs } from "../../helpers/chat.ts";
import { TINY_PNG } from "../../helpers/fake-telegram.ts";
import { createTestApp } from "../../helpers/test-app.ts";
import { createFakeSender, until } from "../../workers/fake-sender.ts";

// No quiet hours, so the test runs at any time of day; one sender writes many messages here within a minute.
const app = await createTestApp({ QUIET_HOURS_START: "00:00", QUIET_HOURS_END: "00:00", CHAT_RATE_PER_MINUTE: "500" });
const { db } = app.deps;
const telegram = createFakeSender("telegram");
let workers: RunningWorkers | undefined;
afterAll(async () => {
  await workers?.close();
});

const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(200, 7)]);
const image = (bytes: Uint8Array, fileRef = "photo-1") => ({ image: { fileRef, fetch: async () => bytes } });

async function bindAs(code: string, userId: string) {
  const member = await db.member.findUniqueOrThrow({ where: { code } });
  await db.chatIdentity.create({
    data: { platform: "TELEGRAM", externalUserId: userId, chatId: userId, memberId: member.id, boundAt: new Date() },
  });
  return chatAs(app.core, userId, "telegram");
}

const secretary = await bindAs("201801000002", "tg-wang");
const liMing = await bindAs("201901000001", "tg-li");

describe("a notice with a picture", () => {
  it("asks for a picture after the text, shows it in the preview, and delivers it to every member", async () => {
    await secretary.say("/notice");
    const [ask] = await secretary.say("本周五下午三点团日活动，地点见海报。");
    expect(ask!.text).toBe("发送一张图片作为配图，或点「不用配图」。");
    expect(ask!.buttons).toEqual([[{ label: "不用配图", payload: "notice-img:skip" }]]);
    // Text where a picture was asked for: the same question again.
    expect((await secretary.say("海报在哪"))[0]!.text).toBe(ask!.text);

    // The branch has no child organisations: the picture leads straight to the preview, which carries it.
    const [preview] = await secretary.send(image(JPEG));
    expect(preview!.text).toMatch(/^通知预览（附图片一张）：\n本周五下午三点团日活动/);
    expect(Buffer.from(preview!.image!)).toEqual(JPEG);
    const media = await db.media.findFirstOrThrow({ orderBy: { id: "desc" } });
    expect(media).toMatchObject({ mime: "image/jpeg", size: JPEG.length });

    expect((await secretary.press("notice-send:yes"))[0]!.text).toMatch(/通知 #\d+ 正在发送/);
    const notice = await db.notice.findFirstOrThrow({ orderBy: { id: "desc" } });
    expect(notice.imageId).toBe(media.id);

    workers = await startWorkers(app.deps, new Map([["telegram", telegram]]));
    const [delivered] = await until(() => telegram.delivered("tg-li").length > 0 && telegram.delivered("tg-li"));
    expect(delivered!.reply.text).toContain("本周五下午三点团日活动");
    expect(Buffer.from(delivered!.reply.image!)).toEqual(JPEG);
    const rows = await db.outboxMessage.findMany({ where: { dedupeKey: { startsWith: `notice:${notice.id}:` } } });
    expect(rows.length).toBeGreaterThan(1);
    expect(rows.every((r) => r.imageId === media.id)).toBe(true);

    // The member's reminder carries the picture too.
    await until(
      async () => (await db.noticeDelivery.count({ where: { noticeId: notice.id, status: "QUEUED" } })) === 0,
    );
    await secretary.press(`notice-chase:${notice.id}`);
    const reminders = await until(() => telegram.delivered("tg-li").length > 1 && telegram.delivered("tg-li"));
    expect(reminders[1]!.reply.text).toContain("你还没有确认收到");
    expect(Buffer.from(reminders[1]!.reply.image!)).toEqual(JPEG);
    expect(liMing.ref.userId).toBe("tg-li");
  });

  it("stores the same picture once however often it is sent", async () => {
    const before = await db.media.count();
    for (let i = 0; i < 2; i++) {
      await secretary.say("/notice");
      await secretary.say("同一张海报。");
      await secretary.send(image(TINY_PNG, `png-${i}`));
      await secretary.say("/cancel");
    }
    expect(await db.media.count()).toBe(before + 1);
    const media = await db.media.findFirstOrThrow({ orderBy: { id: "desc" } });
    expect(media.mime).toBe("image/png");
  });

  it("refuses a picture over 5 MB or not PNG/JPEG, stores nothing, and can go on without one", async () => {
    const before = await db.media.count();
    await secretary.say("/notice");
    await secretary.say("下周一交团费。");

    const big = Buffer.concat([JPEG, Buffer.alloc(MAX_IMAGE_BYTES)]);
    const tooBig = await secretary.send(image(big));
    expect(tooBig.map((r) => r.text)).toEqual([
      "图片太大了（最多 5 MB），请压缩后再发。",
      "发送一张图片作为配图，或点「不用配图」。",
    ]);
    const gif = await secretary.send(image(Buffer.from("GIF89a-not-allowed")));
    expect(gif[0]!.text).toBe("只能接收 PNG 或 JPEG 格式的图片，请换一张。");
    const broken = await secretary.send({
      image: { fileRef: "gone", fetch: () => Promise.reject(new Error("download failed")) },
    });
    expect(broken[0]!.text).toBe("这张图片没能接收成功，请再发一次。");
    expect(await db.media.count()).toBe(before);

    // Said in words rather than tapped: no picture.
    const [preview] = await secretary.say("不要图片");
    expect(preview!.text).toMatch(/^通知预览：\n下周一交团费。/);
    expect(preview!.image).toBeUndefined();
    await secretary.press("notice-send:no");
  });

  it("takes a Telegram photo sent with the text as its caption as both", async () => {
    await secretary.say("/notice");
    const [preview] = await secretary.send({ text: "请看海报。", ...image(TINY_PNG, "captioned") });
    expect(preview!.text).toMatch(/^通知预览（附图片一张）：\n请看海报。/);
    await secretary.say("/cancel");
  });

  it("speaks English to an English-speaking sender", async () => {
    await db.chatIdentity.update({
      where: { platform_externalUserId: { platform: "TELEGRAM", externalUserId: "tg-wang" } },
      data: { locale: "en" },
    });
    await secretary.say("/notice");
    const [ask] = await secretary.say("Meeting on Friday.");
    expect(ask!.text).toBe('Send a picture to go with the notice, or tap "No picture".');
    const [without] = await secretary.say("no pic");
    expect(without!.text).toMatch(/^Preview:/);
    await secretary.say("/cancel");
    await secretary.say("/notice");
    await secretary.say("Meeting on Friday.");
    const [preview] = await secretary.send(image(TINY_PNG));
    expect(preview!.text).toMatch(/^Preview \(with a picture\):/);
    await secretary.say("/cancel");
  });
});
