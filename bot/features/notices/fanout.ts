// Fan-out of a notice to its audience, one batch of members per statement: the delivery rows and the outbox rows
// of a batch commit together, so a crash leaves whole batches, and a re-run skips what exists (unique keys).
// Recipients are cut into ranges of member ids, so memory stays flat whatever the audience size.
import { type Db, Prisma } from "../../infra/db.ts";

export const NOTICE_MESSAGE = "notices-message";
export const NOTICE_REMINDER = "notices-reminder";

/** Members with lo < id <= hi. */
export interface MemberRange {
  lo: number;
  hi: number;
}

export interface FanoutBatch {
  members: number;
  /** Outbox rows written, HELD: `outbox.feed` queues them as the platform can take them. */
  written: number;
}

/** How many outbox rows the batch's `outbox` step wrote. */
export const WRITTEN = Prisma.raw("(SELECT count(*) FROM outbox) AS written");

export type BatchRow = { n: bigint; written: bigint };

export function toBatch(row: BatchRow): FanoutBatch {
  return { members: Number(row.n), written: Number(row.written) };
}

const audienceMembers = (noticeId: number) => Prisma.sql`
  members m JOIN organisations o ON o.id = m.org_id
  WHERE o.ancestor_ids && ARRAY(SELECT org_id FROM notice_audiences WHERE notice_id = ${noticeId})
    AND m.status = 'ACTIVE'`;

/**
 * Cuts the recipients after `after` into ranges of about `size` members, so batches can be written side by side:
 * the upper bound of each range is every size-th member id, and the last member's.
 */
export async function fanoutRanges(
  db: Db,
  noticeId: number,
  mode: "send" | "chase",
  after: number,
  size: number,
): Promise<MemberRange[]> {
  const ids =
    mode === "send"
      ? Prisma.sql`SELECT m.id FROM ${audienceMembers(noticeId)} AND m.id > ${after}`
      : Prisma.sql`SELECT member_id AS id FROM notice_deliveries
                   WHERE notice_id = ${noticeId} AND status <> 'READ' AND member_id > ${after}`;
  return idRanges(db, ids, after, size);
}

/** Cuts the member ids a query yields (column `id`, all above `after`) into ranges of about `size`. */
export async function idRanges(db: Db, ids: Prisma.Sql, after: number, size: number): Promise<MemberRange[]> {
  const rows = await db.$queryRaw<{ id: number }[]>`
    SELECT id FROM (SELECT id, row_number() OVER (ORDER BY id) AS n, count(*) OVER () AS total FROM (${ids}) s) r
    WHERE n % ${size} = 0 OR n = total ORDER BY id`;
  let lo = after;
  return rows.map(({ id }) => {
    const range = { lo, hi: id };
    lo = id;
    return range;
  });
}

/** The notice's recipients in the range: delivery rows for all, outbox rows for the reachable. */
export async function sendBatch(db: Db, noticeId: number, { lo, hi }: MemberRange, now: Date): Promise<FanoutBatch> {
  const buttons = JSON.stringify([[{ labelKey: "notices-got-it", payload: `notice-read:${noticeId}` }]]);
  const rows = await db.$queryRaw<BatchRow[]>`
    WITH batch AS (
      SELECT m.id, m.org_id FROM ${audienceMembers(noticeId)} AND m.id > ${lo} AND m.id <= ${hi}
    ), targets AS (
      SELECT b.id AS member_id, ci.id AS identity_id, ci.platform FROM batch b
      JOIN chat_identities ci ON ci.member_id = b.id AND NOT ci.blocked AND ci.member_id > ${lo} AND ci.member_id <= ${hi}
    ), outbox AS (
      INSERT INTO outbox_messages
        (identity_id, message_key, args, buttons, image_id, dedupe_key, status, not_before, created_at)
      SELECT t.identity_id, ${NOTICE_MESSAGE}, jsonb_build_object('noticeId', ${noticeId}::int), ${buttons}::jsonb,
             (SELECT image_id FROM notices WHERE id = ${noticeId}),
             'notice:' || ${noticeId}::int || ':identity:' || t.identity_id, 'HELD', ${now}, ${now}
      FROM targets t
      ON CONFLICT (dedupe_key) DO NOTHING
      RETURNING id, identity_id
    ), firsts AS (
      SELECT t.member_id, min(x.id) AS outbox_id FROM outbox x JOIN targets t ON t.identity_id = x.identity_id
      GROUP BY t.member_id
    ), deliveries AS (
      INSERT INTO notice_deliveries (notice_id, member_id, org_id, status, outbox_id)
      SELECT ${noticeId}, b.id, b.org_id,
             (CASE WHEN f.outbox_id IS NULL THEN 'UNREACHABLE' ELSE 'QUEUED' END)::"DeliveryStatus", f.outbox_id
      FROM batch b LEFT JOIN firsts f ON f.member_id = b.id
      ON CONFLICT (notice_id, member_id) DO NOTHING
    )
    SELECT (SELECT count(*) FROM batch) AS n, ${WRITTEN}`;
  return toBatch(rows[0]!);
}

/** Reminders to recipients who have not confirmed, once per chase (the chase stamp is part of the dedupe key). */
export async function chaseBatch(
  db: Db,
  noticeId: number,
  { lo, hi }: MemberRange,
  now: Date,
  chaseStamp: string,
): Promise<FanoutBatch> {
  const buttons = JSON.stringify([[{ labelKey: "notices-got-it", payload: `notice-read:${noticeId}` }]]);
  const rows = await db.$queryRaw<BatchRow[]>`
    WITH batch AS (
      SELECT d.id AS delivery_id, d.member_id FROM notice_deliveries d
      WHERE d.notice_id = ${noticeId} AND d.status <> 'READ' AND d.member_id > ${lo} AND d.member_id <= ${hi}
    ), targets AS (
      SELECT b.member_id, ci.id AS identity_id, ci.platform FROM batch b
      JOIN chat_identities ci ON ci.member_id = b.member_id AND NOT ci.blocked AND ci.member_id > ${lo} AND ci.member_id <= ${hi}
    ), outbox AS (
      INSERT INTO outbox_messages
        (identity_id, message_key, args, buttons, image_id, dedupe_key, status, not_before, created_at)
      SELECT t.identity_id, ${NOTICE_REMINDER}, jsonb_build_object('noticeId', ${noticeId}::int), ${buttons}::jsonb,
             (SELECT image_id FROM notices WHERE id = ${noticeId}),
             'notice:' || ${noticeId}::int || ':chase:' || ${chaseStamp} || ':identity:' || t.identity_id, 'HELD', ${now}, ${now}
      FROM targets t
      ON CONFLICT (dedupe_key) DO NOTHING
      RETURNING id, identity_id
    ), stamped AS (
      UPDATE notice_deliveries SET last_chased_at = ${now} WHERE id IN (SELECT delivery_id FROM batch)
    )
    SELECT (SELECT count(*) FROM batch) AS n, ${WRITTEN}`;
  return toBatch(rows[0]!);
}

/** The delivery row follows the first outbox row of its member: sent, or failed, or the person blocked us. */
export async function recordOutcome(
  tx: Prisma.TransactionClient,
  outboxId: bigint,
  status: "SENT" | "FAILED" | "BLOCKED" | "WAITING",
) {
  const next = status === "BLOCKED" ? "UNREACHABLE" : status;
  await tx.$executeRaw`
    UPDATE notice_deliveries SET status = ${next}::"DeliveryStatus"
    WHERE outbox_id = ${outboxId} AND status IN ('QUEUED', 'FAILED', 'WAITING')`;
}
