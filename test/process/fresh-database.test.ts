// A first start on a machine whose PostgreSQL has no tuanzhu database yet: the process creates it, migrates it and
// seeds the demo subtree, and a later `npm run db:migrate` finds nothing to do.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { runScript } from "../helpers/run-script.ts";
import { databaseUrl, withAdmin } from "../helpers/test-db.ts";
import { type MainProcess, startMain } from "./main-process.ts";

const name = `tz_test_fresh_${randomBytes(5).toString("hex")}`;
const url = databaseUrl(name);
let main: MainProcess | undefined;

afterEach(async () => {
  await main?.cleanup();
  main = undefined;
});
afterAll(async () => {
  await withAdmin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
});

async function count(sql: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return Number((await client.query<{ n: string }>(sql)).rows[0]?.n);
  } finally {
    await client.end();
  }
}

describe("first start on an empty PostgreSQL", () => {
  it("creates the database, migrates and seeds the demo data, then db:migrate finds it up to date", async () => {
    const exists = await withAdmin((c) => c.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]));
    expect(exists.rowCount).toBe(0);

    main = await startMain({ DATABASE_URL: url, DEMO_DATA: "1" });
    await main.waitForLog("Tuanzhu is running", 60_000);
    // It said what it was doing while the first start took its time, on stderr (stdout may be a chat).
    expect(main.rawLines).toEqual([
      `已创建数据库 ${name}。`,
      "正在建表（执行数据库迁移），第一次需要几秒钟…",
      expect.stringMatching(/^已执行 \d+ 个数据库迁移。$/),
      "正在写入演示数据（组织、团员、团费记录）…",
      expect.stringMatching(/^演示数据已写入：\d+ 个组织，\d+ 名团员。$/),
      "数据库已就绪。",
    ]);
    const ready = await fetch(main.url("/readyz"));
    expect(ready.status).toBe(200);
    main.child.kill("SIGTERM");
    expect(await main.exited).toMatchObject({ code: 0 });

    expect(await count("SELECT count(*) AS n FROM organisations")).toBeGreaterThan(0);
    expect(await count("SELECT count(*) AS n FROM members")).toBeGreaterThan(0);

    const migrate = await runScript("prisma/tools/migrate.ts", [], { env: { DATABASE_URL: url } });
    expect(migrate).toMatchObject({ code: 0, stderr: "" });
    expect(migrate.stdout.trim()).toBe("Database is up to date.");
  }, 90_000);
});
