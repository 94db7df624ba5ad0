// The workflow's one-statement reads of a request and a step are the rows Prisma's includes read: every field, the
// names and levels beside them, times included, inside a transaction and on the pool, in a process on Shanghai time.
import { describe, expect, it } from "vitest";
import { loadStep, loadTransfer, submitFacts } from "../../../bot/features/transfers/workflow-reads.ts";
import { processZone } from "../../helpers/process-zone.ts";
import { createTestApp } from "../../helpers/test-app.ts";

const app = await createTestApp();
const { db } = app.deps;
const inZone = processZone();
const transferInclude = {
  member: { select: { name: true } },
  fromOrg: { select: { name: true } },
  toOrg: { select: { name: true, level: true } },
} as const;

describe("workflow reads", () => {
  it("read a request and a step as Prisma's includes do", async () => {
    inZone("Asia/Shanghai");
    const [member, leader] = await db.member.findMany({ take: 2, orderBy: { id: "asc" } });
    const [from, to] = await db.organisation.findMany({ take: 2, orderBy: { id: "desc" } });
    const t = (iso: string) => new Date(iso);
    const request = await db.transferRequest.create({
      data: {
        memberId: member!.id,
        fromOrgId: from!.id,
        toOrgId: to!.id,
        reason: "EMPLOYED_WITH_LEAGUE_ORG",
        reasonNote: "入职",
        destinationName: "字节跳动",
        initiatedById: leader!.id,
        createdAt: t("2026-11-17T16:30:00.123Z"),
      },
    });
    const step = await db.transferStep.create({
      data: {
        transferId: request.id,
        seq: 1,
        kind: "SENDER_APPROVAL",
        orgId: from!.id,
        startedAt: t("2026-11-17T16:30:00.123Z"),
        dueAt: t("2026-11-20T16:30:00.123Z"),
        slaHours: 72,
        slaBusinessHours: true,
        claimedLevel: 1,
        claimedById: leader!.id,
        claimedAt: t("2026-11-18T01:00:00.5Z"),
        escalationLevel: 1,
        slaStage: 2,
        note: "稍后",
      },
    });

    const viaPrisma = await db.transferStep.findUnique({
      where: { id: step.id },
      include: {
        org: { select: { name: true, ancestorIds: true } },
        transfer: { include: transferInclude },
      },
    });
    const read = await db.$transaction((tx) => loadStep(tx, step.id));
    expect(read).toEqual(viaPrisma);
    expect(read!.transfer.toOrg).toEqual({ name: to!.name, level: to!.level });
    expect(read!.claimedAt!.toISOString()).toBe("2026-11-18T01:00:00.500Z");
    expect(await loadStep(db, step.id)).toEqual(read);
    expect(await db.$transaction((tx) => loadTransfer(tx, request.id))).toEqual(
      await db.transferRequest.findUnique({ where: { id: request.id }, include: transferInclude }),
    );

    expect(await loadStep(db, step.id + 1_000_000)).toBeNull();
    expect(await db.$transaction((tx) => loadTransfer(tx, request.id + 1_000_000))).toBeNull();
  });

  it("give a submission its open requests, its destination and where the member is", async () => {
    const member = await db.member.findFirstOrThrow({ include: { org: true }, orderBy: { id: "desc" } });
    const to = await db.organisation.findFirstOrThrow({ where: { id: { not: member.orgId } } });
    const facts = (toOrgId: number) => db.$transaction((tx) => submitFacts(tx, member.id, toOrgId));
    expect(await facts(to.id)).toEqual({
      open: 0,
      to: { id: to.id, name: to.name, kind: to.kind, level: to.level },
      fromName: member.org.name,
    });
    await db.transferRequest.create({
      data: { memberId: member.id, fromOrgId: member.orgId, toOrgId: to.id, reason: "OTHER", initiatedById: member.id },
    });
    expect(await facts(to.id + 1_000_000)).toMatchObject({ open: 1, to: null });
  });
});
