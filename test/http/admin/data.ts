// Records the admin API reads, written straight to the database (the chat flows that make them are tested elsewhere).
import type { Db } from "../../../bot/infra/db.ts";

const HOUR = 3_600_000;

const orgId = async (db: Db, code: string) => (await db.organisation.findUniqueOrThrow({ where: { code } })).id;

/** A member somewhere in the organisation's subtree. */
export async function memberIn(db: Db, orgCode: string, skip = 0) {
  const id = await orgId(db, orgCode);
  return db.member.findFirstOrThrow({ where: { org: { ancestorIds: { has: id } } }, orderBy: { id: "asc" }, skip });
}

/** A transfer from one organisation to another with a decided first step and a pending second one. */
export async function makeTransfer(
  db: Db,
  fromCode: string,
  toCode: string,
  { startedAt = new Date(), decidedAfterHours = 30 }: { startedAt?: Date; decidedAfterHours?: number } = {},
) {
  const member = await memberIn(db, fromCode);
  const [fromOrgId, toOrgId] = [await orgId(db, fromCode), await orgId(db, toCode)];
  return db.$transaction(async (tx) => {
    const transfer = await tx.transferRequest.create({
      data: {
        memberId: member.id,
        fromOrgId,
        toOrgId,
        reason: "FURTHER_STUDY",
        initiatedById: member.id,
        createdAt: startedAt,
      },
    });
    const decidedAt = new Date(startedAt.getTime() + decidedAfterHours * HOUR);
    const first = await tx.transferStep.create({
      data: {
        transferId: transfer.id,
        seq: 1,
        kind: "SENDER_APPROVAL",
        orgId: fromOrgId,
        status: "APPROVED",
        startedAt,
        dueAt: new Date(startedAt.getTime() + 72 * HOUR),
        slaHours: 72,
        slaBusinessHours: false,
        decidedAt,
      },
    });
    const second = await tx.transferStep.create({
      data: {
        transferId: transfer.id,
        seq: 2,
        kind: "RECEIVER_APPROVAL",
        orgId: toOrgId,
        startedAt: decidedAt,
        dueAt: new Date(decidedAt.getTime() + 72 * HOUR),
        slaHours: 72,
        slaBusinessHours: false,
      },
    });
    await tx.transferEvent.createMany({
      data: [
        { transferId: transfer.id, type: "SUBMITTED", actorId: member.id, at: startedAt },
        { transferId: transfer.id, stepId: first.id, type: "STEP_STARTED", orgId: fromOrgId, at: startedAt },
        { transferId: transfer.id, stepId: first.id, type: "APPROVED", orgId: fromOrgId, at: decidedAt },
        { transferId: transfer.id, stepId: second.id, type: "STEP_STARTED", orgId: toOrgId, at: decidedAt },
      ],
    });
    return transfer;
  });
}

/** A published activity of the organisation with `confirmed` sign-ups, `checkedIn` of them checked in. */
export async function makeActivity(
  db: Db,
  code: string,
  { startsAt = new Date(), confirmed = 0, checkedIn = 0, waitlisted = 0, title = "团日活动" } = {},
) {
  const org = await orgId(db, code);
  const creator = await memberIn(db, code);
  const activity = await db.activity.create({
    data: {
      orgId: org,
      createdById: creator.id,
      title,
      place: "图书馆",
      startsAt,
      endsAt: new Date(startsAt.getTime() + 2 * HOUR),
      capacity: confirmed,
      signupDeadline: startsAt,
      status: "PUBLISHED",
      audiences: { create: [{ orgId: org }] },
    },
  });
  const members = await db.member.findMany({
    where: { org: { ancestorIds: { has: org } } },
    orderBy: { id: "asc" },
    take: confirmed + waitlisted,
  });
  await db.activitySignup.createMany({
    data: members.map((m, i) => ({
      activityId: activity.id,
      memberId: m.id,
      status: i < confirmed ? ("CONFIRMED" as const) : ("WAITLISTED" as const),
      checkedInAt: i < checkedIn ? startsAt : null,
    })),
  });
  return activity;
}

/** A sent notice of the organisation: one delivery per member of its subtree, `read` of them read. */
export async function makeNotice(db: Db, code: string, { read = 0 } = {}) {
  const org = await orgId(db, code);
  const creator = await memberIn(db, code);
  const notice = await db.notice.create({
    data: { orgId: org, createdById: creator.id, text: "请按时参加组织生活", status: "SENT", sentAt: new Date() },
  });
  const members = await db.member.findMany({ where: { org: { ancestorIds: { has: org } } }, orderBy: { id: "asc" } });
  await db.noticeDelivery.createMany({
    data: members.map((m, i) => ({
      noticeId: notice.id,
      memberId: m.id,
      orgId: m.orgId,
      status: i < read ? ("READ" as const) : ("SENT" as const),
    })),
  });
  return notice;
}
