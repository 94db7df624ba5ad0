// The ledger over the real database: each month at its own rate, whole months oldest first, never a month twice,
// exactly one winner when two hands settle or reject at once, and an audit entry naming who did it.
import { describe, expect, it } from "vitest";
import { owedMonths, rejectPayment, settlePayment } from "../../../bot/features/dues/ledger.ts";
import { createTestApp } from "../../helpers/test-app.ts";

const app = await createTestApp();
const { db } = app.deps;
const TZ = app.config.TZ;
const branch = await db.member.findUniqueOrThrow({ where: { code: "201901000001" }, select: { orgId: true } });

let seq = 0;
/** A fresh member with nothing paid, so each story starts from a known ledger. */
async function newMember(joined: string, category: "STUDENT" | "SALARIED" | "NO_INCOME", incomeFen?: number) {
  seq += 1;
  return db.member.create({
    data: {
      code: `2099${String(seq).padStart(8, "0")}`,
      name: `测试${seq}`,
      idHash: `hash-${seq}`,
      idLast4: "0000",
      birthDate: new Date("2004-01-01"),
      joinedAt: new Date(`${joined}T00:00:00Z`),
      duesCategory: category,
      monthlyIncomeFen: incomeFen ?? null,
      orgId: branch.orgId,
    },
  });
}

async function pending(memberId: number, months: number, amountFen: number, reference: string) {
  return db.duesPayment.create({ data: { memberId, reference, method: "CASH", months, amountFen } });
}

const settle = (paymentId: number, label = "member:1") =>
  db.$transaction((tx) => settlePayment(tx, paymentId, { label }, app.clock.now));

async function paidMonths(memberId: number) {
  const rows = await db.duesMonth.findMany({ where: { memberId }, orderBy: { month: "asc" } });
  return rows.map((r) => [r.month, r.amountFen, r.paymentId]);
}

describe("what a member owes", () => {
  it("starts in the joining month and runs across the new year; paid through December leaves January owed", async () => {
    app.clock.set(new Date("2027-01-10T04:00:00Z"));
    const m = await newMember("2026-07-20", "SALARIED", 300_000);
    const before = await db.$transaction((tx) => owedMonths(tx, m.id, app.clock.now, TZ));
    expect(before.startMonth).toBe(202607);
    expect(before.months.map((o) => o.month)).toEqual([202607, 202608, 202609, 202610, 202611, 202612, 202701]);
    // 3000 元 × 0.2% = 6 元 a month.
    expect(before.totalFen).toBe(7 * 600);
    expect(before.paidThrough).toBeNull();

    const p = await pending(m.id, 6, 3_600, "TEST-L1");
    const result = await settle(p.id);
    expect(result).toMatchObject({ settled: true, monthsFen: 3_600, extraFen: 0, paidThrough: 202612 });
    const after = await db.$transaction((tx) => owedMonths(tx, m.id, app.clock.now, TZ));
    expect(after.paidThrough).toBe(202612);
    expect(after.months).toEqual([{ month: 202701, amountFen: 600 }]);
  });

  it("charges each month the rate in force on its first day when the table changes part-way", async () => {
    app.clock.set(new Date("2027-03-05T04:00:00Z"));
    const m = await newMember("2026-08-04", "NO_INCOME");
    // A new table for members without income from 1 November 2026: 0.50 元.
    const rate = await db.duesRate.create({
      data: { effectiveFrom: new Date("2026-11-01"), category: "NO_INCOME", fixedFen: 50 },
    });
    try {
      const owed = await db.$transaction((tx) => owedMonths(tx, m.id, app.clock.now, TZ));
      expect(owed.months).toEqual([
        { month: 202608, amountFen: 20 },
        { month: 202609, amountFen: 20 },
        { month: 202610, amountFen: 20 },
        { month: 202611, amountFen: 50 },
        { month: 202612, amountFen: 50 },
        { month: 202701, amountFen: 50 },
        { month: 202702, amountFen: 50 },
        { month: 202703, amountFen: 50 },
      ]);
      expect(owed.totalFen).toBe(3 * 20 + 5 * 50);

      // Four months settle at their own rates: 3 × 0.20 + 1 × 0.50, with the 0.10 元 left over as an extra.
      const p = await pending(m.id, 4, 120, "TEST-R1");
      const result = await settle(p.id);
      expect(result).toMatchObject({ settled: true, monthsFen: 110, extraFen: 10 });
      expect((await paidMonths(m.id)).map(([month, fen]) => [month, fen])).toEqual([
        [202608, 20],
        [202609, 20],
        [202610, 20],
        [202611, 50],
      ]);
    } finally {
      await db.duesRate.delete({ where: { id: rate.id } });
    }
  });
});

