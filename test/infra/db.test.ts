// The pool under the database client: the chat path's direct statements use it before Prisma ever connects.
import { setTimeout as sleep } from "node:timers/promises";
import { describe, expect, it } from "vitest";
import { createDb, directStatements } from "../../bot/infra/db.ts";
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
});
