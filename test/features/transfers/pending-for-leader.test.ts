// A leader's /pending list, read in one statement, is what Prisma's count and include read: the steps waiting in
// their organisations (never their own transfer), earliest deadline first, every field and the names beside them.
import { describe, expect, it } from "vitest";
import { pendingForLeader } from "../../../bot/features/transfers/transfer-service.ts";
import { createTestApp } from "../../helpers/test-app.ts";

const app = await createTestApp();
const { db } = app.deps;
const orgName = { select: { name: true } } as const;

async function viaPrisma(leaderId: number, scope: number[], limit: number) {
  const where = {
    status: "PENDING" as const,
    org: { ancestorIds: { hasSome: scope } },
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
        claimedBy: orgName,
        transfer: { include: { member: orgName, fromOrg: orgName, toOrg: orgName } },
      },
    }),
  ]);
  return { total, steps };
}

describe("pending for a leader", () => {
  it("lists the waiting steps in their scope as Prisma does", async () => {
    const role = await db.roleAssignment.findFirstOrThrow({ where: { role: "BRANCH_SECRETARY" } });
    const leaderId = role.memberId;
    const [inside, other] = await db.member.findMany({
      where: { orgId: role.orgId, id: { not: leaderId }, roles: { none: {} } },
      take: 2,
      orderBy: { id: "asc" },
    });
    const elsewhere = await db.organisation.findFirstOrThrow({ where: { NOT: { ancestorIds: { has: role.orgId } } } });
    const due = (hours: number) => new Date(Date.UTC(2026, 10, 20, hours, 0, 0, 123));
    const waiting = async (memberId: number, orgId: number, dueAt: Date, extra: object = {}) => {
      const t = await db.transferRequest.create({
        data: { memberId, fromOrgId: orgId, toOrgId: elsewhere.id, reason: "OTHER", initiatedById: memberId },
      });
      return db.transferStep.create({
        data: {
          transferId: t.id,
          seq: 1,
          kind: "SENDER_APPROVAL",
          orgId,
          startedAt: due(0),
          dueAt,
          slaHours: 72,
          slaBusinessHours: false,
          ...extra,
        },
      });
    };
    const later = await waiting(inside!.id, role.orgId, due(9));
    const sooner = await waiting(other!.id, role.orgId, due(3), {
      claimedById: leaderId,
      claimedAt: due(1),
      claimedLevel: 0,
    });
    await waiting(leaderId, role.orgId, due(1)); // their own: never listed
    await waiting(inside!.id, elsewhere.id, due(2)); // outside their scope

    const found = await pendingForLeader(db, leaderId, 10);
    expect(found).toEqual(await viaPrisma(leaderId, [role.orgId], 10));
    expect(found!.steps.map((s) => s.id)).toEqual([sooner.id, later.id]);
    expect(found!.steps[0]!.claimedBy).not.toBeNull();
    expect(found!.steps[1]!.claimedBy).toBeNull();

    const first = await pendingForLeader(db, leaderId, 1);
    expect(first).toMatchObject({ total: 2 });
    expect(first!.steps.map((s) => s.id)).toEqual([sooner.id]);
    expect(await pendingForLeader(db, inside!.id, 10)).toBeNull();
  });
});
