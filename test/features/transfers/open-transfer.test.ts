// A member's transfer in progress, read in one statement, is the row Prisma's include reads: every field of the
// request and each step, the names beside them, times included, in a process on Shanghai time.
import { describe, expect, it } from "vitest";
import { openTransfer } from "../../../bot/features/transfers/transfer-service.ts";
import { processZone } from "../../helpers/process-zone.ts";
import { createTestApp } from "../../helpers/test-app.ts";

const app = await createTestApp();
const { db } = app.deps;
const inZone = processZone();
const viaPrisma = (memberId: number) =>
  db.transferRequest.findFirst({
    where: { memberId, status: "IN_PROGRESS" },
    orderBy: { createdAt: "desc" },
    include: {
      fromOrg: { select: { name: true } },
      toOrg: { select: { name: true } },
      assignedOrg: { select: { name: true } },
      steps: {
        orderBy: { seq: "asc" },
        include: {
          org: { select: { name: true } },
          claimedBy: { select: { name: true } },
          decidedBy: { select: { name: true } },
        },
      },
    },
  });

describe("open transfer", () => {
  it("reads the request and its steps as Prisma does", async () => {
    inZone("Asia/Shanghai");
    const [member, leader, other] = await db.member.findMany({ take: 3, orderBy: { id: "asc" } });
    const [from, to, assigned] = await db.organisation.findMany({ take: 3, orderBy: { id: "desc" } });
    expect(await openTransfer(db, member!.id)).toBeNull();

    const t = (iso: string) => new Date(iso);
    // A closed request first: only the one in progress is shown.
    await db.transferRequest.create({
      data: {
        memberId: member!.id,
        fromOrgId: from!.id,
        toOrgId: to!.id,
        reason: "OTHER",
        status: "CANCELLED",
        initiatedById: member!.id,
        createdAt: t("2026-11-01T00:00:00Z"),
        closedAt: t("2026-11-02T00:00:00Z"),
      },
    });
    const open = await db.transferRequest.create({
      data: {
        memberId: member!.id,
        fromOrgId: from!.id,
        toOrgId: to!.id,
        assignedOrgId: assigned!.id,
        reason: "EMPLOYED_WITH_LEAGUE_ORG",
        reasonNote: "入职",
        destinationName: "字节跳动",
        initiatedById: leader!.id,
        createdAt: t("2026-11-17T16:30:00.123Z"),
      },
    });
    const step = (seq: number, extra: object) =>
      db.transferStep.create({
        data: {
          transferId: open.id,
          seq,
          kind: "SENDER_APPROVAL",
          orgId: seq === 2 ? to!.id : from!.id,
          startedAt: t("2026-11-17T16:30:00.123Z"),
          dueAt: t("2026-11-20T16:30:00.123Z"),
          slaHours: 72,
          slaBusinessHours: seq === 2,
          ...extra,
        },
      });
    // Written out of order: the timeline is by seq.
    await step(2, {
      claimedLevel: 1,
      claimedById: other!.id,
      claimedAt: t("2026-11-18T01:00:00.5Z"),
      escalationLevel: 1,
      slaStage: 3,
    });
    await step(1, {
      status: "APPROVED",
      decidedById: leader!.id,
      decidedAt: t("2026-11-18T00:59:59.999Z"),
      note: "同意",
    });

    const read = await openTransfer(db, member!.id);
    expect(read).toEqual(await viaPrisma(member!.id));
    expect(read!.steps.map((s) => s.seq)).toEqual([1, 2]);
    expect(read!.steps[0]!.decidedBy).toEqual({ name: leader!.name });
    expect(read!.steps[1]!.claimedAt!.toISOString()).toBe("2026-11-18T01:00:00.500Z");
    expect(read!.assignedOrg).toEqual({ name: assigned!.name });

    // In a transaction the same fact goes through Prisma's raw query.
    expect(await db.$transaction((tx) => openTransfer(tx, member!.id))).toEqual(read);
  });
});
