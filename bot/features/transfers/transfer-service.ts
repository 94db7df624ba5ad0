// Reads of transfers (组织关系转接) for the chat views; the state changes live in workflow.ts.
import { type Db, OrgLevel, Prisma, StepStatus, type TransferRequest, type TransferStep } from "../../infra/db.ts";
import { type Fact, readFact, readFacts } from "../../infra/facts.ts";
import { rolesOf, scopeOrgIds } from "../orgs/scope.ts";
import { ACT_ROLES } from "./rules.ts";
import { type Json, named, nameOf, pairs, STEP, stepFromJson, TRANSFER, transferFromJson } from "./transfer-columns.ts";

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

function parseTimeline(value: unknown): OpenTransfer | null {
  if (value === null || value === undefined) return null;
  const row = value as Json<Omit<OpenTransfer, "steps">> & { steps: Json<TimelineStep>[] };
  return { ...transferFromJson(row), steps: row.steps.map(stepFromJson) };
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

export type PendingStep = TransferStep & {
  org: Named;
  claimedBy: Named | null;
  transfer: TransferRequest & { member: Named; fromOrg: Named; toOrg: Named };
};

// `s` is the step.
const PENDING_CARD = `json_build_object(${pairs("s", STEP)},
  'org', ${nameOf("organisations", "s.org_id")},
  'claimedBy', ${nameOf("members", "s.claimed_by_id")},
  'transfer', (SELECT json_build_object(${pairs("t", TRANSFER)},
      'member', ${nameOf("members", "t.member_id")},
      'fromOrg', ${nameOf("organisations", "t.from_org_id")},
      'toOrg', ${nameOf("organisations", "t.to_org_id")})
    FROM transfer_requests t WHERE t.id = s.transfer_id))`;

/** Steps waiting in the leader's organisations, the earliest deadline first: how many, and the first `limit` with
 * what a list row names, in one statement where Prisma's count and include were seven (bench:chat, /pending). */
export async function pendingForLeader(db: Db, leaderId: number, limit: number) {
  const scope = scopeOrgIds(await rolesOf(db, leaderId), ACT_ROLES);
  if (!scope.length) return null;
  // A leader's own transfer is never theirs to decide.
  const waiting = Prisma.sql`
    FROM transfer_steps s
    JOIN organisations o ON o.id = s.org_id
    JOIN transfer_requests r ON r.id = s.transfer_id
    WHERE s.status = 'PENDING' AND o.ancestor_ids && ${scope}::int[] AND r.member_id <> ${leaderId}`;
  return readFacts(db, {
    total: { sql: Prisma.sql`SELECT count(*)::int ${waiting}`, parse: (value) => value as number },
    steps: {
      sql: Prisma.sql`
        SELECT COALESCE(json_agg(card ORDER BY due_at, id), '[]') FROM (
          SELECT ${Prisma.raw(PENDING_CARD)} AS card, s.due_at, s.id ${waiting}
          ORDER BY s.due_at, s.id LIMIT ${limit}) page`,
      parse: (value): PendingStep[] =>
        (value as (Json<Omit<PendingStep, "transfer">> & { transfer: Json<PendingStep["transfer"]> })[]).map(
          (step) => ({ ...stepFromJson(step), transfer: transferFromJson(step.transfer) }),
        ),
    },
  });
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
