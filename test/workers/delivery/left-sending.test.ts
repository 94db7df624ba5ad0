// A row left in SENDING (its send began, PostgreSQL says): finished from the platform's answer if Redis kept it,
// sent again only if that answer was "nothing delivered", otherwise never sent again: FAILED "outcome unknown" once
// its worker can no longer be waiting for the answer.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createOutboxRows } from "../../../workers/delivery/outbox-rows.ts";
import { createSendMarks, type KnownOutcome } from "../../../workers/delivery/send-marks.ts";
import { type RunningWorkers, startWorkers } from "../../../workers/start-workers.ts";
import { createTestApp } from "../../helpers/test-app.ts";
import { createFakeSender, jobIn, outboxRow, telegramPerson, until } from "../fake-sender.ts";

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

/** Long enough ago that its worker, alive or not, would have recorded the answer by now. */
const longAgo = () => new Date(Date.now() - 2 * app.config.DELIVERY_OUTCOME_WAIT_MS);

/** A row as a worker leaves it when it stops after its claim (SENDING, one try counted), mid-send or after it. */
async function leftSending(
  identityId: number,
  {
    began = longAgo(),
    outcome,
    outcomeOf = began,
    messageKey = "start-help-text",
    alsoWrite,
  }: {
    /** When its claim said the send began (null: a row claimed before this was recorded). */
    began?: Date | null;
    /** The platform's answer, kept in Redis. */
    outcome?: KnownOutcome;
    /** The claim that answer belongs to (an earlier try's when it differs). */
    outcomeOf?: Date | null;
    messageKey?: string;
    /** Rows that belong with it (a notice's delivery row), written before its job is queued. */
    alsoWrite?: (outboxId: bigint) => Promise<unknown>;
  } = {},
) {
  const row = await db.outboxMessage.create({
    data: { identityId, messageKey, status: "SENDING", attempts: 1, sendBeganAt: began },
  });
  if (outcome && outcomeOf) await marks.settle(String(row.id), outcomeOf, outcome);
  await alsoWrite?.(row.id);
  await app.deps.outbox.enqueue([{ id: row.id, platform: "TELEGRAM" }]);
  return row.id;
}

describe("a row left in SENDING by a worker that died", () => {
  it("is never sent again when no answer was recorded: the outcome is unknown", async () => {
    const person = await telegramPerson(app);
    const id = await leftSending(person.id);
    await until(async () => (await outboxRow(app, id)).status === "FAILED");
    expect((await outboxRow(app, id)).lastError).toContain("outcome unknown");
    expect(telegram.calls.filter((c) => c.chatId === person.chatId)).toHaveLength(0);
  });

  it("waits for its worker while the send may still be under way, and never sends it meanwhile", async () => {
    // Its job came back (Redis lost it, or the worker its lock) seconds after the send began.
    const person = await telegramPerson(app);
    const id = await leftSending(person.id, { began: new Date(Date.now() - 2_000) });
    const job = await jobIn(app, id, "delayed");
    expect(job.delay).toBeGreaterThan(app.config.DELIVERY_OUTCOME_WAIT_MS - 10_000);
    expect(await outboxRow(app, id)).toMatchObject({ status: "SENDING", attempts: 1 });
    expect(telegram.calls.filter((c) => c.chatId === person.chatId)).toHaveLength(0);
  });

  it("is never sent again when it was claimed before sends recorded their start, nor with an earlier try's answer", async () => {
    const legacy = await telegramPerson(app);
    const legacyId = await leftSending(legacy.id, { began: null });
    // An earlier try was refused ("nothing delivered"); this try's send began and its answer was lost.
    const retried = await telegramPerson(app);
    const retriedId = await leftSending(retried.id, {
      outcome: { status: "UNSENT" },
      outcomeOf: new Date(Date.now() - 10 * app.config.DELIVERY_OUTCOME_WAIT_MS),
    });
    await until(async () => (await outboxRow(app, legacyId)).status === "FAILED");
    await until(async () => (await outboxRow(app, retriedId)).status === "FAILED");
    expect((await outboxRow(app, retriedId)).lastError).toContain("outcome unknown");
    expect(telegram.calls.filter((c) => [legacy.chatId, retried.chatId].includes(c.chatId))).toHaveLength(0);
  });

  it("goes out now when the platform refused it and the database could not be told then", async () => {
    const person = await telegramPerson(app);
    const id = await leftSending(person.id, { outcome: { status: "UNSENT" } });
    await until(async () => (await outboxRow(app, id)).status === "SENT");
    expect(telegram.delivered(person.chatId)).toHaveLength(1);
    expect(await outboxRow(app, id)).toMatchObject({ status: "SENT", attempts: 2 });
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
    const person = await telegramPerson(app);
    const row = await db.outboxMessage.create({
      data: { identityId: person.id, messageKey: "start-help-text", status: "QUEUED" },
    });
    const outboxRows = createOutboxRows(db, new Map());
    const began = new Date("2026-11-18T02:00:00Z");
    const [first, second] = await Promise.all([outboxRows.claim(row.id, began), outboxRows.claim(row.id, began)]);
    expect([first, second].filter(Boolean)).toHaveLength(1);
    expect(await outboxRow(app, row.id)).toMatchObject({ status: "SENDING", attempts: 1 });
    expect((await outboxRow(app, row.id)).sendBeganAt).toEqual((first ?? second)?.sendBeganAt);
  });
});
