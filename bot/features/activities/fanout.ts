// Announcing a published activity to every bound member of its audience, a range of member ids per statement,
// with the notices' range cutter and batch shape (bot/features/notices/fanout.ts). The dedupe key per identity
// makes a re-run (a retried job, a timer the reconciler re-created) write nothing twice.
import { type Db, Prisma } from "../../infra/db.ts";
import { type BatchRow, type FanoutBatch, idRanges, type MemberRange, toBatch, WRITTEN } from "../notices/fanout.ts";
import { joinButtons, PUBLISHED_MESSAGE } from "./notify.ts";

const audienceMembers = (activityId: number) => Prisma.sql`
  members m JOIN organisations o ON o.id = m.org_id
  WHERE o.ancestor_ids && ARRAY(SELECT org_id FROM activity_audiences WHERE activity_id = ${activityId})
    AND m.status = 'ACTIVE'`;

export function publishRanges(db: Db, activityId: number, after: number, size: number): Promise<MemberRange[]> {
  return idRanges(db, Prisma.sql`SELECT m.id FROM ${audienceMembers(activityId)} AND m.id > ${after}`, after, size);
}

/** Outbox rows (HELD, for `outbox.feed`) for the bound members of the audience in the range, dated by our clock. */
export async function publishBatch(
  db: Db,
  activityId: number,
  { lo, hi }: MemberRange,
  args: Record<string, string | number>,
  now: Date,
): Promise<FanoutBatch> {
  const buttons = JSON.stringify(joinButtons(activityId));
  const rows = await db.$queryRaw<BatchRow[]>`
    WITH batch AS (
      SELECT m.id FROM ${audienceMembers(activityId)} AND m.id > ${lo} AND m.id <= ${hi}
    ), targets AS (
      SELECT b.id AS member_id, ci.id AS identity_id, ci.platform FROM batch b
      JOIN chat_identities ci ON ci.member_id = b.id AND NOT ci.blocked AND ci.member_id > ${lo} AND ci.member_id <= ${hi}
    ), outbox AS (
      INSERT INTO outbox_messages (identity_id, message_key, args, buttons, dedupe_key, status, not_before, created_at)
      SELECT t.identity_id, ${PUBLISHED_MESSAGE}, ${JSON.stringify(args)}::jsonb, ${buttons}::jsonb,
             'activity:' || ${activityId}::int || ':publish:identity:' || t.identity_id, 'HELD', ${now}, ${now}
      FROM targets t
      ON CONFLICT (dedupe_key) DO NOTHING
      RETURNING id, identity_id
    )
    SELECT (SELECT count(*) FROM batch) AS n, ${WRITTEN}`;
  return toBatch(rows[0]!);
}
