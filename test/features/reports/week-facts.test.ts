// The Monday tables read the week's stored facts (week-facts.ts) instead of the event log: the same figures, for
// every committee of a tree several levels deep, and written once however often the weekly job runs.
import type { Job } from "bullmq";
import { describe, expect, it } from "vitest";
import type { JobData } from "../../../bot/core/queues.ts";
import { buildLeague } from "../../../bot/features/reports/report-service.ts";
import { type GroupFigures, weekFigures } from "../../../bot/features/reports/transfer-stats.ts";
import { weekByKey } from "../../../bot/features/reports/week.ts";
import { ensureWeekFacts, FACTS_WEEKS_KEPT, factsFigures } from "../../../bot/features/reports/week-facts.ts";
import { createReportProcessor } from "../../../workers/reports/report-processor.ts";
import { createTestApp } from "../../helpers/test-app.ts";
import { createStepWriter, local, REPORT_AT, WEEK_KEY, writeScutWeek } from "./week-fixture.ts";

const app = await createTestApp();
const { db } = app.deps;
const week = weekByKey(WEEK_KEY, "Asia/Shanghai");
const day = (d: number, time: string) => local(`2026-11-${String(d).padStart(2, "0")}T${time}`);

// The hand-worked SCUT week, and more across the tree: 天河's branch with a late step escalated up two levels, 中大
// with a business-hour step decided after its deadline, steps decided after the report's moment (undecided as of
// it) and one started after it (not counted), a step cancelled after its deadline (a breach all the same).
const writer = await writeScutWeek(db);
const late = await writer.step({ org: "GD-GZ-TH-XH", startedAt: day(9, "10:00:00"), decidedAfterHours: 100 });
await writer.escalation("GD-GZ-TH", day(12, "10:00:00"), late.id);
await writer.escalation("GD-GZ", day(13, "10:00:00"), late.id);
await writer.step({
  org: "GD-GZ-SYSU-CS-M26",
  startedAt: day(10, "09:00:00"),
  businessDueAt: day(13, "09:00:00"),
  decidedAfterHours: 75,
});
await writer.step({ org: "GD-GZ-SYSU-CS-M26", startedAt: day(14, "09:00:00"), decidedAfterHours: 72 });
await writer.step({ org: "GD-GZ-TH-SP-01", startedAt: day(11, "09:00:00"), decidedAfterHours: 0.25 });
await writer.step({ org: "GD-GZ-TH-SP-01", startedAt: day(11, "11:00:00"), decidedAfterHours: 7.5 });
await writer.step({ org: "GD-GZ-TH-SP-01", startedAt: day(12, "11:00:00"), decidedAfterHours: 7.5 });
await writer.step({ org: "GD-GZ-TH-SP", startedAt: day(10, "08:00:00"), cancelledAfterHours: 80 });
await writer.step({ org: "GD-GZ-TH-SP", startedAt: day(15, "23:00:00"), decidedAfterHours: 12 });
await writer.step({ org: "GD", startedAt: day(12, "12:00:00"), decidedAfterHours: 1 });

/** Every organisation above branch level: each one's table, from the log and from the facts. */
const committees = await db.organisation.findMany({
  where: { level: { not: "BRANCH" } },
  select: { id: true, name: true, ancestorIds: true, code: true },
  orderBy: { id: "asc" },
});
const sorted = (rows: GroupFigures[]) => [...rows].sort((a, b) => (a.orgId ?? 0) - (b.orgId ?? 0));
const grouping = (c: (typeof committees)[number]) =>
  ({ kind: "children", committeeId: c.id, committeeAncestorIds: c.ancestorIds }) as const;

const weeklyJob = () => fakeJob({ task: "weekly" });
const committeeJob = (orgId: number) => fakeJob({ task: "committee", orgId, week: WEEK_KEY });

function fakeJob(data: JobData<"reports">) {
  const job = {
    data,
    async updateData(next: JobData<"reports">) {
      job.data = next;
    },
  };
  return job as unknown as Job<JobData<"reports">>;
}

