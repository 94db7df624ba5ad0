// Fan-out of a notice to its audience, one batch of members per statement: the delivery rows and the outbox rows
// of a batch commit together, so a crash leaves whole batches, and a re-run skips what exists (unique keys).
// Recipients are streamed by member id, so memory stays flat whatever the audience size.
import type { Db } from "../../infra/db.ts";

export const NOTICE_MESSAGE = "notices-message";
export const NOTICE_REMINDER = "notices-reminder";

export interface FanoutBatch {
  /** Highest member id in the batch; the cursor for the next one. Null when nothing was left. */
  lastMemberId: number | null;
  members: number;
  outboxIds: bigint[];
}

/** Members of the notice's audience with id > afterMemberId: delivery rows for all, outbox rows for the reachable. */
export async function sendBatch(
  db: Db,
  noticeId: number,
  afterMemberId: number,
  size: number,
  now: Date,
): Promise<FanoutBatch> {
  const buttons = JSON.stringify([[{ labelKey: "notices-got-it", payload: `notice-read:${noticeId}` }]]);
  const rows = await db.$queryRaw<{ last_id: number | null; n: bigint; outbox_ids: bigint[] }[]>`
    WITH audience AS (
      SELECT org_id FROM notice_audiences WHERE notice_id = ${noticeId}
    ), batch AS (
      SELECT m.id, m.org_id FROM members m JOIN organisations o ON o.id = m.org_id
      WHERE o.ancestor_ids && ARRAY(SELECT org_id FROM audience) AND m.status = 'ACTIVE' AND m.id > ${afterMemberId}
      ORDER BY m.id LIMIT ${size}
    ), outbox AS (
      INSERT INTO outbox_messages (identity_id, message_key, args, buttons, dedupe_key, not_before, created_at)
      SELECT ci.id, ${NOTICE_MESSAGE}, jsonb_build_object('noticeId', ${noticeId}::int), ${buttons}::jsonb,
             'notice:' || ${noticeId}::int || ':identity:' || ci.id, ${now}, ${now}
      FROM batch b JOIN chat_identities ci ON ci.member_id = b.id AND NOT ci.blocked
      ON CONFLICT (dedupe_key) DO NOTHING
      RETURNING id, identity_id
    ), firsts AS (
      SELECT ci.member_id, min(x.id) AS outbox_id FROM outbox x JOIN chat_identities ci ON ci.id = x.identity_id
      GROUP BY ci.member_id
    ), deliveries AS (
      INSERT INTO notice_deliveries (notice_id, member_id, org_id, status, outbox_id)
      SELECT ${noticeId}, b.id, b.org_id,
             (CASE WHEN f.outbox_id IS NULL THEN 'UNREACHABLE' ELSE 'QUEUED' END)::"DeliveryStatus", f.outbox_id
      FROM batch b LEFT JOIN firsts f ON f.member_id = b.id
      ON CONFLICT (notice_id, member_id) DO NOTHING
    )
    SELECT (SELECT max(id) FROM batch) AS last_id, (SELECT count(*) FROM batch) AS n,
           ARRAY(SELECT id FROM outbox ORDER BY id) AS outbox_ids`;
  const row = rows[0]!;
  return { lastMemberId: row.last_id, members: Number(row.n), outboxIds: row.outbox_ids };
}

/** Reminders to recipients who have not confirmed, once per chase (the chase stamp is part of the dedupe key). */
export async function chaseBatch(
  db: Db,
  noticeId: number,
  afterMemberId: number,
  size: number,
  now: Date,
  chaseStamp: string,
): Promise<FanoutBatch> {
  const buttons = JSON.stringify([[{ labelKey: "notices-got-it", payload: `notice-read:${noticeId}` }]]);
  const rows = await db.$queryRaw<{ last_id: number | null; n: bigint; outbox_ids: bigint[] }[]>`
    WITH batch AS (
      SELECT d.id AS delivery_id, d.member_id FROM notice_deliveries d
      WHERE d.notice_id = ${noticeId} AND d.status <> 'READ' AND d.member_id > ${afterMemberId}
      ORDER BY d.member_id LIMIT ${size}
    ), outbox AS (
      INSERT INTO outbox_messages (identity_id, message_key, args, buttons, dedupe_key, not_before, created_at)
      SELECT ci.id, ${NOTICE_REMINDER}, jsonb_build_object('noticeId', ${noticeId}::int), ${buttons}::jsonb,
             'notice:' || ${noticeId}::int || ':chase:' || ${chaseStamp} || ':identity:' || ci.id, ${now}, ${now}
      FROM batch b JOIN chat_identities ci ON ci.member_id = b.member_id AND NOT ci.blocked
      ON CONFLICT (dedupe_key) DO NOTHING
      RETURNING id
    ), stamped AS (
      UPDATE notice_deliveries SET last_chased_at = ${now} WHERE id IN (SELECT delivery_id FROM batch)
    )
    SELECT (SELECT max(member_id) FROM batch) AS last_id, (SELECT count(*) FROM batch) AS n,
           ARRAY(SELECT id FROM outbox ORDER BY id) AS outbox_ids`;
  const row = rows[0]!;
  return { lastMemberId: row.last_id, members: Number(row.n), outboxIds: row.outbox_ids };
}

/** The delivery row follows the first outbox row of its member: sent, or failed, or the person blocked us. */
export async function recordOutcome(db: Db, outboxId: bigint, status: "SENT" | "FAILED" | "BLOCKED") {
  const next = status === "SENT" ? "SENT" : status === "FAILED" ? "FAILED" : "UNREACHABLE";
  await db.$executeRaw`
    UPDATE notice_deliveries SET status = ${next}::"DeliveryStatus"
    WHERE outbox_id = ${outboxId} AND status IN ('QUEUED', 'FAILED')`;
}
