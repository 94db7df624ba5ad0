// Reports over an organisation's subtree, as JSON or CSV (`?format=csv` or `Accept: text/csv`).
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { monthOf } from "../../../features/dues/months.ts";
import { responseRate, type WeekFigures } from "../../../features/reports/rules.ts";
import { weekFigures } from "../../../features/reports/transfer-stats.ts";
import { lastFullWeek, weekByKey } from "../../../features/reports/week.ts";
import { HttpError } from "../auth.ts";
import { type AdminDeps, listRoot } from "../context.ts";
import { sendReport } from "../csv.ts";
import { type AttendanceRow, activityAttendance, type DuesCollectionRow, duesCollection } from "../report-queries.ts";
import { dateSchema, formatQuery, monthSchema, orgQuery } from "../schemas.ts";

/** A row of the service-level report: one child of the asked organisation with its subtree, or the total. */
interface SlaRow extends WeekFigures {
  orgId: number | null;
  code: string;
  name: string;
  responseRate: number | null;
}

const round1 = (n: number | null) => (n === null ? null : Math.round(n * 10) / 10);
const slaColumns = [
  { header: "org_id", value: (r: SlaRow) => r.orgId },
  { header: "org_code", value: (r: SlaRow) => r.code },
  { header: "org_name", value: (r: SlaRow) => r.name },
  { header: "received", value: (r: SlaRow) => r.received },
  { header: "within_sla", value: (r: SlaRow) => r.withinSla },
  { header: "decided", value: (r: SlaRow) => r.decided },
  { header: "median_hours", value: (r: SlaRow) => r.medianHours },
  { header: "p90_hours", value: (r: SlaRow) => r.p90Hours },
  { header: "breaches", value: (r: SlaRow) => r.breaches },
  { header: "escalations", value: (r: SlaRow) => r.escalations },
  { header: "response_rate", value: (r: SlaRow) => r.responseRate },
];

const duesColumns = [
  { header: "org_id", value: (r: DuesCollectionRow) => r.orgId },
  { header: "org_code", value: (r: DuesCollectionRow) => r.code },
  { header: "org_name", value: (r: DuesCollectionRow) => r.name },
  { header: "members", value: (r: DuesCollectionRow) => r.members },
  { header: "paid", value: (r: DuesCollectionRow) => r.paid },
  { header: "amount_fen", value: (r: DuesCollectionRow) => r.amountFen },
];

const attendanceColumns = [
  { header: "activity_id", value: (r: AttendanceRow) => r.activityId },
  { header: "title", value: (r: AttendanceRow) => r.title },
  { header: "org_code", value: (r: AttendanceRow) => r.orgCode },
  { header: "starts_at", value: (r: AttendanceRow) => r.startsAt },
  { header: "status", value: (r: AttendanceRow) => r.status },
  { header: "capacity", value: (r: AttendanceRow) => r.capacity },
  { header: "confirmed", value: (r: AttendanceRow) => r.confirmed },
  { header: "waitlisted", value: (r: AttendanceRow) => r.waitlisted },
  { header: "checked_in", value: (r: AttendanceRow) => r.checkedIn },
  { header: "attendance_rate", value: (r: AttendanceRow) => r.attendanceRate },
];

const reportTags = ["reports"];
const round1000 = (n: number | null) => (n === null ? null : Math.round(n * 1000) / 1000);
const csvNote = " As CSV with ?format=csv or Accept: text/csv.";

