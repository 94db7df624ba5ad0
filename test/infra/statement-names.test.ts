// Statements pg prepares once per connection: a name per text, never one name for two texts, and a bound on how
// many a connection may keep.
import { describe, expect, it } from "vitest";
import { statusFacts } from "../../bot/features/membership/status-service.ts";
import { readFacts } from "../../bot/infra/facts.ts";
import { PREPARED, statementNames } from "../../bot/infra/statement-names.ts";
import { createTestApp } from "../helpers/test-app.ts";

describe("statement names", () => {
  it("gives one text the same name every time and two texts two names", () => {
    const name = statementNames();
    const a = name({ sql: `${PREPARED}SELECT 1` });
    expect(a).toMatch(/^tz_[\w-]{27}$/);
    expect(name({ sql: `${PREPARED}SELECT 1` })).toBe(a);
    expect(name({ sql: `${PREPARED}SELECT 2` })).not.toBe(a);
    expect(name({ sql: 'SELECT "public"."members"."id" FROM "public"."members"' })).toBeDefined();
  });

  it("leaves raw SQL that did not ask for it unprepared: a plan per execution, as its parameters need", () => {
    const name = statementNames();
    expect(name({ sql: "SELECT count(*) FROM organisations WHERE ancestor_ids @> ARRAY[$1::int]" })).toBeUndefined();
  });

  it("names only the first `limit` texts, and none longer than the bound", () => {
    const name = statementNames(2, 30);
    expect(name({ sql: `${PREPARED}SELECT 1` })).toBeDefined();
    expect(name({ sql: `${PREPARED}SELECT 'a text too long'` })).toBeUndefined();
    expect(name({ sql: `${PREPARED}SELECT 2` })).toBeDefined();
    expect(name({ sql: `${PREPARED}SELECT 3` })).toBeUndefined();
    // The ones named keep their names.
    expect(name({ sql: `${PREPARED}SELECT 1` })).toBeDefined();
  });

  it("has PostgreSQL keep our statements prepared on the connection that ran them", async () => {
    const app = await createTestApp();
    const prepared = await app.deps.db.$transaction(async (tx) => {
      const member = await tx.member.findFirstOrThrow({ where: { name: "李明" } });
      await readFacts(tx, statusFacts(member, new Date("2026-11-18T02:00:00Z"), "Asia/Shanghai"));
      return tx.$queryRaw<{ name: string; statement: string }[]>`SELECT name, statement FROM pg_prepared_statements`;
    });
    const ours = prepared.filter((p) => p.name.startsWith("tz_")).map((p) => p.statement);
    expect(ours.some((s) => s.includes('FROM "public"."members"'))).toBe(true);
    expect(ours.some((s) => s.startsWith(PREPARED) && s.includes("FROM volunteer_credits"))).toBe(true);
  });
});
