// The weekly figures against a week worked out by hand (week-fixture.ts): per organisation, rolled up to a
// committee's children, the grand total, and the week's edges in Asia/Shanghai.
import { describe, expect, it } from "vitest";
import { rankWorstFirst } from "../../../bot/features/reports/rules.ts";
import { activeCommittees, type GroupFigures, weekFigures } from "../../../bot/features/reports/transfer-stats.ts";
import { weekByKey } from "../../../bot/features/reports/week.ts";
import { createTestApp } from "../../helpers/test-app.ts";
import { local, REPORT_AT, WEEK_KEY, writeScutWeek } from "./week-fixture.ts";

const app = await createTestApp();
const { db } = app.deps;
const writer = await writeScutWeek(db);
const week = weekByKey(WEEK_KEY, "Asia/Shanghai");
const id = writer.orgId;
const scut = await db.organisation.findUniqueOrThrow({ where: { code: "GD-GZ-SCUT" } });

const byOrg = (rows: GroupFigures[]) => new Map(rows.map((r) => [r.orgId, r]));

describe("weekly transfer figures", () => {
  it("counts one branch's five steps as worked out by hand", async () => {
    const rows = byOrg(await weekFigures(db, { kind: "all" }, week, REPORT_AT));
    expect(rows.get(await id("GD-GZ-SCUT-CS-2201"))).toEqual({
      orgId: await id("GD-GZ-SCUT-CS-2201"),
      received: 5,
      withinSla: 3,
      decided: 4,
      medianHours: 20,
      p90Hours: 65,
      breaches: 2,
      escalations: 1,
    });
  });

  it("keeps to the week in Asia/Shanghai: Monday 00:00 local counts, Sunday 23:59:59 before does not", async () => {
    const rows = byOrg(await weekFigures(db, { kind: "all" }, week, REPORT_AT));
    // Monday 00:00 local is Sunday 16:00 UTC: a step then belongs to this week although UTC says Sunday.
    expect(week.start.toISOString()).toBe("2026-11-08T16:00:00.000Z");
    expect(week.end.toISOString()).toBe("2026-11-15T16:00:00.000Z");
    expect(rows.get(await id("GD-GZ-SCUT-EE-2301"))).toMatchObject({ received: 3, withinSla: 3 });
    // 2202: one step a second before the week, one at the next Monday 00:00, one cancelled before its deadline.
    expect(rows.has(await id("GD-GZ-SCUT-CS-2202"))).toBe(false);
    // The week before holds the 23:59:59 step (decided in an hour) and the cancelled one.
    const before = byOrg(await weekFigures(db, { kind: "all" }, weekByKey("2026-11-02", "Asia/Shanghai"), REPORT_AT));
    expect(before.get(await id("GD-GZ-SCUT-CS-2202"))).toMatchObject({ received: 2, withinSla: 1, decided: 1 });
  });

  it("counts a business-hour step by its stored deadline, not 72 calendar hours", async () => {
    // 2301's steps took 1, 3 and 80 hours; the 80-hour one was a business-hour step decided before its dueAt.
    const rows = byOrg(await weekFigures(db, { kind: "all" }, week, REPORT_AT));
    expect(rows.get(await id("GD-GZ-SCUT-EE-2301"))).toMatchObject({ received: 3, withinSla: 3, breaches: 0 });
  });

  it("rolls each child's subtree up for the committee, with a pooled total", async () => {
    const rows = await weekFigures(
      db,
      { kind: "children", committeeId: scut.id, committeeAncestorIds: scut.ancestorIds },
      week,
      REPORT_AT,
      { total: true },
    );
    const groups = byOrg(rows);
    // CS = CS itself (5 h) + 2201 (2, 10, 30, 80 h): median of 2/5/10/30/80 = 10, P90 = 30 + 0.6 × 50 = 60.
    expect(groups.get(await id("GD-GZ-SCUT-CS"))).toMatchObject({
      received: 6,
      withinSla: 4,
      decided: 5,
      medianHours: 10,
      p90Hours: 60,
      breaches: 2,
      escalations: 1,
    });
    // EE = 2301: 1, 3, 80 h → median 3, P90 = 3 + 0.8 × 77 = 64.6.
    const ee = groups.get(await id("GD-GZ-SCUT-EE"))!;
    expect(ee).toMatchObject({ received: 3, withinSla: 3, medianHours: 3, breaches: 0, escalations: 0 });
    expect(ee.p90Hours).toBeCloseTo(64.6, 9);
    // The committee's own step, still inside its window at report time.
    expect(groups.get(scut.id)).toMatchObject({
      received: 1,
      withinSla: 0,
      decided: 0,
      medianHours: null,
      breaches: 0,
    });
    // Total: 1, 2, 3, 5, 10, 30, 80, 80 h → median 7.5, P90 80.
    expect(groups.get(null)).toMatchObject({
      received: 10,
      withinSla: 7,
      decided: 8,
      medianHours: 7.5,
      p90Hours: 80,
      breaches: 2,
      escalations: 1,
    });
    expect(rows).toHaveLength(4);
  });

  it("gives the same figures whether decisions are looked up step by step or read in one pass", async () => {
    const grouping = { kind: "children", committeeId: scut.id, committeeAncestorIds: scut.ancestorIds } as const;
    const sorted = (rows: GroupFigures[]) => [...rows].sort((a, b) => (a.orgId ?? 0) - (b.orgId ?? 0));
    const byStep = await weekFigures(db, grouping, week, REPORT_AT, { total: true });
    const onePass = await weekFigures(db, grouping, week, REPORT_AT, { total: true, onePassAboveOrgs: 0 });
    expect(sorted(onePass)).toEqual(sorted(byStep));
  });

  it("orders the children worst first", async () => {
    const rows = await weekFigures(
      db,
      { kind: "children", committeeId: scut.id, committeeAncestorIds: scut.ancestorIds },
      week,
      REPORT_AT,
    );
    const named = rows.map((r) => ({ ...r, orgId: r.orgId!, name: String(r.orgId) }));
    expect(rankWorstFirst(named).map((r) => r.orgId)).toEqual([
      scut.id, // 0 of 1
      await id("GD-GZ-SCUT-CS"), // 4 of 6
      await id("GD-GZ-SCUT-EE"), // 3 of 3
    ]);
  });

  it("counts only what was known at the time asked", async () => {
    // Saturday noon: the 80-hour rejection (due Saturday 10:00) is late and undecided, the other undecided step is
    // not due until Sunday 08:00, and the escalation has not happened.
    const rows = byOrg(await weekFigures(db, { kind: "all" }, week, local("2026-11-14T12:00:00")));
    expect(rows.get(await id("GD-GZ-SCUT-CS-2201"))).toMatchObject({
      received: 5,
      withinSla: 3,
      decided: 3,
      medianHours: 10,
      breaches: 1,
      escalations: 0,
    });
  });

  it("finds committees with staff whose subtree was active", async () => {
    // SCUT has staff (陈刚) and activity; 天河 has staff but no activity; 中大, 广州 and 广东 have no staff.
    expect(await activeCommittees(db, week, 0, 100)).toEqual({ committees: [scut.id], next: null });
    // In batches of one candidate: SCUT first, then 天河 (staff, quiet), then the end.
    const tianhe = await id("GD-GZ-TH");
    expect(await activeCommittees(db, week, 0, 1)).toEqual({ committees: [scut.id], next: scut.id });
    expect(await activeCommittees(db, week, scut.id, 1)).toEqual({ committees: [], next: tianhe });
    expect(await activeCommittees(db, week, tianhe, 1)).toEqual({ committees: [], next: null });
  });
});