describe("settling a payment", () => {
  it("covers whole months oldest first, filling a gap before anything later", async () => {
    app.clock.set(new Date("2026-12-15T04:00:00Z"));
    const m = await newMember("2026-06-01", "STUDENT");
    // September was paid on its own (an old cash payment).
    const old = await pending(m.id, 1, 20, "TEST-G0");
    await db.duesPayment.update({ where: { id: old.id }, data: { status: "CONFIRMED" } });
    await db.duesMonth.create({ data: { memberId: m.id, month: 202609, amountFen: 20, paymentId: old.id } });

    const p = await pending(m.id, 5, 100, "TEST-G1");
    const result = await settle(p.id);
    expect(result.settled && result.months.map((x) => x.month)).toEqual([202606, 202607, 202608, 202610, 202611]);
    const owed = await db.$transaction((tx) => owedMonths(tx, m.id, app.clock.now, TZ));
    expect(owed.months.map((o) => o.month)).toEqual([202612]);
    // Paying ahead continues after the current month.
    const ahead = await pending(m.id, 3, 60, "TEST-G2");
    const aheadResult = await settle(ahead.id);
    expect(aheadResult.settled && aheadResult.months.map((x) => x.month)).toEqual([202612, 202701, 202702]);
    expect(aheadResult.settled && aheadResult.paidThrough).toBe(202702);
  });

  it("never settles the same payment twice", async () => {
    const m = await newMember("2026-10-01", "STUDENT");
    const p = await pending(m.id, 2, 40, "TEST-D1");
    expect((await settle(p.id)).settled).toBe(true);
    expect(await settle(p.id)).toEqual({ settled: false, status: "CONFIRMED", handledById: null });
    expect(await db.duesMonth.count({ where: { memberId: m.id } })).toBe(2);
  });

  it("gives two payments settled at the same moment different months", async () => {
    app.clock.set(new Date("2026-12-15T04:00:00Z"));
    const m = await newMember("2026-05-01", "STUDENT");
    const payments = await Promise.all(["TEST-C1", "TEST-C2", "TEST-C3"].map((ref) => pending(m.id, 3, 60, ref)));
    const results = await Promise.all(payments.map((p) => settle(p.id)));
    expect(results.every((r) => r.settled)).toBe(true);
    const rows = await paidMonths(m.id);
    const months = rows.map(([month]) => month);
    expect(months).toEqual([202605, 202606, 202607, 202608, 202609, 202610, 202611, 202612, 202701]);
    // Each payment has its own three months.
    for (const p of payments) expect(rows.filter(([, , paymentId]) => paymentId === p.id)).toHaveLength(3);
  });

  it("lets exactly one of a confirmation and a rejection racing on one payment win", async () => {
    const m = await newMember("2026-10-01", "STUDENT");
    for (let round = 0; round < 5; round++) {
      const p = await pending(m.id, 1, 20, `TEST-RACE${round}`);
      const [settled, rejected] = await Promise.all([
        settle(p.id, "member:7"),
        db.$transaction((tx) => rejectPayment(tx, p.id, { label: "member:8" }, { code: "missing" }, app.clock.now)),
      ]);
      expect([settled.settled, rejected.rejected].filter(Boolean)).toHaveLength(1);
      const row = await db.duesPayment.findUniqueOrThrow({ where: { id: p.id } });
      expect(row.status).toBe(settled.settled ? "CONFIRMED" : "REJECTED");
      expect(await db.duesMonth.count({ where: { paymentId: p.id } })).toBe(settled.settled ? 1 : 0);
    }
  });

  it("records who settled or rejected it in the audit log, with the months", async () => {
    const m = await newMember("2026-11-01", "STUDENT");
    const leader = await db.member.findUniqueOrThrow({ where: { code: "202201000007" } });
    const p = await pending(m.id, 1, 20, "TEST-A1");
    await db.$transaction((tx) =>
      settlePayment(tx, p.id, { memberId: leader.id, label: `member:${leader.id}` }, app.clock.now),
    );
    const q = await pending(m.id, 1, 20, "TEST-A2");
    await db.$transaction((tx) => settlePayment(tx, q.id, { label: "callback" }, app.clock.now));
    const r = await pending(m.id, 1, 20, "TEST-A3");
    await db.$transaction((tx) =>
      rejectPayment(
        tx,
        r.id,
        { memberId: leader.id, label: `member:${leader.id}` },
        { code: "other", text: "重复" },
        app.clock.now,
      ),
    );
    const entries = await db.auditLog.findMany({
      where: { targetType: "DuesPayment", targetId: { in: [p.id, q.id, r.id].map(String) } },
      orderBy: { id: "asc" },
    });
    expect(entries.map((e) => [e.action, e.actorId, e.actorLabel])).toEqual([
      ["dues.payment.settled", leader.id, `member:${leader.id}`],
      ["dues.payment.settled", null, "callback"],
      ["dues.payment.rejected", leader.id, `member:${leader.id}`],
    ]);
    expect(entries[0]!.data).toMatchObject({ reference: "TEST-A1", months: [202611], monthsFen: 20, extraFen: 0 });
    expect(entries[2]!.data).toMatchObject({ reason: "other", text: "重复" });
    expect((await db.duesPayment.findUniqueOrThrow({ where: { id: p.id } })).handledById).toBe(leader.id);
  });
});
