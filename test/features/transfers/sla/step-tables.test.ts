// The steps whose first timers are set after commit, read in one statement, are what Prisma's select read: the
// clock fields and the organisation's ancestors, for transfer steps and 入团 steps alike, in a Shanghai-time process.
import { describe, expect, it } from "vitest";
import { planSelect } from "../../../../bot/features/transfers/sla/plan.ts";
import { planStepsById } from "../../../../bot/features/transfers/sla/step-tables.ts";
import { processZone } from "../../../helpers/process-zone.ts";
import { createTestApp } from "../../../helpers/test-app.ts";

const app = await createTestApp();
const { db } = app.deps;
const inZone = processZone();

describe("plan steps by id", () => {
  it("reads transfer and 入团 steps as Prisma does", async () => {
    inZone("Asia/Shanghai");
    const [member] = await db.member.findMany({ take: 1, orderBy: { id: "asc" } });
    const [from, to] = await db.organisation.findMany({ take: 2, orderBy: { id: "desc" } });
    const clock = (hour: number, slaBusinessHours: boolean, extra: object = {}) => ({
      startedAt: new Date(Date.UTC(2026, 10, 17, hour, 30, 0, 123)),
      dueAt: new Date(Date.UTC(2026, 10, 20, hour, 30, 0, 123)),
      slaHours: 72,
      slaBusinessHours,
      ...extra,
    });
    const transfer = await db.transferRequest.create({
      data: { memberId: member!.id, fromOrgId: from!.id, toOrgId: to!.id, reason: "OTHER", initiatedById: member!.id },
    });
    const steps = [
      await db.transferStep.create({
        data: {
          transferId: transfer.id,
          seq: 2,
          kind: "RECEIVER_APPROVAL",
          orgId: to!.id,
          ...clock(16, true, { slaStage: 2, escalationLevel: 1 }),
        },
      }),
      await db.transferStep.create({
        data: {
          transferId: transfer.id,
          seq: 1,
          kind: "SENDER_APPROVAL",
          orgId: from!.id,
          status: "APPROVED",
          ...clock(1, false),
        },
      }),
    ];
    const ids = steps.map((s) => s.id);
    const viaPrisma = await db.transferStep.findMany({
      where: { id: { in: ids } },
      select: planSelect,
      orderBy: { id: "asc" },
    });
    expect(await planStepsById(db, "transfer", ids)).toEqual(viaPrisma);
    expect(await db.$transaction((tx) => planStepsById(tx, "transfer", ids))).toEqual(viaPrisma);
    expect(viaPrisma).toHaveLength(2);

    const application = await db.joinApplication.create({
      data: { orgId: from!.id, name: "新同学", phoneHash: "h", phoneLast4: "0000" },
    });
    const join = await db.joinStep.create({
      data: { applicationId: application.id, kind: "APPROVE", orgId: to!.id, ...clock(9, true) },
    });
    expect(await planStepsById(db, "join", [join.id])).toEqual(
      await db.joinStep.findMany({ where: { id: join.id }, select: planSelect }),
    );
    expect(await planStepsById(db, "join", [join.id + 1_000_000])).toEqual([]);
  });
});
