// A graduate-reminder day at the season's size: a batch of hundreds of graduates is written in a few statements
// whatever its size (no transaction whose length grows with the batch, which under load passed Prisma's 5 s limit),
// each chat of each graduate gets its reminder once, and a re-run of the day writes nothing.
import type { Job } from "bullmq";
import pg from "pg";
import { describe, expect, it } from "vitest";
import type { JobData } from "../../../bot/core/queues.ts";
import { createOrganisation } from "../../../bot/features/orgs/org-service.ts";
import { createGraduatesProcessor, GRADUATES_BATCH } from "../../../workers/graduates/graduates-processor.ts";
import { createTestApp } from "../../helpers/test-app.ts";

const app = await createTestApp({ TZ: "Asia/Shanghai" });
const { db } = app.deps;
const GRADUATES = 300;

// PostgreSQL statements the app sends, counted where every pooled connection sends them.
let statements = 0;
const query = pg.Client.prototype.query;
pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
  statements++;
  return (query as (...a: unknown[]) => unknown).apply(this, args);
} as typeof pg.Client.prototype.query;

const parent = await db.organisation.findUniqueOrThrow({ where: { code: "GD-GZ-SCUT-CS-2201" } });
const branch = await createOrganisation(db, {
  code: "T-GRAD-BIG",
  name: "计科2023级9班团支部",
  level: "BRANCH",
  kind: "SCHOOL",
  parentId: parent.parentId,
});
await db.organisation.update({ where: { id: branch.id }, data: { graduatesOn: new Date("2027-06-30") } });
await db.member.createMany({
  data: Array.from({ length: GRADUATES }, (_, i) => ({
    code: `20239${String(i).padStart(7, "0")}`,
    name: `毕业生${i}`,
    idHash: `grad-big-${i}`,
    idLast4: "0000",
    birthDate: new Date("2004-05-01"),
    joinedAt: new Date("2019-05-04"),
    duesCategory: "STUDENT" as const,
    orgId: branch.id,
  })),
});
const members = await db.member.findMany({ where: { orgId: branch.id }, orderBy: { id: "asc" } });
// Most graduates use Telegram; every 10th WeChat as well; every 7th never bound a chat; every 25th blocked the bot.
const unbound = (i: number) => i % 7 === 3;
await db.chatIdentity.createMany({
  data: members.flatMap((m, i) => [
    ...(unbound(i)
      ? []
      : [
          {
            platform: "TELEGRAM" as const,
            externalUserId: `grad-big-${i}`,
            chatId: `grad-big-${i}`,
            memberId: m.id,
            blocked: i % 25 === 5,
          },
        ]),
    ...(i % 10 === 0
      ? [
          {
            platform: "WECHAT" as const,
            externalUserId: `wx-grad-big-${i}`,
            chatId: `wx-grad-big-${i}`,
            memberId: m.id,
          },
        ]
      : []),
  ]),
});
// One has a transfer under way: the start reminder is not for her.
const waiting = members[1]!;
await db.transferRequest.create({
  data: {
    memberId: waiting.id,
    fromOrgId: branch.id,
    toOrgId: parent.parentId!,
    reason: "FURTHER_STUDY",
    initiatedById: waiting.id,
  },
});
const expectedChats = await db.chatIdentity.count({
  where: { memberId: { in: members.map((m) => m.id), not: waiting.id }, blocked: false },
});

async function runDay(day: string) {
  app.clock.set(new Date(`${day}T10:00:00+08:00`));
  const job = {
    data: { task: "daily" } as JobData<"graduates">,
    async updateData(next: JobData<"graduates">) {
      job.data = next;
    },
  } as unknown as Job<JobData<"graduates">>;
  const before = statements;
  const result = await createGraduatesProcessor(app.deps)(job);
  return { ...result, statements: statements - before };
}

const startReminders = () =>
  db.outboxMessage.findMany({
    where: { messageKey: "graduates-remind-start", identity: { member: { orgId: branch.id } } },
    select: { identityId: true, dedupeKey: true, status: true },
  });

describe("a reminder day's batch", () => {
  it("is written in a few statements for the whole batch, one reminder per chat", async () => {
    expect(GRADUATES).toBeLessThan(GRADUATES_BATCH); // one batch: its statements are the day's
    const day = await runDay("2027-06-16");
    expect(day.sent).toBe(expectedChats);
    // Two round trips per graduate before (their chats, then each row), all inside one interactive transaction.
    expect(day.statements).toBeLessThan(20);
    const rows = await startReminders();
    expect(rows).toHaveLength(expectedChats);
    expect(new Set(rows.map((r) => r.identityId)).size).toBe(expectedChats);
    expect(rows.every((r) => r.status === "QUEUED")).toBe(true);
    expect(rows[0]!.dedupeKey).toMatch(/^graduates:2027:start-14:member:\d+:identity:\d+$/);
  });

  it("writes nothing twice when the day runs again", async () => {
    const again = await runDay("2027-06-16");
    expect(again.sent).toBe(0);
    expect(await startReminders()).toHaveLength(expectedChats);
  });
});
