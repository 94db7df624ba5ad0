// A week of transfer steps with figures worked out by hand, written straight into the event log the way the
// transfer flow would write it. The week: Monday 2026-11-09 00:00 to Monday 2026-11-16 00:00, Asia/Shanghai.
import type { Db, TransferEventType } from "../../../bot/infra/db.ts";

const HOUR = 3600_000;
/** A local (Asia/Shanghai, UTC+8) wall-clock time as an instant. */
export const local = (isoLocal: string) => new Date(`${isoLocal}+08:00`);
export const WEEK_KEY = "2026-11-09";
/** The Monday the report is sent: 09:00 local, a week after the week began. */
export const REPORT_AT = local("2026-11-16T09:00:00");

export interface StepSpec {
  org: string;
  startedAt: Date;
  slaHours?: number;
  /** Business-hour steps keep a deadline computed from the work calendar; here given directly. */
  businessDueAt?: Date;
  decidedAfterHours?: number;
  decision?: Extract<TransferEventType, "APPROVED" | "REJECTED" | "BRANCH_ASSIGNED">;
  cancelledAfterHours?: number;
}

export function createStepWriter(db: Db) {
  let seq = 0;
  const orgIds = new Map<string, number>();
  const orgId = async (code: string) => {
    if (!orgIds.has(code)) orgIds.set(code, (await db.organisation.findUniqueOrThrow({ where: { code } })).id);
    return orgIds.get(code)!;
  };
  return {
    orgId,
    async step(spec: StepSpec) {
      const member = await db.member.findUniqueOrThrow({ where: { code: "201901000001" } });
      const at = await orgId(spec.org);
      const slaHours = spec.slaHours ?? 72;
      const business = spec.businessDueAt !== undefined;
      const dueAt = spec.businessDueAt ?? new Date(spec.startedAt.getTime() + slaHours * HOUR);
      const transfer = await db.transferRequest.create({
        data: {
          memberId: member.id,
          fromOrgId: member.orgId,
          toOrgId: at,
          reason: "FURTHER_STUDY",
          initiatedById: member.id,
          createdAt: spec.startedAt,
        },
      });
      seq++;
      const decidedAt =
        spec.decidedAfterHours === undefined
          ? null
          : new Date(spec.startedAt.getTime() + spec.decidedAfterHours * HOUR);
      const cancelledAt =
        spec.cancelledAfterHours === undefined
          ? null
          : new Date(spec.startedAt.getTime() + spec.cancelledAfterHours * HOUR);
      const step = await db.transferStep.create({
        data: {
          transferId: transfer.id,
          seq: 1,
          kind: "RECEIVER_APPROVAL",
          orgId: at,
          status: decidedAt
            ? spec.decision === "REJECTED"
              ? "REJECTED"
              : "APPROVED"
            : cancelledAt
              ? "CANCELLED"
              : "PENDING",
          startedAt: spec.startedAt,
          dueAt,
          slaHours,
          slaBusinessHours: business,
          ...(decidedAt ? { decidedAt, decidedById: member.id } : {}),
        },
      });
      const events: { type: TransferEventType; at: Date; data?: object }[] = [
        { type: "STEP_STARTED", at: spec.startedAt, data: { slaHours, business } },
      ];
      if (decidedAt) events.push({ type: spec.decision ?? "APPROVED", at: decidedAt, data: {} });
      if (cancelledAt) events.push({ type: "CANCELLED", at: cancelledAt });
      await db.transferEvent.createMany({
        data: events.map((e) => ({
          transferId: transfer.id,
          stepId: step.id,
          type: e.type,
          orgId: e.type === "CANCELLED" ? null : at,
          actorId: member.id,
          at: e.at,
          data: e.data ?? {},
        })),
      });
      return step;
    },
    async escalation(toOrg: string, at: Date, stepId: number) {
      const step = await db.transferStep.findUniqueOrThrow({ where: { id: stepId } });
      await db.transferEvent.create({
        data: {
          transferId: step.transferId,
          stepId,
          type: "ESCALATED",
          orgId: await orgId(toOrg),
          at,
          data: { stage: 3, level: 1, fromOrgId: step.orgId },
        },
      });
    },
    get count() {
      return seq;
    },
  };
}

/**
 * The SCUT subtree's week (团委 GD-GZ-SCUT → 团总支 CS → 团支部 2201, 2202; 团总支 EE → 团支部 2301):
 * - 2201: five steps, 72 h: decided after 2, 10, 30 h (in time), rejected after 80 h (late: a breach), one never
 *   decided (due Sunday 08:00: a breach); one escalation to 2201. Received 5, in time 3, median of 2/10/30/80 = 20 h,
 *   P90 = 30 + 0.7 × 50 = 65 h, breaches 2, escalations 1.
 * - CS itself: one step decided after 5 h. EE's 2301: steps decided after 1 h (started at the very start of the
 *   week, Monday 00:00 local = Sunday 16:00 UTC) and 3 h, and a business-hour step decided 80 calendar hours later
 *   but before its stored deadline (in time).
 * - SCUT itself: one step started Sunday 20:00, due after the report, undecided (received, not in time, no breach).
 * - Outside the week: 2202 got a step at Sunday 23:59 the week before and one at Monday 00:00 after (neither counts).
 * - 2202: a step cancelled before its deadline (no breach) — started the week before, due in this week.
 */
export async function writeScutWeek(db: Db) {
  const w = createStepWriter(db);
  const day = (d: number, time: string) => local(`2026-11-${String(d).padStart(2, "0")}T${time}`);
  await w.step({ org: "GD-GZ-SCUT-CS-2201", startedAt: day(10, "10:00:00"), decidedAfterHours: 2 });
  await w.step({ org: "GD-GZ-SCUT-CS-2201", startedAt: day(10, "12:00:00"), decidedAfterHours: 10 });
  await w.step({ org: "GD-GZ-SCUT-CS-2201", startedAt: day(11, "09:00:00"), decidedAfterHours: 30 });
  await w.step({
    org: "GD-GZ-SCUT-CS-2201",
    startedAt: day(11, "10:00:00"),
    decidedAfterHours: 80,
    decision: "REJECTED",
  });
  const undecided = await w.step({ org: "GD-GZ-SCUT-CS-2201", startedAt: day(12, "08:00:00") });
  await w.escalation("GD-GZ-SCUT-CS-2201", day(15, "08:00:00"), undecided.id);

  await w.step({ org: "GD-GZ-SCUT-CS", startedAt: day(13, "09:00:00"), decidedAfterHours: 5 });
  await w.step({ org: "GD-GZ-SCUT-EE-2301", startedAt: day(9, "00:00:00"), decidedAfterHours: 1 });
  await w.step({ org: "GD-GZ-SCUT-EE-2301", startedAt: day(14, "15:00:00"), decidedAfterHours: 3 });
  await w.step({
    org: "GD-GZ-SCUT-EE-2301",
    startedAt: day(10, "17:00:00"),
    businessDueAt: day(16, "17:00:00"),
    decidedAfterHours: 80,
  });
  await w.step({ org: "GD-GZ-SCUT", startedAt: day(15, "20:00:00") });

  await w.step({ org: "GD-GZ-SCUT-CS-2202", startedAt: day(8, "23:59:59"), decidedAfterHours: 1 });
  await w.step({ org: "GD-GZ-SCUT-CS-2202", startedAt: day(16, "00:00:00"), decidedAfterHours: 1 });
  await w.step({ org: "GD-GZ-SCUT-CS-2202", startedAt: day(7, "12:00:00"), cancelledAfterHours: 24 });
  return w;
}
