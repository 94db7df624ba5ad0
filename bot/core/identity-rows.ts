// The chat identity and bound member behind each message, straight through pg. Every message starts by reading
// them: everyone who wrote in the same moment is read in one statement, where Prisma's findUnique with its member
// (two statements a batch) cost more CPU in Prisma's query interpreter than the read cost PostgreSQL (bench:chat).
// A first contact is one statement too, where Prisma's upsert with its member was a transaction of four.
import type { ChatIdentity, Db, Member, Platform } from "../infra/db.ts";
import { directStatements } from "../infra/db.ts";
import { PREPARED } from "../infra/statement-names.ts";

export type IdentityWithMember = ChatIdentity & { member: Member | null };

// Every field of each model and its column: `satisfies` makes a field added to the schema a compile error here.
export const IDENTITY = {
  id: "id",
  platform: "platform",
  externalUserId: "external_user_id",
  chatId: "chat_id",
  locale: "locale",
  blocked: "blocked",
  memberId: "member_id",
  boundAt: "bound_at",
  lastSeenAt: "last_seen_at",
  createdAt: "created_at",
} as const satisfies Record<keyof ChatIdentity, string>;

const MEMBER = {
  id: "id",
  code: "code",
  name: "name",
  idHash: "id_hash",
  idLast4: "id_last4",
  birthDate: "birth_date",
  joinedAt: "joined_at",
  status: "status",
  duesCategory: "dues_category",
  monthlyIncomeFen: "monthly_income_fen",
  hasLeaguePost: "has_league_post",
  leftOn: "left_on",
  lastOrgLifeAt: "last_org_life_at",
  duesRemindedAt: "dues_reminded_at",
  orgId: "org_id",
  createdAt: "created_at",
  updatedAt: "updated_at",
} as const satisfies Record<keyof Member, string>;

const identityFields = Object.entries(IDENTITY);
const memberFields = Object.entries(MEMBER);

const columns = [
  ...identityFields.map(([, column], i) => `c."${column}" AS i${i}`),
  ...memberFields.map(([, column], i) => `m."${column}" AS m${i}`),
].join(", ");

// One text whatever the number of people (arrays), so it is prepared once per connection.
const FIND = `${PREPARED}SELECT k.external_user_id AS "key", ${columns}
FROM unnest($2::text[]) AS k(external_user_id)
JOIN chat_identities c ON c.platform = $1::"Platform" AND c.external_user_id = k.external_user_id
LEFT JOIN members m ON m.id = c.member_id`;

// Two first messages at once make one row; a private message also says where to write to them, and that they have
// not blocked the bot. The member is read with it: the row may have been there, bound, after all.
const UPSERT = `${PREPARED}WITH c AS (
  INSERT INTO chat_identities AS c (platform, external_user_id, chat_id, locale, blocked, last_seen_at, created_at)
  VALUES ($1::"Platform", $2, $3, NULL, false, $4, $4)
  ON CONFLICT (platform, external_user_id) DO UPDATE
    SET last_seen_at = EXCLUDED.last_seen_at,
        chat_id = CASE WHEN $5 THEN EXCLUDED.chat_id ELSE c.chat_id END,
        blocked = CASE WHEN $5 THEN false ELSE c.blocked END
  RETURNING *
)
SELECT c.external_user_id AS "key", ${columns} FROM c LEFT JOIN members m ON m.id = c.member_id`;

type Row = Record<string, unknown> & { key: string };

function toIdentity(row: Row): IdentityWithMember {
  const identity = Object.fromEntries(identityFields.map(([field], i) => [field, row[`i${i}`]])) as ChatIdentity;
  const member =
    row.m0 === null ? null : (Object.fromEntries(memberFields.map(([field], i) => [field, row[`m${i}`]])) as Member);
  return { ...identity, member };
}

interface Waiter {
  resolve(found: IdentityWithMember | null): void;
  reject(error: unknown): void;
}

export interface FirstContact {
  platform: Platform;
  externalUserId: string;
  /** Their private chat. */
  chatId: string;
  /** A private message: where to write to them is `chatId`, and they have not blocked the bot. */
  isPrivate: boolean;
  now: Date;
}

export interface IdentityRows {
  find(platform: Platform, externalUserId: string): Promise<IdentityWithMember | null>;
  /** Creates the identity of someone writing for the first time (or refreshes it, when it was there after all). */
  upsert(contact: FirstContact): Promise<IdentityWithMember>;
}

function createIdentityRows(db: Db): IdentityRows {
  const direct = directStatements(db);
  // The core's client is always createDb's; a transaction's client has no pool of its own to batch on.
  if (!direct) throw new Error("identity rows need a client made by createDb");
  const { query, read: readRows } = direct;
  // Asked in this tick, by platform and person; read together once the tick's other messages have asked too.
  let waiting = new Map<Platform, Map<string, Waiter[]>>();

  async function read(platform: Platform, people: Map<string, Waiter[]>) {
    try {
      const rows = await readRows<Row>(FIND, [platform, [...people.keys()]]);
      for (const row of rows) {
        for (const waiter of people.get(row.key) ?? []) waiter.resolve(toIdentity(row));
        people.delete(row.key);
      }
      for (const waiters of people.values()) for (const waiter of waiters) waiter.resolve(null);
    } catch (error) {
      for (const waiters of people.values()) for (const waiter of waiters) waiter.reject(error);
    }
  }

  function flush() {
    const batch = waiting;
    waiting = new Map();
    for (const [platform, people] of batch) void read(platform, people);
  }

  return {
    async upsert({ platform, externalUserId, chatId, isPrivate, now }) {
      const [row] = await query<Row>(UPSERT, [platform, externalUserId, chatId, now, isPrivate]);
      if (!row) throw new Error("the identity's upsert returned no row");
      return toIdentity(row);
    },
    find(platform, externalUserId) {
      return new Promise((resolve, reject) => {
        if (waiting.size === 0) process.nextTick(flush);
        let people = waiting.get(platform);
        if (!people) {
          people = new Map();
          waiting.set(platform, people);
        }
        const waiters = people.get(externalUserId);
        if (waiters) waiters.push({ resolve, reject });
        else people.set(externalUserId, [{ resolve, reject }]);
      });
    },
  };
}

const byDb = new WeakMap<Db, IdentityRows>();

/** The identity rows of a client made by createDb. */
export function identityRows(db: Db): IdentityRows {
  let found = byDb.get(db);
  if (!found) {
    found = createIdentityRows(db);
    byDb.set(db, found);
  }
  return found;
}
