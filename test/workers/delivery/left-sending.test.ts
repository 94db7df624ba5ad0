// A row a dead worker left in SENDING: sent now if its send never began, never again if it may have gone out.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSendMarks } from "../../../workers/delivery/send-marks.ts";
import { type RunningWorkers, startWorkers } from "../../../workers/start-workers.ts";
import { createTestApp } from "../../helpers/test-app.ts";
import { createFakeSender, outboxRow, telegramPerson, until } from "../fake-sender.ts";

const app = await createTestApp({ QUIET_HOURS_START: "00:00", QUIET_HOURS_END: "00:00" });
const { db } = app.deps;
const telegram = createFakeSender("telegram");
const marks = createSendMarks(app.deps.redis, app.config.REDIS_PREFIX);
let workers: RunningWorkers;
beforeAll(async () => {
  workers = await startWorkers(app.deps, new Map([["telegram", telegram]]));
});
afterAll(async () => {
  await workers.close();
});

/** A row as a worker leaves it when it dies after its claim (SENDING, one try counted), perhaps mid-send. */
async function leftSending(identityId: number, { sendBegan = false } = {}) {
  const row = await db.outboxMessage.create({
    data: { identityId, messageKey: "start-help-text", status: "SENDING", attempts: 1 },
  });
  if (sendBegan) await marks.begin(String(row.id));
  await app.deps.outbox.enqueue([{ id: row.id, platform: "TELEGRAM" }]);
  return row.id;
}

describe("a row left in SENDING by a worker that died", () => {
  it("goes out once when the send had not begun, its dead try not counted", async () => {
    const person = await telegramPerson(app);
    const id = await leftSending(person.id);
    await until(async () => (await outboxRow(app, id)).status === "SENT");
    expect(telegram.delivered(person.chatId)).toHaveLength(1);
    expect(await outboxRow(app, id)).toMatchObject({ status: "SENT", attempts: 1 });
  });

  it("is never sent again when the send had begun: the outcome is unknown", async () => {
    const person = await telegramPerson(app);
    const id = await leftSending(person.id, { sendBegan: true });
    await until(async () => (await outboxRow(app, id)).status === "FAILED");
    expect((await outboxRow(app, id)).lastError).toContain("outcome unknown");
    expect(telegram.delivered(person.chatId)).toHaveLength(0);
  });

  it("lets only one of two workers holding the same row send it", async () => {
    expect(await marks.begin("999999")).toBe(true);
    expect(await marks.begin("999999")).toBe(false);
    expect(await marks.read("999999")).toEqual({ began: true });
    expect(await marks.read("999998")).toBeNull();
  });
});
