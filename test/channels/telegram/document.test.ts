// A reply with a file (a CSV export) goes out as a Telegram document, its text as the caption when it fits.
import { Api } from "grammy";
import { afterAll, describe, expect, it } from "vitest";
import { createTelegramSender } from "../../../bot/channels/telegram/sender.ts";
import { createLogger } from "../../../bot/infra/logger.ts";
import { startFakeTelegram } from "../../helpers/fake-telegram.ts";

const fake = await startFakeTelegram();
afterAll(() => fake.close());
const logger = createLogger({ LOG_LEVEL: "silent", NODE_ENV: "test" });
const sender = createTelegramSender(new Api(fake.token, { apiRoot: fake.apiRoot }), logger);
const csv = new TextEncoder().encode("\uFEFF编号,姓名\r\n202001000005,刘洋\r\n");

describe("files on Telegram", () => {
  it("sends the file as a document with its name and bytes, the text as caption and the buttons under it", async () => {
    await sender.send("840001", {
      text: "计科2022级1班团支部 2026年团费收缴表",
      file: { name: "团费-计科2022级1班.csv", mime: "text/csv", bytes: csv },
      buttons: [[{ label: "收缴率", payload: "go:duesleaders.orgs" }]],
      intent: "duesleaders.branch",
    });
    const [doc] = fake.sent(840001);
    expect(doc).toMatchObject({
      method: "sendDocument",
      caption: "计科2022级1班团支部 2026年团费收缴表",
      buttons: [[{ text: "收缴率", callback_data: "go:duesleaders.orgs" }]],
    });
    expect(doc!.document!.name).toBe("团费-计科2022级1班.csv");
    expect(doc!.document!.bytes).toEqual(Buffer.from(csv));
    expect(fake.sent(840001)).toHaveLength(1);
  });

  it("sends a text too long for a caption as a message after the document", async () => {
    const long = "明细".repeat(600);
    await sender.send("840002", { text: long, file: { name: "a.csv", mime: "text/csv", bytes: csv }, intent: "x" });
    const [doc, text] = fake.sent(840002);
    expect(doc).toMatchObject({ method: "sendDocument" });
    expect(doc!.caption).toBeUndefined();
    expect(text).toMatchObject({ method: "sendMessage", text: long });
  });

  it("sends a file without text as a bare document", async () => {
    await sender.send("840003", { text: "", file: { name: "a.csv", mime: "text/csv", bytes: csv }, intent: "x" });
    expect(fake.sent(840003).map((m) => m.method)).toEqual(["sendDocument"]);
  });
});
