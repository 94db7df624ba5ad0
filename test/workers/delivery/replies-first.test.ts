// Replies before broadcasts: a message a person's action caused (a payment confirmed) is sent within a second or
// two even behind a broadcast backlog of several seconds, and the broadcast never takes the replies' share of
// Telegram's 30 a second.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningWorkers, startWorkers } from "../../../workers/start-workers.ts";
import { createTestApp } from "../../helpers/test-app.ts";
import { createFakeSender, notify, outboxRow, telegramPerson, until } from "../fake-sender.ts";

const app = await createTestApp({ QUIET_HOURS_START: "00:00", QUIET_HOURS_END: "00:00" });
const { db, outbox } = app.deps;
const telegram = createFakeSender("telegram");
let workers: RunningWorkers;
beforeAll(async () => {
  workers = await startWorkers(app.deps, new Map([["telegram", telegram]]));
});
afterAll(async () => {
  await workers.close();
});

/** Most sends within any one second among `times`. */
function busiestSecond(times: number[]): number {
  const sorted = [...times].sort((a, b) => a - b);
  let most = 0;
  for (let i = 0, j = 0; i < sorted.length; i++) {
    while (sorted[i]! - sorted[j]! >= 1_000) j++;
    most = Math.max(most, i - j + 1);
  }
  return most;
}

describe("replies and broadcasts on one Telegram bot", () => {
  it("sends a reply at once behind a broadcast backlog, and keeps a fifth of each second free of broadcasts", async () => {
    // A graduate-season reminder to 150 members: about six seconds of sends at 24 a second.
    const graduates = await Promise.all(Array.from({ length: 150 }, () => telegramPerson(app)));
    const rows = await Promise.all(
      graduates.map((g) =>
        db.outboxMessage.create({
          data: {
            identityId: g.id,
            messageKey: "graduates-remind-start",
            args: { branch: "计科2022级1班团支部", graduation: "7月1日", deadline: "6月30日", days: 30 },
            status: "QUEUED",
          },
        }),
      ),
    );
    await outbox.enqueue(rows.map((r) => ({ id: r.id, platform: "TELEGRAM" as const })));
    await until(() => telegram.calls.length >= 30);

    // Meanwhile a leader confirms 王芳's payment: the message to her is a reply.
    const wangFang = await telegramPerson(app);
    const asked = Date.now();
    const replyId = await notify(app, wangFang.id, { messageKey: "start-welcome-back", args: { name: "王芳" } });
    await until(async () => (await outboxRow(app, replyId)).status === "SENT", 5_000);
    const answeredIn = telegram.delivered(wangFang.chatId)[0]!.at - asked;
    expect(answeredIn).toBeLessThan(1_500);
    // Most of the broadcast was still waiting when she got it.
    const broadcastSentBefore = telegram.calls.filter(
      (c) => c.chatId !== wangFang.chatId && c.at <= asked + answeredIn,
    );
    expect(broadcastSentBefore.length).toBeLessThan(100);

    await until(
      async () =>
        (await db.outboxMessage.count({ where: { id: { in: rows.map((r) => r.id) }, status: "SENT" } })) === 150,
      20_000,
    );
    // The broadcast alone never went past 24 in a second: 6 of Telegram's 30 stay the replies'.
    const broadcastTimes = telegram.calls.filter((c) => c.chatId !== wangFang.chatId).map((c) => c.at);
    expect(busiestSecond(broadcastTimes)).toBeLessThanOrEqual(24);
    expect(busiestSecond(broadcastTimes)).toBeGreaterThanOrEqual(20);
  }, 40_000);
});
