// A campaign's broadcasts, one range of member ids per statement: opening writes every audience member's entry and
// an opening message to each of their chats; a reminder round writes a message to those not done. Entries and
// outbox rows of a range commit together and re-running a range writes nothing twice (unique keys), as notices do.
import { type Db, Prisma } from "../../infra/db.ts";
import { type BatchRow, type FanoutBatch, idRanges, type MemberRange, toBatch, WRITTEN } from "../notices/fanout.ts";
import { openKey, remindKey } from "./rules.ts";

export type { FanoutBatch, MemberRange };

/** The message keys of a kind: its opening message and its reminder. */
export const openMessage = (kind: string) => `campaigns-${kind}-open`;
export const remindMessage = (kind: string) => `campaigns-${kind}-remind`;

/** The first answer buttons of a kind's message, as stored on outbox rows. */
export function answerButtons(kind: string, campaignId: number, choices: readonly string[]) {
  return [choices.map((c) => ({ labelKey: `campaigns-${kind}-choice-${c}`, payload: `camp-ans:${campaignId}:${c}` }))];
}

const audienceMembers = (campaignId: number) => Prisma.sql`
  members m JOIN organisations o ON o.id = m.org_id
  WHERE o.ancestor_ids && ARRAY(SELECT org_id FROM campaign_audiences WHERE campaign_id = ${campaignId})
    AND m.status = 'ACTIVE'`;

/** Ranges of about `size` members after `after`: the audience (open) or those not done (remind). */
export async function campaignRanges(
  db: Db,
  campaignId: number,
  mode: "open" | "remind",
  after: number,
  size: number,
): Promise<MemberRange[]> {
  const ids =
    mode === "open"
      ? Prisma.sql`SELECT m.id FROM ${audienceMembers(campaignId)} AND m.id > ${after}`
      : Prisma.sql`SELECT member_id AS id FROM campaign_entries
                   WHERE campaign_id = ${campaignId} AND NOT done AND responded_at IS NULL AND member_id > ${after}`;
  return idRanges(db, ids, after, size);
}

/** Entries for the audience members in the range, and the opening message to each of their chats. */
export async function openBatch(
  db: Db,
  campaign: { id: number; kind: string },
  buttons: unknown,
  { lo, hi }: MemberRange,
  now: Date,
): Promise<FanoutBatch> {
  const rows = await db.$queryRaw<BatchRow[]>`
    WITH batch AS (
      SELECT m.id, m.org_id FROM ${audienceMembers(campaign.id)} AND m.id > ${lo} AND m.id <= ${hi}
    ), entries AS (
      INSERT INTO campaign_entries (campaign_id, member_id, org_id)
      SELECT ${campaign.id}, b.id, b.org_id FROM batch b
      ON CONFLICT (campaign_id, member_id) DO NOTHING
    ), targets AS (
      SELECT b.id AS member_id, ci.id AS identity_id, ci.platform FROM batch b
      JOIN chat_identities ci ON ci.member_id = b.id AND NOT ci.blocked AND ci.member_id > ${lo} AND ci.member_id <= ${hi}
    ), outbox AS (
      INSERT INTO outbox_messages (identity_id, message_key, args, buttons, dedupe_key, status, not_before, created_at)
      SELECT t.identity_id, ${openMessage(campaign.kind)},
             jsonb_build_object('campaignId', ${campaign.id}::int, 'memberId', t.member_id), ${JSON.stringify(buttons)}::jsonb,
             ${openKey(campaign.id)} || ':identity:' || t.identity_id, 'HELD', ${now}, ${now}
      FROM targets t
      ON CONFLICT (dedupe_key) DO NOTHING
      RETURNING id, identity_id
    )
    SELECT (SELECT count(*) FROM batch) AS n, ${WRITTEN}`;
  return toBatch(rows[0]!);
}

/** Round `round`'s reminder to each chat of the members in the range who have not answered (nor are done). */
export async function remindBatch(
  db: Db,
  campaign: { id: number; kind: string },
  buttons: unknown,
  round: number,
  { lo, hi }: MemberRange,
  now: Date,
): Promise<FanoutBatch> {
  const rows = await db.$queryRaw<BatchRow[]>`
    WITH batch AS (
      SELECT e.member_id FROM campaign_entries e
      WHERE e.campaign_id = ${campaign.id} AND NOT e.done AND e.responded_at IS NULL AND e.member_id > ${lo} AND e.member_id <= ${hi}
    ), targets AS (
      SELECT b.member_id, ci.id AS identity_id, ci.platform FROM batch b
      JOIN chat_identities ci ON ci.member_id = b.member_id AND NOT ci.blocked AND ci.member_id > ${lo} AND ci.member_id <= ${hi}
    ), outbox AS (
      INSERT INTO outbox_messages (identity_id, message_key, args, buttons, dedupe_key, status, not_before, created_at)
      SELECT t.identity_id, ${remindMessage(campaign.kind)},
             jsonb_build_object('campaignId', ${campaign.id}::int, 'memberId', t.member_id, 'round', ${round}::int),
             ${JSON.stringify(buttons)}::jsonb,
             ${remindKey(campaign.id, round)} || ':identity:' || t.identity_id, 'HELD', ${now}, ${now}
      FROM targets t
      ON CONFLICT (dedupe_key) DO NOTHING
      RETURNING id, identity_id
    )
    SELECT (SELECT count(*) FROM batch) AS n, ${WRITTEN}`;
  return toBatch(rows[0]!);
}
