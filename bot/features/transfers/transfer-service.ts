// Reads of transfers (组织关系转接) for the chat views; the state changes live in workflow.ts.
import { type Db, OrgLevel, Prisma, StepStatus, type TransferRequest, type TransferStep } from "../../infra/db.ts";
import { type Fact, readFact } from "../../infra/facts.ts";
import { jsonTime } from "../../infra/utc-values.ts";
import { rolesOf, scopeOrgIds } from "../orgs/scope.ts";
import { ACT_ROLES } from "./rules.ts";

type Tx = Prisma.TransactionClient | Db;

const orgName = { select: { name: true } } as const;
const who = { select: { name: true } } as const;

type Named = { name: string };
export type TimelineStep = TransferStep & { org: Named; claimedBy: Named | null; decidedBy: Named | null };
export type OpenTransfer = TransferRequest & {
  fromOrg: Named;
  toOrg: Named;
  assignedOrg: Named | null;
  steps: TimelineStep[];
};

// Every field of each model and its column: `satisfies` makes a field added to the schema a compile error here.
const TRANSFER = {
  id: "id",
  memberId: "member_id",
  fromOrgId: "from_org_id",
  toOrgId: "to_org_id",
  assignedOrgId: "assigned_org_id",
  reason: "reason",
  reasonNote: "reason_note",
  destinationName: "destination_name",
  status: "status",
  initiatedById: "initiated_by_id",
  previousId: "previous_id",
  createdAt: "created_at",
  closedAt: "closed_at",
} as const satisfies Record<keyof TransferRequest, string>;

const STEP = {
  id: "id",
  transferId: "transfer_id",
  seq: "seq",
  kind: "kind",
  orgId: "org_id",
  status: "status",
  startedAt: "started_at",
  dueAt: "due_at",
  slaHours: "sla_hours",
  slaBusinessHours: "sla_business_hours",
  escalationLevel: "escalation_level",
  slaStage: "sla_stage",
  claimedLevel: "claimed_level",
  claimedById: "claimed_by_id",
  claimedAt: "claimed_at",
  decidedById: "decided_by_id",
  decidedAt: "decided_at",
  rejectCode: "reject_code",
  note: "note",
} as const satisfies Record<keyof TransferStep, string>;

const pairs = (alias: string, fields: Record<string, string>) =>
  Object.entries(fields)
    .map(([field, column]) => `'${field}', ${alias}.${column}`)
    .join(", ");
const named = (alias: string) =>
  `CASE WHEN ${alias}.id IS NULL THEN NULL ELSE json_build_object('name', ${alias}.name) END`;

const TIMELINE = Prisma.raw(`json_build_object(${pairs("t", TRANSFER)},
  'fromOrg', ${named("fo")}, 'toOrg', ${named("tdo")}, 'assignedOrg', ${named("ao")},
  'steps', COALESCE((
    SELECT json_agg(json_build_object(${pairs("s", STEP)},
             'org', ${named("so")}, 'claimedBy', ${named("cb")}, 'decidedBy', ${named("dc")}) ORDER BY s.seq)
    FROM transfer_steps s
    JOIN organisations so ON so.id = s.org_id
    LEFT JOIN members cb ON cb.id = s.claimed_by_id
    LEFT JOIN members dc ON dc.id = s.decided_by_id
    WHERE s.transfer_id = t.id), '[]'))`);

type Json<T> = { [K in keyof T]: T[K] extends Date ? string : T[K] extends Date | null ? string | null : T[K] };

function parseTimeline(value: unknown): OpenTransfer | null {
  if (value === null || value === undefined) return null;
  const row = value as Json<Omit<OpenTransfer, "steps">> & { steps: Json<TimelineStep>[] };
  return {
    ...row,
    createdAt: jsonTime(row.createdAt),
    closedAt: jsonTime(row.closedAt),
    steps: row.steps.map((step) => ({
      ...step,
      startedAt: jsonTime(step.startedAt),
      dueAt: jsonTime(step.dueAt),
      claimedAt: jsonTime(step.claimedAt),
      decidedAt: jsonTime(step.decidedAt),
    })),
  };
}

