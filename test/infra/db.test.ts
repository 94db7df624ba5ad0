// The pool under the database client: the chat path's direct statements use it before Prisma ever connects.
import { setTimeout as sleep } from "node:timers/promises";
import { describe, expect, it } from "vitest";
import { createDb, directStatements, pipelinedShare } from "../../bot/infra/db.ts";
import { createTestApp } from "../helpers/test-app.ts";

const app = await createTestApp();

describe("database client", () => {
  it("outlives the server closing an idle connection before Prisma ever connected, and opens another", async () => {
    const fresh = createDb(app.config.DATABASE_URL, 1);
    const direct = directStatements(fresh)!;
    const backend = async () => (await direct.query<{ pid: number }>("SELECT pg_backend_pid() AS pid", []))[0]!.pid;
    const first = await backend();
    await app.deps.db.$queryRaw`SELECT pg_terminate_backend(${first})`;
    // The closed connection's error reaches the pool while it is idle: unheard, it would end this process.
    await sleep(300);
    expect(await backend()).not.toBe(first);
    await fresh.$disconnect();
  });

  it("sends the reads of one moment on the reads' own connections, each answered with its own rows", async () => {
    const fresh = createDb(app.config.DATABASE_URL, 10);
    const direct = directStatements(fresh)!;
    const ask = (n: number) =>
      direct.read<{ n: number; pid: number }>("/* prepared */ SELECT $1::int AS n, pg_backend_pid() AS pid", [n]);
    const answers = await Promise.all(Array.from({ length: 40 }, (_, n) => ask(n)));
    expect(answers.map((rows) => rows[0]!.n)).toEqual(Array.from({ length: 40 }, (_, n) => n));
    const pids = new Set(answers.map((rows) => rows[0]!.pid));
    expect(pids.size).toBeLessThanOrEqual(pipelinedShare(10));
    // A read that fails fails alone: the ones sent with it are answered.
    const mixed = await Promise.allSettled([ask(1), direct.read("SELECT 1 / $1::int AS n", [0]), ask(2)]);
    expect(mixed.map((r) => r.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
    // A connection the server closes is replaced at the next read.
    await app.deps.db.$queryRaw`SELECT pg_terminate_backend(pid) FROM unnest(${[...pids]}::int[]) AS t(pid)`;
    await sleep(300);
    const again = await Promise.all([ask(7), ask(8)]);
    expect(again.map((rows) => rows[0]!.n)).toEqual([7, 8]);
    expect(again.some((rows) => pids.has(rows[0]!.pid))).toBe(false);
    // Disconnecting closes them too.
    const last = new Set(again.map((rows) => rows[0]!.pid));
    await fresh.$disconnect();
    const open = await app.deps.db.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM pg_stat_activity WHERE pid = ANY(${[...last]}::int[])`;
    expect(open[0]!.n).toBe(0);
  });
});
