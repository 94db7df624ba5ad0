// A row a dead worker left in SENDING: sent now if its send never began, never again if it may have gone out.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSendMarks, type KnownOutcome } from "../../../workers/delivery/send-marks.ts";
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
async function leftSending(
  identityId: number,
  {
    sendBegan = false,
    outcome,
    messageKey = "start-help-text",
    alsoWrite,
  }: {
    sendBegan?: boolean;
    outcome?: KnownOutcome;
    messageKey?: string;
    /** Rows that belong with it (a notice's delivery row), written before its job is queued. */
    alsoWrite?: (outboxId: bigint) => Promise<unknown>;
  } = {},
) {
  const row = await db.outboxMessage.create({
    data: { identityId, messageKey, status: "SENDING", attempts: 1 },
  });
  if (sendBegan || outcome) await marks.begin(String(row.id));
  if (outcome) await marks.settle(String(row.id), outcome);
  await alsoWrite?.(row.id);
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

  it("is recorded SENT, never sent again, when the platform took it but the database could not be told then", async () => {
    // The worker sent it, wrote the platform's answer into Redis, and PostgreSQL was down for the SENT write.
    const person = await telegramPerson(app);
    const at = Date.parse("2026-03-02T01:00:00Z");
    const id = await leftSending(person.id, { outcome: { status: "SENT", at } });
    await until(async () => (await outboxRow(app, id)).status === "SENT");
    expect(await outboxRow(app, id)).toMatchObject({ status: "SENT", sentAt: new Date(at), lastError: null });
    expect(telegram.calls.filter((c) => c.chatId === person.chatId)).toHaveLength(0);
  });

  it("records a refusal kept in Redis as it was: blocked, or failed with the platform's reason", async () => {
    const blocker = await telegramPerson(app);
    const blockedId = await leftSending(blocker.id, { outcome: { status: "BLOCKED" } });
    const refused = await telegramPerson(app);
    const failedId = await leftSending(refused.id, { outcome: { status: "FAILED", reason: "chat not found" } });
    await until(async () => (await outboxRow(app, failedId)).status === "FAILED");
    await until(async () => (await outboxRow(app, blockedId)).status === "BLOCKED");
    expect((await outboxRow(app, failedId)).lastError).toBe("chat not found");
    expect((await db.chatIdentity.findUniqueOrThrow({ where: { id: blocker.id } })).blocked).toBe(true);
    expect(telegram.calls.filter((c) => [blocker.chatId, refused.chatId].includes(c.chatId))).toHaveLength(0);
  });

  it("moves a notice's delivery row with its outbox row, in the same transaction", async () => {
    const member = await db.member.findFirstOrThrow({ where: { status: "ACTIVE" } });
    const person = await telegramPerson(app);
    const notice = await db.notice.create({
      data: { orgId: member.orgId, createdById: member.id, text: "周五团日活动", status: "SENDING" },
    });
    let deliveryId = 0n;
    const id = await leftSending(person.id, {
      messageKey: "notices-message",
      outcome: { status: "SENT", at: Date.now() },
      alsoWrite: async (outboxId) => {
        const d = await db.noticeDelivery.create({
          data: { noticeId: notice.id, memberId: member.id, orgId: member.orgId, status: "QUEUED", outboxId },
        });
        deliveryId = d.id;
      },
    });
    await until(async () => (await outboxRow(app, id)).status === "SENT");
    expect((await db.noticeDelivery.findUniqueOrThrow({ where: { id: deliveryId } })).status).toBe("SENT");
  });

  it("lets only one of two workers holding the same row send it", async () => {
    expect(await marks.begin("999999")).toBe(true);
    expect(await marks.begin("999999")).toBe(false);
    expect(await marks.read("999999")).toEqual({ began: true });
    expect(await marks.read("999998")).toBeNull();
  });
});
