// The identity and bound member of everyone who wrote in the same moment, read in one statement straight through
// pg. Every message starts with this read; Prisma's own (a findUnique with its member, which it batches as two
// statements) cost more CPU in Prisma's query interpreter than the read costs PostgreSQL (bench:chat).
import type { ChatIdentity, Db, Member, Platform } from "../infra/db.ts";
import { directReads } from "../infra/db.ts";
import { PREPARED } from "../infra/statement-names.ts";

export type IdentityWithMember = ChatIdentity & { member: Member | null };

// Every field of each model and its column: `satisfies` makes a field added to the schema a compile error here.
const IDENTITY = {
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

// One text whatever the number of people (arrays), so it is prepared once per connection.
const SQL = `${PREPARED}SELECT k.external_user_id AS "key", ${[
  ...identityFields.map(([, column], i) => `c."${column}" AS i${i}`),
  ...memberFields.map(([, column], i) => `m."${column}" AS m${i}`),
].join(", ")}
FROM unnest($2::text[]) AS k(external_user_id)
JOIN chat_identities c ON c.platform = $1::"Platform" AND c.external_user_id = k.external_user_id
LEFT JOIN members m ON m.id = c.member_id`;

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

export interface IdentityReads {
  find(platform: Platform, externalUserId: string): Promise<IdentityWithMember | null>;
}

function createIdentityReads(db: Db): IdentityReads {
  const reads = directReads(db);
  if (!reads) {
    return {
      find: (platform, externalUserId) =>
        db.chatIdentity.findUnique({
          where: { platform_externalUserId: { platform, externalUserId } },
          include: { member: true },
        }),
    };
  }
  const query = reads.query;
  // Asked in this tick, by platform and person; read together once the tick's other messages have asked too.
  let waiting = new Map<Platform, Map<string, Waiter[]>>();

  async function read(platform: Platform, people: Map<string, Waiter[]>) {
    try {
      const rows = await query<Row>(SQL, [platform, [...people.keys()]]);
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

const byDb = new WeakMap<Db, IdentityReads>();

/** The identity reads of a client made by createDb (Prisma's findUnique for any other client). */
export function identityReads(db: Db): IdentityReads {
  let found = byDb.get(db);
  if (!found) {
    found = createIdentityReads(db);
    byDb.set(db, found);
  }
  return found;
}
