// The sender the delivery worker uses for proactive messages: how a Reply looks in Telegram, and how each
// refusal comes back as a SendError the worker can act on (never retried here).
import { Api } from "grammy";
import { afterAll, describe, expect, it } from "vitest";
import { createTelegramSender } from "../../../bot/channels/telegram/sender.ts";
import { SendError, type SendFailure } from "../../../bot/core/types.ts";
import { createLogger } from "../../../bot/infra/logger.ts";
import { type Failure, startFakeTelegram } from "../../helpers/fake-telegram.ts";

const fake = await startFakeTelegram();
afterAll(() => fake.close());
const logger = createLogger({ LOG_LEVEL: "silent", NODE_ENV: "test" });
const sender = createTelegramSender(new Api(fake.token, { apiRoot: fake.apiRoot }), logger);

let nextChat = 830_000;
const chat = () => nextChat++;

async function failureOf(promise: Promise<unknown>): Promise<SendFailure> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(SendError);
  return (error as SendError).failure;
}

describe("Telegram sender", () => {
  it("sends text with the buttons as an inline keyboard", async () => {
    const id = chat();
    await sender.send(String(id), {
      text: "你有一条新的转接申请待审批。",
      intent: "transfer.review",
      buttons: [
        [
          { label: "同意", payload: "tr-approve:42" },
          { label: "驳回", payload: "tr-reject:42" },
        ],
      ],
    });
    expect(fake.sent(id)).toMatchObject([
      {
        text: "你有一条新的转接申请待审批。",
        buttons: [
          [
            { text: "同意", callback_data: "tr-approve:42" },
            { text: "驳回", callback_data: "tr-reject:42" },
          ],
        ],
      },
    ]);
  });

  it("splits a 5000-character text into two messages of at most 4096, the buttons on the last", async () => {
    const id = chat();
    const paragraph = `${"团".repeat(99)}\n`;
    const text = paragraph.repeat(50);
    await sender.send(String(id), { text, intent: "notice", buttons: [[{ label: "已读", payload: "read:7" }]] });

    const sent = fake.sent(id);
    expect(sent).toHaveLength(2);
    for (const m of sent) expect(m.text!.length).toBeLessThanOrEqual(4096);
    expect(sent.map((m) => m.text).join("\n")).toBe(text.trimEnd());
    expect(sent[0]!.buttons).toEqual([]);
    expect(sent[1]!.buttons).toEqual([[{ text: "已读", callback_data: "read:7" }]]);
  });

  it("sends an image as a photo with the text as its caption", async () => {
    const id = chat();
    const image = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]);
    await sender.send(String(id), { text: "本周转接响应排行", intent: "report.weekly", image });
    expect(fake.sent(id)).toMatchObject([{ method: "sendPhoto", caption: "本周转接响应排行", photoBytes: 7 }]);
  });

  it("sends a text too long for a caption after the photo, keeping the buttons on the text", async () => {
    const id = chat();
    const text = "说明".repeat(600);
    const buttons = [[{ label: "查看", payload: "go:report" }]];
    await sender.send(String(id), { text, intent: "report.weekly", image: new Uint8Array([1, 2, 3]), buttons });

    const [photo, message] = fake.sent(id);
    expect(photo).toMatchObject({ method: "sendPhoto", buttons: [] });
    expect(photo!.caption).toBeUndefined();
    expect(message).toMatchObject({
      method: "sendMessage",
      text,
      buttons: [[{ text: "查看", callback_data: "go:report" }]],
    });
  });

  it("leaves out a button whose payload is over Telegram's 64 bytes instead of failing the message", async () => {
    const id = chat();
    const buttons = [
      [
        { label: "好", payload: "ok:1" },
        { label: "太长", payload: `x:${"a".repeat(63)}` },
      ],
    ];
    await sender.send(String(id), { text: "选择", intent: "test", buttons });
    expect(fake.sent(id)[0]!.buttons).toEqual([[{ text: "好", callback_data: "ok:1" }]]);
  });

  const cases: [string, Failure, SendFailure][] = [
    ["a person who blocked the bot (403)", { code: 403 }, { kind: "blocked" }],
    [
      "a kicked bot (403)",
      { code: 403, description: "Forbidden: bot was kicked from the group chat" },
      { kind: "blocked" },
    ],
    ["flood control (429)", { code: 429, retryAfter: 7 }, { kind: "rate-limited", retryAfterSec: 7 }],
    [
      "a group that became a supergroup (400 migrate_to_chat_id)",
      { code: 400, migrateTo: -1009876543210 },
      { kind: "chat-moved", newChatId: "-1009876543210" },
    ],
    ["Telegram's outage (500)", { code: 500 }, { kind: "transient", reason: "500 Internal Server Error" }],
    [
      "a chat that does not exist (400)",
      { code: 400 },
      { kind: "permanent", reason: "400 Bad Request: chat not found" },
    ],
  ];

  it.each(cases)("maps %s to a SendError, trying once", async (_, failure, expected) => {
    const id = chat();
    const before = fake.callsTo("sendMessage").length;
    fake.failNext("sendMessage", failure);

    expect(await failureOf(sender.send(String(id), { text: "提醒", intent: "test" }))).toEqual(expected);
    expect(fake.callsTo("sendMessage").length - before).toBe(1);
    expect(fake.sent(id)).toEqual([]);
  });

  it("maps an unreachable API to a transient failure", async () => {
    const closed = await startFakeTelegram();
    await closed.close();
    const offline = createTelegramSender(new Api(closed.token, { apiRoot: closed.apiRoot }), logger);
    expect(await failureOf(offline.send("1", { text: "提醒", intent: "test" }))).toMatchObject({ kind: "transient" });
  });
});
