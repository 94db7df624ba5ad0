// Reads of transfers (组织关系转接) for the chat views; the state changes live in workflow.ts.
import { type Db, OrgLevel, type Prisma, StepStatus, TransferStatus } from "../../infra/db.ts";
import { rolesOf, scopeOrgIds } from "../orgs/scope.ts";
import { ACT_ROLES } from "./rules.ts";

type Tx = Prisma.TransactionClient | Db;

const orgName = { select: { name: true } } as const;
const who = { select: { name: true } } as const;

const timelineInclude = {
  fromOrg: orgName,
  toOrg: orgName,
  assignedOrg: orgName,
  steps: {
    orderBy: { seq: "asc" },
    include: { org: orgName, claimedBy: who, decidedBy: who },
  },
} as const satisfies Prisma.TransferRequestInclude;

/** The member's transfer in progress with its steps in order, or null. */
export async function openTransfer(db: Tx, memberId: number) {
  return db.transferRequest.findFirst({
    where: { memberId, status: TransferStatus.IN_PROGRESS },
    orderBy: { createdAt: "desc" },
    include: timelineInclude,
  });
}

/** The member's latest request if it was rejected and not yet resubmitted: the one to fix. */
export async function rejectedToFix(db: Tx, memberId: number) {
  const latest = await db.transferRequest.findFirst({
    where: { memberId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    include: { ...timelineInclude, _count: { select: { resubmits: true } } },
  });
  return latest?.status === TransferStatus.REJECTED && latest._count.resubmits === 0 ? latest : null;
}

export type OpenTransfer = NonNullable<Awaited<ReturnType<typeof openTransfer>>>;

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
