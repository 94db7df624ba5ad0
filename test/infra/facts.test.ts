// Facts read side by side in one statement come back as Prisma reads the same rows: times in particular, which
// JSON carries without a zone.
import { describe, expect, it } from "vitest";
import { duesFacts } from "../../bot/features/dues/dues-service.ts";
import { statusFacts } from "../../bot/features/membership/status-service.ts";
import { Prisma } from "../../bot/infra/db.ts";
import { readFacts } from "../../bot/infra/facts.ts";
import { jsonTime } from "../../bot/infra/utc-values.ts";
import { processZone } from "../helpers/process-zone.ts";
import { createTestApp } from "../helpers/test-app.ts";

const app = await createTestApp();
const { db } = app.deps;
const inZone = processZone();

describe("facts read in one statement", () => {
  it("reads a payment's and a change's times as Prisma does, in a process on Shanghai time", async () => {
    inZone("Asia/Shanghai");
    const member = await db.member.findFirstOrThrow({ where: { name: "李明" } });
    const paidAt = new Date("2026-11-18T05:30:00.250Z");
    const reportedAt = new Date("2026-11-18T01:02:03.456Z");
    await db.duesPayment.create({
      data: {
        memberId: member.id,
        reference: "FACTS-TIME",
        method: "CASH",
        status: "CONFIRMED",
        months: 2,
        amountFen: 40,
        createdAt: paidAt,
        settledAt: paidAt,
      },
    });
    await db.duesChange.create({
      data: {
        memberId: member.id,
        fromCategory: member.duesCategory,
        toCategory: "SALARIED",
        toIncomeFen: 500_000,
        effectiveMonth: 202612,
        createdAt: reportedAt,
      },
    });

    const facts = await readFacts(db, duesFacts(member.id));
    expect(facts.payments.last).toEqual({ at: paidAt, amountFen: 40, months: 2 });
    expect(facts.changes.pending).toMatchObject({ category: "SALARIED", incomeFen: 500_000, month: 202612 });
    expect(facts.changes.pending!.createdAt.toISOString()).toBe(reportedAt.toISOString());
    const rates = await db.duesRate.findMany();
    expect(facts.rates).toHaveLength(rates.length);
    expect(facts.rates.map((r) => r.effectiveFrom.toISOString()).sort()).toEqual(
      rates.map((r) => r.effectiveFrom.toISOString()).sort(),
    );
  });

  it("gives the status view its organisation path, contacts, transfers and hours from one statement", async () => {
    const member = await db.member.findFirstOrThrow({ where: { name: "李明" } });
    const facts = await readFacts(db, statusFacts(member, new Date("2026-11-18T02:00:00Z"), "Asia/Shanghai"));
    expect(facts.path.at(-1)?.id).toBe(member.orgId);
    expect(facts.path.length).toBeGreaterThan(2);
    expect(facts.contacts.every((c) => c.memberId !== member.id)).toBe(true);
    expect(facts.transferStatuses).toBeInstanceOf(Set);
    expect(facts.hours.year).toBe(2026);
  });

  it("reads a bare time, date, big number and time parameter as Prisma's own raw query does, whatever the process's zone", async () => {
    inZone("Asia/Shanghai");
    const at = new Date("2026-11-18T01:02:03.456Z");
    const sql = Prisma.sql`SELECT TIMESTAMP '2026-11-18 01:02:03.456', DATE '2026-11-18', 9007199254740993::bigint,
      ${at}::timestamp(3) = TIMESTAMP '2026-11-18 01:02:03.456', 'x'::text, ARRAY[1, 2], 2.5::float8`;
    const facts = Object.fromEntries(
      ["time", "date", "big", "sameTime", "text", "ints", "float"].map((name, i) => [
        name,
        {
          sql: Prisma.sql`SELECT f${Prisma.raw(String(i + 1))} FROM (${sql}) AS t(f1, f2, f3, f4, f5, f6, f7)`,
          parse: (v: unknown) => v,
        },
      ]),
    );
    const direct = await readFacts(db, facts);
    const viaPrisma = await db.$transaction((tx) => readFacts(tx, facts));
    expect(direct).toEqual(viaPrisma);
    expect(direct).toEqual({
      time: at,
      date: new Date("2026-11-18T00:00:00Z"),
      big: 9007199254740993n,
      sameTime: true,
      text: "x",
      ints: [1, 2],
      float: 2.5,
    });
  });

  it.each([
    ["2026-11-18T01:02:03.456", "2026-11-18T01:02:03.456Z"],
    ["2026-11-18T01:02:03.456Z", "2026-11-18T01:02:03.456Z"],
    ["2026-11-18T09:02:03.456+08:00", "2026-11-18T01:02:03.456Z"],
    ["2026-11-18", "2026-11-18T00:00:00.000Z"],
  ])("reads %s as %s", (text, iso) => {
    inZone("Asia/Shanghai");
    expect(jsonTime(text).toISOString()).toBe(iso);
  });
});