/** The latest request matching `where` (on `t`, the request), with its timeline: one statement where Prisma's
 * include was six (bench:chat). */
function timelineFact(where: Prisma.Sql): Fact<OpenTransfer | null> {
  return {
    sql: Prisma.sql`
      SELECT ${TIMELINE}
      FROM transfer_requests t
      JOIN organisations fo ON fo.id = t.from_org_id
      JOIN organisations tdo ON tdo.id = t.to_org_id
      LEFT JOIN organisations ao ON ao.id = t.assigned_org_id
      WHERE ${where}
      ORDER BY t.created_at DESC, t.id DESC
      LIMIT 1`,
    parse: parseTimeline,
  };
}

/** The member's transfer in progress with its steps in order, or null. */
export function openTransfer(db: Tx, memberId: number): Promise<OpenTransfer | null> {
  return readFact(db, timelineFact(Prisma.sql`t.member_id = ${memberId} AND t.status = 'IN_PROGRESS'`));
}

/** The member's latest request if it was rejected and not yet resubmitted: the one to fix. */
export function rejectedToFix(db: Tx, memberId: number): Promise<OpenTransfer | null> {
  return readFact(
    db,
    timelineFact(Prisma.sql`
      t.id = (SELECT id FROM transfer_requests WHERE member_id = ${memberId} ORDER BY created_at DESC, id DESC LIMIT 1)
      AND t.status = 'REJECTED'
      AND NOT EXISTS (SELECT 1 FROM transfer_requests r WHERE r.previous_id = t.id)`),
  );
}

/** The step waiting for someone: the first pending one. */
export function currentStep<T extends { status: StepStatus; seq: number }>(steps: T[]): T | undefined {
  return steps.find((s) => s.status === StepStatus.PENDING);
}

/** The prefill for a resubmission: the rejected request, if it is the member's and still the one to fix. */
export async function resubmittable(db: Tx, memberId: number, transferId: number) {
  const t = await rejectedToFix(db, memberId);
  return t && t.id === transferId ? t : null;
}

/** Steps waiting in the leader's organisations, the earliest deadline first. */
export async function pendingForLeader(db: Db, leaderId: number, limit: number) {
  const scope = scopeOrgIds(await rolesOf(db, leaderId), ACT_ROLES);
  if (!scope.length) return null;
  const where: Prisma.TransferStepWhereInput = {
    status: StepStatus.PENDING,
    org: { ancestorIds: { hasSome: scope } },
    // A leader's own transfer is never theirs to decide.
    transfer: { memberId: { not: leaderId } },
  };
  const [total, steps] = await Promise.all([
    db.transferStep.count({ where }),
    db.transferStep.findMany({
      where,
      orderBy: [{ dueAt: "asc" }, { id: "asc" }],
      take: limit,
      include: {
        org: orgName,
        claimedBy: who,
        transfer: { include: { member: who, fromOrg: orgName, toOrg: orgName } },
      },
    }),
  ]);
  return { total, steps };
}

/** One waiting step as a card for a leader. */
export async function stepCard(db: Db, stepId: number) {
  return db.transferStep.findUnique({
    where: { id: stepId },
    include: {
      org: orgName,
      claimedBy: who,
      decidedBy: who,
      transfer: { include: { member: who, fromOrg: orgName, toOrg: orgName } },
    },
  });
}

/** 团支部 under the organisation (its subtree), matching the typed text when given. */
export async function branchesUnder(db: Db, orgId: number, text: string | undefined, limit: number) {
  const q = text?.trim();
  return db.organisation.findMany({
    where: {
      level: OrgLevel.BRANCH,
      ancestorIds: { has: orgId },
      ...(q
        ? {
            OR: [
              { name: { contains: q } },
              { shortName: { contains: q } },
              { initials: { startsWith: q.toLowerCase() } },
              { pinyin: { startsWith: q.toLowerCase() } },
            ],
          }
        : {}),
    },
    orderBy: [{ depth: "asc" }, { name: "asc" }],
    take: limit,
    select: { id: true, name: true },
  });
}
