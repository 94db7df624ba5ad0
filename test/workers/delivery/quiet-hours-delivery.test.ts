// At night (22:00–08:00 in Shanghai) reminders wait for the morning; urgent messages do not.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningWorkers, startWorkers } from "../../../workers/start-workers.ts";
import { createTestApp } from "../../helpers/test-app.ts";
import { createFakeSender, jobIn, notify, outboxRow, telegramPerson, until } from "../fake-sender.ts";

const app = await createTestApp({ QUIET_HOURS_START: "22:00", QUIET_HOURS_END: "08:00", TZ: "Asia/Shanghai" });
const telegram = createFakeSender("telegram");
let workers: RunningWorkers;

/** A Shanghai wall-clock time on a day after today, so rows written now are not "in the future". */
function shanghai(daysAhead: number, time: string): Date {
  const day = new Date(Date.now() + daysAhead * 86_400_000).toLocaleDateString("sv-SE", { timeZone: "Asia/Shanghai" });
  return new Date(`${day}T${time}+08:00`);
}

beforeAll(async () => {
  workers = await startWorkers(app.deps, new Map([["telegram", telegram]]));
});
afterAll(async () => {
  await workers.close();
});

describe("quiet hours", () => {
  it("holds a reminder written at 23:00 until 08:00, while an urgent message goes at once", async () => {
    app.clock.set(shanghai(2, "23:00:00"));
    const person = await telegramPerson(app);
    const reminder = await notify(app, person.id, { messageKey: "start-welcome-back", args: { name: "张伟" } });
    const urgent = await notify(app, person.id, { messageKey: "start-help-text", urgent: true });

    await until(async () => (await outboxRow(app, urgent)).status === "SENT");
    const held = await jobIn(app, reminder, "delayed");
    // Nine hours, give or take the time the test took.
    expect(held.delay).toBeGreaterThan(9 * 3_600_000 - 60_000);
    expect(held.delay).toBeLessThanOrEqual(9 * 3_600_000);
    expect((await outboxRow(app, reminder)).status).toBe("QUEUED");
    expect(telegram.delivered(person.chatId).map((c) => c.reply.text)).toHaveLength(1);

    // Morning: the held job comes due.
    app.clock.set(shanghai(3, "08:00:00"));
    await held.promote();
    await until(async () => (await outboxRow(app, reminder)).status === "SENT");
    expect(telegram.delivered(person.chatId).at(-1)?.reply.text).toBe("张伟，欢迎回来！想办点什么？");
  });

  it("holds a message whose notBefore falls in the night until the night is over", async () => {
    app.clock.set(shanghai(4, "21:00:00"));
    const person = await telegramPerson(app);
    const id = await notify(app, person.id, {
      messageKey: "start-welcome-back",
      args: { name: "王芳" },
      notBefore: shanghai(4, "23:30:00"),
    });
    const held = await jobIn(app, id, "delayed");
    // From 21:00 to 08:00 the next morning.
    expect(held.delay).toBeGreaterThan(11 * 3_600_000 - 60_000);
    expect(held.delay).toBeLessThanOrEqual(11 * 3_600_000);
    expect(telegram.delivered(person.chatId)).toHaveLength(0);
  });
});
