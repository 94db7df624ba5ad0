// Shared by the activity tests: binding demo people, running the publish job, reading what the outbox holds.
import type { Job } from "bullmq";
import type { Locale } from "../../../bot/core/i18n.ts";
import type { JobData } from "../../../bot/core/queues.ts";
import { activitiesFeature } from "../../../bot/features/activities/index.ts";
import { createActivityProcessor } from "../../../workers/activities/activity-processor.ts";
import { renderRow } from "../../../workers/delivery/render.ts";
import { chatAs } from "../../helpers/chat.ts";
import type { TestApp } from "../../helpers/test-app.ts";

export async function bindAs(app: TestApp, code: string, userId: string) {
  const member = await app.deps.db.member.findUniqueOrThrow({ where: { code } });
  const identity = await app.deps.db.chatIdentity.create({
    data: { platform: "TELEGRAM", externalUserId: userId, chatId: userId, memberId: member.id, boundAt: new Date() },
  });
  return { member, identity, chat: chatAs(app.core, userId, "telegram") };
}

/** The first member of an organisation, bound. */
export async function bindFirstIn(app: TestApp, orgCode: string, userId: string) {
  const member = await app.deps.db.member.findFirstOrThrow({
    where: { org: { code: orgCode }, status: "ACTIVE" },
    orderBy: { id: "asc" },
  });
  return bindAs(app, member.code, userId);
}

/** A fake BullMQ job that records its saved data and delays. */
export function fakeJob<T>(data: T) {
  const job = {
    data,
    delayedTo: undefined as number | undefined,
    async updateData(next: T) {
      job.data = next;
    },
    async moveToDelayed(at: number) {
      job.delayedTo = at;
    },
  };
  return job;
}

export async function runActivityJob(app: TestApp, data: JobData<"activities">, batchSize = 3) {
  const job = fakeJob(data);
  const result = await createActivityProcessor(app.deps, batchSize)(job as unknown as Job<JobData<"activities">>);
  return { job, result };
}

/** Outbox rows of one message id, with the chat user they go to. */
export async function outboxTo(app: TestApp, messageKey: string) {
  const rows = await app.deps.db.outboxMessage.findMany({
    where: { messageKey },
    include: { identity: true },
    orderBy: { id: "asc" },
  });
  return rows.map((r) => ({ ...r, user: r.identity.externalUserId }));
}

/** An outbox row as its recipient will read it. */
export async function rendered(
  app: TestApp,
  row: { messageKey: string; args: unknown; buttons: unknown },
  locale: Locale = "zh-CN",
) {
  const hooks = activitiesFeature.delivery?.[row.messageKey];
  return renderRow(row, locale, { i18n: app.deps.i18n, db: app.deps.db }, hooks);
}
