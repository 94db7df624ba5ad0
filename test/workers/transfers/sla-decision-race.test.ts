// A step's 24 h nudge and its leader's approval at the same moment: whichever goes first, neither fails (no deadlock
// for BullMQ's retry to save) and the step ends consistent — approved once, the transfer moved on once, and the nudge
// either claimed with its event and message or not written at all.
//
// Under load a statement takes a while: a trigger in this file's own database slows the nudge's event insert, so the
// nudge holds the step row long enough for the approval to come in between its locks (the order the graduation-
// season bench once hit: the nudge had the step and wanted the transfer, the approval the other way round).
import { describe, expect, it } from "vitest";
import { decideStep } from "../../../bot/features/transfers/workflow.ts";
import { createTestApp } from "../../helpers/test-app.ts";
import { type Chain, createChain, openStep, runStage } from "./sla-fixture.ts";

const app = await createTestApp();
const { db } = app.deps;
const H = 3_600_000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

await db.$executeRawUnsafe(`CREATE TABLE test_nudge_sleep (seconds float NOT NULL)`);
await db.$executeRawUnsafe(`INSERT INTO test_nudge_sleep VALUES (0)`);
await db.$executeRawUnsafe(`
  CREATE FUNCTION test_slow_nudge() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    PERFORM pg_sleep((SELECT seconds FROM test_nudge_sleep));
    RETURN NEW;
  END $$`);
await db.$executeRawUnsafe(`
  CREATE TRIGGER test_slow_nudge BEFORE INSERT ON transfer_events
  FOR EACH ROW WHEN (NEW.type = 'NUDGED') EXECUTE FUNCTION test_slow_nudge()`);
/** How long each nudge's event insert takes from now on. */
const slowNudges = (seconds: number) => db.$executeRaw`UPDATE test_nudge_sleep SET seconds = ${seconds}`;

/** Until the nudge's statement is inside its slowed insert: it holds the locks it has taken so far. */
async function nudgeSleeping() {
  for (let waited = 0; waited < 10_000; waited += 5) {
    const [row] = await db.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event = 'PgSleep'`;
    if (row!.n > 0) return;
    await sleep(5);
  }
  throw new Error("the nudge never reached its insert");
}

async function race(chain: Chain, approveAfter: number | "nudge-sleeping") {
  app.clock.set(new Date("2026-11-02T10:00:00+08:00"));
  const step = await openStep(app, chain);
  app.clock.set(new Date(step.startedAt.getTime() + 24 * H));
  const [nudge, decision] = await Promise.allSettled([
    runStage(app, step.id, 1),
    (approveAfter === "nudge-sleeping" ? nudgeSleeping() : sleep(approveAfter)).then(() =>
      decideStep(app.deps, chain.secretary.memberId, step.id, { action: "approve" }),
    ),
  ]);
  expect(nudge.status === "rejected" ? nudge.reason : null).toBeNull();
  expect(decision.status === "rejected" ? decision.reason : null).toBeNull();
  if (nudge.status !== "fulfilled" || decision.status !== "fulfilled") return;
  expect(decision.value).toMatchObject({ ok: true, transferStatus: "IN_PROGRESS" });

  const after = await db.transferStep.findUniqueOrThrow({ where: { id: step.id } });
  expect(after.status).toBe("APPROVED");
  const events = await db.transferEvent.findMany({ where: { transferId: step.transferId }, select: { type: true } });
  const count = (type: string) => events.filter((e) => e.type === type).length;
  expect(count("APPROVED")).toBe(1);
  expect(count("STEP_STARTED")).toBe(1); // the receiving committee's step, started once
  expect(await db.transferStep.count({ where: { transferId: step.transferId } })).toBe(2);
  const nudges = await db.outboxMessage.count({ where: { dedupeKey: { startsWith: `sla:${step.id}:1:` } } });
  if (nudge.value.status === "sent") {
    expect([after.slaStage, count("NUDGED"), nudges]).toEqual([1, 1, 1]);
  } else {
    expect(nudge.value.status).toBe("skipped");
    expect([after.slaStage, count("NUDGED"), nudges]).toEqual([0, 0, 0]);
  }
  return nudge.value.status;
}

describe("an SLA nudge and the leader's decision on the same step at once", () => {
  it("never deadlock when the nudge's statement is slow and the approval comes in the middle of it", async () => {
    const chain = await createChain(app, "慢");
    await slowNudges(0.3);
    try {
      const outcomes = [];
      for (let i = 0; i < 3; i++) outcomes.push(await race(chain, "nudge-sleeping"));
      // The nudge was first to the step each time: it went out, and the approval waited for it.
      expect(outcomes).toEqual(["sent", "sent", "sent"]);
    } finally {
      await slowNudges(0);
    }
  });

  it("never deadlock nor leave a half-written step however the two interleave, many times over", async () => {
    const chain = await createChain(app, "快");
    await slowNudges(0.02);
    try {
      // Which goes first varies with the offset and the machine's load; each run is checked in `race`.
      for (let i = 0; i < 24; i++) await race(chain, (i % 8) * 5);
    } finally {
      await slowNudges(0);
    }
  }, 60_000);
});
