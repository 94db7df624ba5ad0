// Our offline migration command against a real, empty PostgreSQL database.

import { randomBytes } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { openEngine } from "../../prisma/tools/engine.ts";
import { migrate } from "../../prisma/tools/migrate.ts";
import { databaseUrl, withAdmin } from "../helpers/test-db.ts";

const name = `tz_test_migrate_${randomBytes(4).toString("hex")}`;
const url = databaseUrl(name);
afterAll(() => withAdmin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)));

describe("db:migrate", () => {
  it("creates the database, applies every migration once, and leaves it matching schema.prisma", async () => {
    const first = await migrate(url);
    expect(first.length).toBeGreaterThan(0);
    expect(await migrate(url)).toEqual([]);

    const engine = await openEngine(url);
    try {
      expect(await engine.diffToSchema("database")).toBe("");
      expect(await engine.diffToSchema("migrations")).toBe("");
    } finally {
      await engine.close();
    }
  });

  it("notices when the database drifts from schema.prisma", async () => {
    await withAdmin(async () => {
      const pg = await import("pg");
      const client = new pg.default.Client({ connectionString: url });
      await client.connect();
      await client.query("ALTER TABLE members DROP COLUMN has_league_post");
      await client.end();
    });
    const engine = await openEngine(url);
    try {
      expect(await engine.diffToSchema("database")).toContain('"has_league_post"');
    } finally {
      await engine.close();
    }
  });
});
