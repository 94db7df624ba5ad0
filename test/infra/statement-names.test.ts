// Statements pg prepares once per connection: a name per text, never one name for two texts, and a bound on how
// many a connection may keep.
import { describe, expect, it } from "vitest";
import { statementNames } from "../../bot/infra/statement-names.ts";
import { createTestApp } from "../helpers/test-app.ts";

describe("statement names", () => {
  it("gives one text the same name every time and two texts two names", () => {
    const name = statementNames();
    const a = name({ sql: "SELECT 1" });
    expect(a).toMatch(/^tz_[\w-]{27}$/);
    expect(name({ sql: "SELECT 1" })).toBe(a);
    expect(name({ sql: "SELECT 2" })).not.toBe(a);
    // Another process names the same text alike (its connections are its own, so this only keeps logs readable).
    expect(statementNames()({ sql: "SELECT 1" })).toBe(a);
  });

  it("names only the first `limit` texts, and none longer than the bound", () => {
    const name = statementNames(2, 20);
    expect(name({ sql: "SELECT 1" })).toBeDefined();
    expect(name({ sql: "SELECT 'a text too long'" })).toBeUndefined();
    expect(name({ sql: "SELECT 2" })).toBeDefined();
    expect(name({ sql: "SELECT 3" })).toBeUndefined();
    // The ones named keep their names.
    expect(name({ sql: "SELECT 1" })).toBeDefined();
  });

  it("has PostgreSQL keep our statements prepared on the connection that ran them", async () => {
    const app = await createTestApp();
    const prepared = await app.deps.db.$transaction(async (tx) => {
      await tx.member.findFirst({ where: { name: "李明" } });
      return tx.$queryRaw<{ name: string; statement: string }[]>`SELECT name, statement FROM pg_prepared_statements`;
    });
    expect(prepared.some((p) => p.name.startsWith("tz_") && p.statement.includes('FROM "public"."members"'))).toBe(
      true,
    );
  });
});