export const reportRoutes: FastifyPluginAsyncZod<AdminDeps> = async (app, deps) => {
  const { db, config } = deps;

  app.get(
    "/reports/transfer-sla",
    {
      schema: {
        summary:
          "Transfer service level for one week (Monday to Sunday), per child of the organisation (its subtree " +
          `rolled up, the organisation's own steps under itself) and in total, from the event log.${csvNote}`,
        tags: reportTags,
        querystring: z.object({
          ...orgQuery,
          ...formatQuery,
          week: dateSchema.optional().describe("any day of the week; default the last complete week"),
        }),
      },
    },
    async (request, reply) => {
      const root = await listRoot(db, request.principal!, request.query.orgId);
      const now = deps.now();
      const week = request.query.week ? weekByKey(request.query.week, config.TZ) : lastFullWeek(now, config.TZ);
      // The same figures as the weekly league table in chat (bot/features/reports), as known now.
      const figures = await weekFigures(
        db,
        { kind: "children", committeeId: root.id, committeeAncestorIds: root.ancestorIds },
        week,
        now,
        { total: true },
      );
      const orgs = new Map(
        (
          await db.organisation.findMany({
            where: { id: { in: figures.flatMap((f) => (f.orgId === null ? [] : [f.orgId])) } },
            select: { id: true, code: true, name: true },
          })
        ).map((o) => [o.id, o]),
      );
      const rows: SlaRow[] = figures
        .map((f) => ({
          ...f,
          medianHours: round1(f.medianHours),
          p90Hours: round1(f.p90Hours),
          code: f.orgId === null ? "" : (orgs.get(f.orgId)?.code ?? ""),
          name: f.orgId === null ? "(total)" : (orgs.get(f.orgId)?.name ?? ""),
          responseRate: round1000(responseRate(f)),
        }))
        // Children by code, the total last.
        .sort((x, y) => (x.orgId === null ? 1 : y.orgId === null ? -1 : x.code.localeCompare(y.code)));
      return sendReport(request, reply, {
        name: `transfer-sla-${root.code}-${week.key}`,
        columns: slaColumns,
        rows,
        json: {
          orgId: root.id,
          weekStart: week.key,
          weekEnd: week.lastDay,
          rows: rows.filter((r) => r.orgId !== null),
          total: rows.find((r) => r.orgId === null) ?? null,
        },
      });
    },
  );

  app.get(
    "/reports/dues",
    {
      schema: {
        summary: `Dues collection per organisation for one month.${csvNote}`,
        tags: reportTags,
        querystring: z.object({
          ...orgQuery,
          ...formatQuery,
          month: monthSchema.optional().describe("yyyymm; default the current month"),
        }),
      },
    },
    async (request, reply) => {
      const root = await listRoot(db, request.principal!, request.query.orgId);
      const month = request.query.month ?? monthOf(deps.now(), config.TZ);
      const rows = await duesCollection(db, root.id, month);
      return sendReport(request, reply, {
        name: `dues-${root.code}-${month}`,
        columns: duesColumns,
        rows,
        json: { orgId: root.id, month, rows },
      });
    },
  );

  app.get(
    "/reports/activities",
    {
      schema: {
        summary: `Sign-ups and check-ins of the activities starting in a date range.${csvNote}`,
        tags: reportTags,
        querystring: z.object({
          ...orgQuery,
          ...formatQuery,
          from: dateSchema.describe("first day (inclusive)"),
          to: dateSchema.describe("last day (inclusive)"),
        }),
      },
    },
    async (request, reply) => {
      const { from, to } = request.query;
      if (to < from) throw new HttpError(400, "querystring.to: must not be before from");
      const root = await listRoot(db, request.principal!, request.query.orgId);
      // Whole days in the configured time zone.
      const [start, end] = await Promise.all([zonedMidnight(db, from, config.TZ), zonedMidnight(db, to, config.TZ, 1)]);
      const rows = await activityAttendance(db, root.id, start, end);
      return sendReport(request, reply, {
        name: `activities-${root.code}-${from}-${to}`,
        columns: attendanceColumns,
        rows,
        json: { orgId: root.id, from, to, rows },
      });
    },
  );
};

async function zonedMidnight(db: AdminDeps["db"], date: string, timeZone: string, plusDays = 0): Promise<Date> {
  const [row] = await db.$queryRaw<{ at: Date }[]>`
    SELECT ((${date}::date + ${plusDays}::int)::timestamp AT TIME ZONE ${timeZone}) AS at`;
  return row!.at;
}
