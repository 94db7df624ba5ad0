// Faults that must lose nothing, done for real: the workers run as their own process (`npm run workers`) against a
// redis-server this file starts on a free port (never the machine's shared one), and deliver a notice to 300
// members through a fake Bot API that enforces Telegram's 30/s and 1/s per chat. The fake counts what each chat
// received: every member gets the notice exactly once, or their row says FAILED and why. PostgreSQL is cut by a
// TCP gate in front of it, for the workers only.
import { describe, expect, it } from "vitest";
import { createDb } from "../../bot/infra/db.ts";
import { schedules } from "../../workers/schedules.ts";
import { cloneTemplate } from "../helpers/test-db.ts";
import { type FaultRun, faults, runNotice } from "./fault-rig.ts";

const MEMBERS = 300;

/** A database of its own for each case: one database is one deployment, with one Redis. */
async function runWith(fault: FaultRun) {
  const database = await cloneTemplate();
  const db = createDb(database.url, 4);
  try {
    return await runNotice({ db, databaseUrl: database.url, members: MEMBERS, timeoutMs: 180_000 }, fault);
  } finally {
    await db.$disconnect();
    await database.drop();
  }
}

// Each case has its own database, Redis, fake Bot API and workers process: they run side by side.
describe.concurrent("a notice to 300 members while things break", () => {
  it("Redis flushed mid-broadcast: the schedules come back, delivery completes, nobody gets it twice", async () => {
    const outcome = await runWith(faults.flushAll());
    expect(outcome).toMatchObject({
      recipients: MEMBERS,
      exactlyOnce: MEMBERS,
      duplicated: 0,
      unfinished: 0,
      silentlyLost: 0,
      progressDisagrees: 0,
    });
    // Every schedule was gone and came back; readiness says so (still ready: nothing is missing now).
    expect(outcome.schedulesRecreated).toBe(schedules.length);
    expect(outcome.readyz).toEqual({
      status: "ok",
      checks: { postgres: "ok", redis: "ok", schedules: "recreated" },
    });
  }, 240_000);

  it("Redis down 15 s and back empty: the workers carry on by themselves and finish the notice", async () => {
    const outcome = await runWith(faults.redisDown(15_000));
    // A send in flight at the instant Redis dies loses everything Redis knew about it, but PostgreSQL knows its send
    // began: it is never sent again.
    expect(outcome).toMatchObject({
      recipients: MEMBERS,
      duplicated: 0,
      unfinished: 0,
      silentlyLost: 0,
      progressDisagrees: 0,
    });
    // Its worker records the answer in PostgreSQL; only if nobody could would it end "outcome unknown" (never
    // resent). Nobody misses the notice.
    expect(outcome.lost).toBe(0);
    expect(outcome.exactlyOnce).toBe(MEMBERS);
    expect(Object.keys(outcome.failedReasons).every((r) => r === "outcome unknown")).toBe(true);
    expect(outcome.schedulesRecreated).toBeGreaterThanOrEqual(schedules.length);
  }, 240_000);

  it("PostgreSQL down 10 s: what Telegram accepted meanwhile is recorded SENT, nothing is sent twice", async () => {
    const outcome = await runWith(faults.postgresDown(10_000));
    expect(outcome).toMatchObject({
      recipients: MEMBERS,
      exactlyOnce: MEMBERS,
      lost: 0,
      duplicated: 0,
      unfinished: 0,
      silentlyLost: 0,
      progressDisagrees: 0,
      // No "outcome unknown" for a message whose answer came while the database was away.
      failedReasons: {},
    });
  }, 240_000);

  it("the worker process killed with SIGKILL three times during the notice: nothing twice, every loss named", async () => {
    const outcome = await runWith(faults.kill9(3, 2_000));
    expect(outcome).toMatchObject({
      recipients: MEMBERS,
      duplicated: 0,
      unfinished: 0,
      silentlyLost: 0,
      progressDisagrees: 0,
    });
    // Each kill may cost the sends in flight at that instant: FAILED "outcome unknown", never sent again.
    expect(outcome.exactlyOnce + outcome.lost).toBe(MEMBERS);
    expect(Object.keys(outcome.failedReasons).every((r) => r === "outcome unknown")).toBe(true);
  }, 240_000);
});
