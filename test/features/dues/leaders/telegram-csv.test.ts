// The whole way on Telegram: 黄丽 asks for her branch's dues and gets the summary and the CSV as a document.
import { describe, expect, it } from "vitest";
import { startTelegram } from "../../../channels/telegram/start-telegram.ts";
import { telegramUser } from "../../../helpers/fake-telegram.ts";
import { createTestApp } from "../../../helpers/test-app.ts";

const app = await createTestApp();
const { db } = app.deps;
const { fake } = await startTelegram(app);
const huangTg = telegramUser(860_007, "黄丽");
const huang = await db.member.findUniqueOrThrow({ where: { code: "202201000007" } });
await db.chatIdentity.create({
  data: {
    platform: "TELEGRAM",
    externalUserId: String(huangTg.id),
    chatId: String(huangTg.id),
    memberId: huang.id,
    boundAt: new Date(),
  },
});

describe("/duesbranch on Telegram", () => {
  it("sends the summary, then the CSV as a document named for the branch", async () => {
    fake.userSends("/duesbranch", { from: huangTg });
    const [summary, doc] = await fake.waitForMessages(huangTg.id, 2);
    expect(summary).toMatchObject({ method: "sendMessage" });
    expect(summary!.text).toMatch(/^计科2022级1班团支部 \d{4}年团费收缴情况/);
    expect(doc).toMatchObject({ method: "sendDocument" });
    expect(doc!.caption).toMatch(/^计科2022级1班团支部 \d{4}年团费收缴表/);
    expect(doc!.document!.name).toMatch(/^团费收缴-计科2022级1班团支部-\d{4}\.csv$/);
    const text = doc!.document!.bytes.toString("utf8");
    expect(text.startsWith("\uFEFF编号,姓名,月缴,已缴至,欠缴月数,欠缴金额(元)\r\n")).toBe(true);
    expect(text).toContain('="202201000007",黄丽,0.20,');
  });
});