describe("the week's stored facts", () => {
  it("give every committee the same table as the event log, to the last figure", async () => {
    expect(await ensureWeekFacts(db, week, REPORT_AT)).toEqual(REPORT_AT);
    let compared = 0;
    for (const c of committees) {
      const live = sorted(await weekFigures(db, grouping(c), week, REPORT_AT, { total: true }));
      expect(sorted(await factsFigures(db, grouping(c), week)), c.code).toEqual(live);
      const [fromLog, fromFacts] = await Promise.all([
        buildLeague(db, c, week, REPORT_AT),
        buildLeague(db, c, week, REPORT_AT, { fromFacts: true }),
      ]);
      expect(fromFacts, c.code).toEqual(fromLog);
      if (live.some((r) => r.orgId !== null)) compared++;
    }
    // The fixture reaches the province, the city, three schools' and 天河's subtrees.
    expect(compared).toBeGreaterThanOrEqual(6);
  });

  it("count what the hand-worked week says, with pooled percentiles across children", async () => {
    const gz = committees.find((c) => c.code === "GD-GZ")!;
    const total = (await factsFigures(db, grouping(gz), week)).find((r) => r.orgId === null)!;
    // SCUT's 10 received, 7 in time, 8 decided, 2 breaches; 天河: XH's step decided after its deadline (a breach),
    // SP-01's three in time, SP's cancelled after its deadline (a breach) and its Sunday-night one decided after the
    // report's moment; 中大: the business-hour step decided after its deadline (a breach), the Saturday one decided
    // after the report.
    expect(total).toMatchObject({ received: 18, withinSla: 10, decided: 13, breaches: 5 });
    // 天河's escalation is in its subtree, the city's own counts in its own row, SCUT's one within SCUT.
    expect(total.escalations).toBe(3);
    // Percentiles over the pooled response times of every child: SCUT's 2, 10, 30, 80, 5, 1, 3, 80; XH's 100;
    // SP-01's 0.25, 7.5 and 7.5 again (each time counts); M26's 75. Median of thirteen: the 7th, 7.5; P90: 10.8
    // places along, between the 11th and 12th (80 and 80).
    expect(total.medianHours).toBeCloseTo(7.5, 9);
    expect(total.p90Hours).toBeCloseTo(80, 9);
  });

  it("are as of the first moment they were written: a retried weekly job writes nothing again", async () => {
    const rowsBefore = await db.$queryRaw<object[]>`SELECT * FROM report_week_facts ORDER BY week, org_id`;
    // Steps written after the first run (at an organisation with figures and at one without), and the job run
    // twice more later on.
    await writer.step({ org: "GD-GZ-SCUT-CS-2201", startedAt: day(15, "10:00:00"), decidedAfterHours: 1 });
    await writer.step({ org: "GD-GZ-SYSU", startedAt: day(15, "11:00:00"), decidedAfterHours: 1 });
    const processor = createReportProcessor(app.deps);
    app.clock.set(new Date(REPORT_AT.getTime() + 3600_000));
    await processor(weeklyJob());
    await Promise.all([processor(weeklyJob()), ensureWeekFacts(db, week, app.clock.now)]);
    expect(await db.$queryRaw<object[]>`SELECT * FROM report_week_facts ORDER BY week, org_id`).toEqual(rowsBefore);
    expect(await db.reportWeek.findMany({ select: { week: true, asOf: true } })).toEqual([
      { week: new Date(`${WEEK_KEY}T00:00:00Z`), asOf: REPORT_AT },
    ]);
    // SCUT's table, sent now, is the facts' (10 received), not the log's of this later moment (11).
    const chen = await db.member.findUniqueOrThrow({ where: { code: "201701000003" } });
    await db.chatIdentity.create({
      data: { platform: "CONSOLE", externalUserId: "chen", chatId: "chen", memberId: chen.id, boundAt: app.clock.now },
    });
    const scut = await writer.orgId("GD-GZ-SCUT");
    await processor(committeeJob(scut));
    const sent = await db.outboxMessage.findFirstOrThrow({ where: { messageKey: "reports-table" } });
    expect(sent.args).toMatchObject({ received: 10, within: 7 });
    const scutNow = await weekFigures(db, grouping(committees.find((c) => c.id === scut)!), week, app.clock.now, {
      total: true,
    });
    expect(scutNow.find((r) => r.orgId === null)).toMatchObject({ received: 11 });
  });

  it("are written by the weekly job before it queues the committees' jobs", async () => {
    const monday = local("2026-11-09T09:00:00");
    app.clock.set(monday);
    await createReportProcessor(app.deps)(weeklyJob());
    const jobs = await app.deps.queues.reports.getJobs(["waiting", "prioritized", "delayed"]);
    for (const job of jobs) await job.remove();
    expect(jobs.length).toBeGreaterThan(0);
    expect(await db.reportWeek.findUnique({ where: { week: new Date("2026-11-02T00:00:00Z") } })).toMatchObject({
      asOf: monday,
    });
    // The week before: 2202's step at Sunday 23:59:59 and the one cancelled (due in the week after).
    expect(await db.reportWeekFact.findMany({ where: { week: new Date("2026-11-02T00:00:00Z") } })).toMatchObject([
      { orgId: await writer.orgId("GD-GZ-SCUT-CS-2202"), received: 2, withinSla: 1, hours: [1] },
    ]);
  });

  it("write a week nobody has computed yet once, however many ask at the same moment", async () => {
    const next = weekByKey("2026-11-16", "Asia/Shanghai");
    await createStepWriter(db).step({
      org: "GD-GZ-TH-XH",
      startedAt: local("2026-11-17T10:00:00"),
      decidedAfterHours: 2,
    });
    const at = local("2026-11-23T09:00:00");
    const moments = await Promise.all([1, 2, 3].map((i) => ensureWeekFacts(db, next, new Date(at.getTime() + i))));
    // One of them wrote the week; the others waited for it and read its moment.
    expect(new Set(moments.map((m) => m.getTime())).size).toBe(1);
    const rows = await db.reportWeekFact.findMany({
      where: { week: new Date("2026-11-16T00:00:00Z") },
      orderBy: { orgId: "asc" },
    });
    // That step, 2202's Monday 00:00 one, and SCUT's Sunday-evening step, never decided, overdue on Wednesday (a
    // breach of that week; 中大's Saturday step was decided right at its deadline: none).
    expect(
      rows.map(({ orgId, received, withinSla, breaches, hours }) => ({ orgId, received, withinSla, breaches, hours })),
    ).toEqual(
      [
        { orgId: await writer.orgId("GD-GZ-SCUT-CS-2202"), received: 1, withinSla: 1, breaches: 0, hours: [1] },
        { orgId: await writer.orgId("GD-GZ-SCUT"), received: 0, withinSla: 0, breaches: 1, hours: [] },
        { orgId: await writer.orgId("GD-GZ-TH-XH"), received: 1, withinSla: 1, breaches: 0, hours: [2] },
      ].sort((a, b) => a.orgId - b.orgId),
    );
  });

  it(`keep ${FACTS_WEEKS_KEPT} weeks before the one written, and let older ones go`, async () => {
    const later = weekByKey("2026-12-21", "Asia/Shanghai");
    await ensureWeekFacts(db, later, local("2026-12-28T09:00:00"));
    // 2026-11-09 is six weeks before 12-21; 11-16 is five.
    expect(
      (await db.reportWeek.findMany({ orderBy: { week: "asc" } })).map((w) => w.week.toISOString().slice(0, 10)),
    ).toEqual(["2026-11-16", "2026-12-21"]);
    expect(await db.reportWeekFact.count({ where: { week: new Date(`${WEEK_KEY}T00:00:00Z`) } })).toBe(0);
  });
});
