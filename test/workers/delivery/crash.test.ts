// A worker process dies in the middle of a batch: nothing it sent is sent again, and nothing is lost.
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { type RunningWorkers, startWorkers } from "../../../workers/start-workers.ts";
import { root } from "../../helpers/run-script.ts";
import { createTestApp } from "../../helpers/test-app.ts";
import { createFakeSender, notify, telegramPerson, until } from "../fake-sender.ts";

// The fake sender answers at once: a send whose answer is not recorded within a second never will be.
const app = await createTestApp({
  QUIET_HOURS_START: "00:00",
  QUIET_HOURS_END: "00:00",
  DELIVERY_OUTCOME_WAIT_MS: "1000",
});
const { db } = app.deps;
let workers: RunningWorkers | undefined;
let child: ChildProcess | undefined;
afterAll(async () => {
  if (child && child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  await workers?.close();
});

const CONCURRENCY = 3;
const HANG_AT = 4;

describe("a worker killed mid-batch", () => {
  it("never sends twice what it sent, and the rest still arrives", { timeout: 60_000 }, async () => {
    const people = [];
    for (let i = 0; i < 10; i++) people.push(await telegramPerson(app));
    const ids: bigint[] = [];
    for (const person of people) ids.push(await notify(app, person.id, { messageKey: "start-help-text" }));

    const log = path.join(mkdtempSync(path.join(tmpdir(), "tz-crash-")), "sends.log");
    // Node itself with tsx's loader (not the tsx launcher, which would leave its node child alive on SIGKILL).
    child = spawn(process.execPath, ["--import", "tsx", "test/workers/delivery/crash-worker.ts"], {
      cwd: root,
      env: {
        ...process.env,
        DATABASE_URL: app.config.DATABASE_URL,
        REDIS_PREFIX: app.config.REDIS_PREFIX,
        QUIET_HOURS_START: "00:00",
        QUIET_HOURS_END: "00:00",
        DELIVERY_CONCURRENCY: String(CONCURRENCY),
        SEND_LOG: log,
        HANG_AT: String(HANG_AT),
        LOG_LEVEL: "warn",
      },
      stdio: ["ignore", "ignore", "pipe"],
    });
    let childLog = "";
    child.stderr?.on("data", (d) => {
      childLog += d;
    });
    const exited = new Promise((resolve) => child?.once("exit", resolve));
    const childSends = () => (existsSync(log) ? readFileSync(log, "utf8").trim().split("\n").filter(Boolean) : []);
    // Three sends finish; then every worker slot hangs right after its send, before writing the outcome.
    await until(() => childSends().length >= HANG_AT + CONCURRENCY - 1, 30_000).catch((error: Error) => {
      throw new Error(`${error.message}; sends: ${childSends().length}; worker log: ${childLog}`);
    });
    child.kill("SIGKILL");
    await exited;
    expect(await db.outboxMessage.count({ where: { id: { in: ids }, status: "SENDING" } })).toBe(CONCURRENCY);

    // Another worker takes over once the dead one's job locks lapse.
    const telegram = createFakeSender("telegram");
    workers = await startWorkers(app.deps, new Map([["telegram", telegram]]), { stalledIntervalMs: 300 });
    await until(
      async () =>
        (await db.outboxMessage.count({ where: { id: { in: ids }, status: { in: ["SENT", "FAILED"] } } })) ===
        ids.length,
      20_000,
    );

    const received = [...childSends(), ...telegram.calls.map((c) => c.chatId)].sort();
    expect(received).toEqual(people.map((p) => p.chatId).sort());
    // The ones in flight when it died were sent, but nobody can know that for sure: not resent, marked unknown.
    const rows = await db.outboxMessage.findMany({
      where: { id: { in: ids } },
      select: { status: true, lastError: true },
    });
    expect(rows.filter((r) => r.status === "SENT")).toHaveLength(ids.length - CONCURRENCY);
    expect(rows.filter((r) => r.status === "FAILED").map((r) => r.lastError)).toEqual(
      Array(CONCURRENCY).fill(expect.stringContaining("outcome unknown")),
    );
  });
});
