// A league chain of our own for service-level tests, and transfer steps created straight in the database (so these
// tests do not depend on the transfer dialogue).
import { randomBytes } from "node:crypto";
import type { Job } from "bullmq";
import type { JobData } from "../../../bot/core/queues.ts";
import { createOrganisation } from "../../../bot/features/orgs/org-service.ts";
import { startClock } from "../../../bot/features/transfers/sla/clock.ts";
import type { OrgLevel, Role } from "../../../bot/infra/db.ts";
import { renderRow } from "../../../workers/delivery/render.ts";
import { createSlaProcessor } from "../../../workers/transfers/sla-processor.ts";
import type { TestApp } from "../../helpers/test-app.ts";

let people = 0;

export interface Person {
  memberId: number;
  name: string;
  chatId: string;
}

/** A bound member (Telegram), holding `role` at `orgId` when given. */
export async function person(app: TestApp, orgId: number, name: string, role?: Role): Promise<Person> {
  const { db } = app.deps;
  const n = ++people;
  const tag = randomBytes(3).toString("hex");
  const member = await db.member.create({
    data: {
      code: `2099${String(Number.parseInt(tag, 16) % 10_000).padStart(4, "0")}${String(n).padStart(4, "0")}`,
      name,
      idHash: `sla-${tag}-${n}`,
      idLast4: "0000",
      birthDate: new Date("2003-05-01"),
      joinedAt: new Date("2018-05-04"),
      duesCategory: "STUDENT",
      orgId,
    },
  });
  const chatId = `sla-${tag}-${n}`;
  await db.chatIdentity.create({
    data: { platform: "TELEGRAM", externalUserId: chatId, chatId, memberId: member.id, boundAt: new Date() },
  });
  if (role) await db.roleAssignment.create({ data: { memberId: member.id, orgId, role } });
  return { memberId: member.id, name, chatId };
}

export interface Chain {
  /** 团中央 → 省 → 市 → 县 → 基层团委 → 团支部. */
  orgs: Record<"central" | "province" | "city" | "county" | "committee" | "branch", { id: number; name: string }>;
  /** Staff at each level except the county (nobody there), the branch's 团支书, and a member of the branch. */
  staff: Record<"central" | "province" | "city" | "committee", Person>;
  secretary: Person;
  member: Person;
}

export async function createChain(app: TestApp, tag: string): Promise<Chain> {
  const levels: [keyof Chain["orgs"], OrgLevel, string][] = [
    ["central", "CENTRAL", `${tag}团中央`],
    ["province", "PROVINCE", `${tag}省委`],
    ["city", "CITY", `${tag}市委`],
    ["county", "COUNTY", `${tag}县委`],
    ["committee", "GRASSROOTS_COMMITTEE", `${tag}大学团委`],
    ["branch", "BRANCH", `${tag}1班团支部`],
  ];
  const orgs = {} as Chain["orgs"];
  let parentId: number | null = null;
  for (const [key, level, name] of levels) {
    const org: { id: number; name: string } = await createOrganisation(app.deps.db, {
      code: `SLA-${tag}-${key}`,
      name,
      level,
      kind: "COMMITTEE",
      parentId,
    });
    orgs[key] = { id: org.id, name: org.name };
    parentId = org.id;
  }
  const staff = {
    central: await person(app, orgs.central.id, `${tag}中央干事`, "COMMITTEE_STAFF"),
    province: await person(app, orgs.province.id, `${tag}省干事`, "COMMITTEE_STAFF"),
    city: await person(app, orgs.city.id, `${tag}市干事`, "COMMITTEE_STAFF"),
    committee: await person(app, orgs.committee.id, `${tag}团委干事`, "COMMITTEE_STAFF"),
  };
  const secretary = await person(app, orgs.branch.id, `${tag}支书`, "BRANCH_SECRETARY");
  const member = await person(app, orgs.branch.id, `${tag}同学`);
  return { orgs, staff, secretary, member };
}

/** A transfer whose first step (sender approval at the member's branch) starts now on the app's clock. */
export async function openStep(app: TestApp, chain: Chain) {
  const { db, config } = app.deps;
  const startedAt = app.clock.now;
  const transfer = await db.transferRequest.create({
    data: {
      memberId: chain.member.memberId,
      fromOrgId: chain.orgs.branch.id,
      toOrgId: chain.orgs.committee.id,
      reason: "FURTHER_STUDY",
      initiatedById: chain.member.memberId,
      createdAt: startedAt,
    },
  });
  const clock = await startClock(db, chain.orgs.branch.id, startedAt, config.TRANSFER_SLA_HOURS);
  return db.transferStep.create({
    data: {
      transferId: transfer.id,
      seq: 1,
      kind: "SENDER_APPROVAL",
      orgId: chain.orgs.branch.id,
      startedAt,
      ...clock,
    },
  });
}

/** Runs one timer the way the worker would (without a worker token, so an early timer reports "early"). */
export function runStage(app: TestApp, stepId: number, stage: number) {
  const job = { data: { stepId, stage } } as unknown as Job<JobData<"transfer-sla">>;
  return createSlaProcessor(app.deps)(job);
}

/** The service-level messages a step produced, rendered as each recipient would read them (Chinese). */
export async function sentFor(app: TestApp, stepId: number) {
  const { db, i18n } = app.deps;
  const rows = await db.outboxMessage.findMany({
    where: { dedupeKey: { startsWith: `sla:${stepId}:` } },
    orderBy: { id: "asc" },
    include: { identity: { select: { chatId: true } } },
  });
  return Promise.all(
    rows.map(async (row) => ({
      chatId: row.identity.chatId,
      urgent: row.urgent,
      reply: await renderRow(row, "zh-CN", { i18n, db }, undefined),
    })),
  );
}

export function timerJob(app: TestApp, stepId: number, stage: number) {
  return app.deps.queues["transfer-sla"].getJob(`sla-${stepId}-${stage}`);
}
