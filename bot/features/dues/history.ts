// A member's dues category over time. A confirmed change of circumstance (a new job, new pay, back to study) applies
// from its month on; the months before it keep what applied before (stored on the change), so an owed month from
// before the change is never re-priced. The member row holds what applies after the last confirmed change.
import { type Db, type DuesCategory, DuesChangeStatus, Prisma } from "../../infra/db.ts";
import type { Fact } from "../../infra/facts.ts";
import { jsonTime } from "../../infra/utc-values.ts";
import type { Month } from "./months.ts";
import type { Rate } from "./rules.ts";

type Tx = Prisma.TransactionClient | Db;

export interface Circumstance {
  duesCategory: Rate["category"];
  monthlyIncomeFen: number | null;
}

/** A confirmed change: from `effectiveMonth` on, the next change's `from` (or the member row) applies. */
export interface ConfirmedChange {
  effectiveMonth: Month;
  fromCategory: Rate["category"];
  fromIncomeFen: number | null;
}

/**
 * What applied in `month`: the `from` of the first confirmed change that starts after it, or the member's own
 * category when none does. `changes` in the order they happened (effective month, then id).
 */
export function circumstanceAt(member: Circumstance, changes: readonly ConfirmedChange[], month: Month): Circumstance {
  const next = changes.find((c) => c.effectiveMonth > month);
  return next ? { duesCategory: next.fromCategory, monthlyIncomeFen: next.fromIncomeFen } : member;
}

const changeFields = { memberId: true, effectiveMonth: true, fromCategory: true, fromIncomeFen: true } as const;

/** The confirmed changes of one member, in the order they apply. */
export async function confirmedChanges(db: Tx, memberId: number): Promise<ConfirmedChange[]> {
  return db.duesChange.findMany({
    where: { memberId, status: DuesChangeStatus.CONFIRMED },
    select: changeFields,
    orderBy: [{ effectiveMonth: "asc" }, { id: "asc" }],
  });
}

/** The confirmed changes of many members at once (rosters), by member id. */
export async function confirmedChangesOf(db: Tx, memberIds: number[]): Promise<Map<number, ConfirmedChange[]>> {
  const rows = await db.duesChange.findMany({
    where: { memberId: { in: memberIds }, status: DuesChangeStatus.CONFIRMED },
    select: changeFields,
    orderBy: [{ effectiveMonth: "asc" }, { id: "asc" }],
  });
  const byMember = new Map<number, ConfirmedChange[]>();
  for (const r of rows) {
    const list = byMember.get(r.memberId);
    if (list) list.push(r);
    else byMember.set(r.memberId, [r]);
  }
  return byMember;
}

/** A change the member reported that waits for a leader (shown in /me and /dues). */
export interface PendingChange {
  id: number;
  category: DuesCategory;
  incomeFen: number | null;
  month: Month;
  createdAt: Date;
}

type ChangeRow = Awaited<ReturnType<Tx["duesChange"]["findFirstOrThrow"]>>;

const toPending = (
  row: Pick<ChangeRow, "id" | "toCategory" | "toIncomeFen" | "effectiveMonth" | "createdAt">,
): PendingChange => ({
  id: row.id,
  category: row.toCategory,
  incomeFen: row.toIncomeFen,
  month: row.effectiveMonth,
  createdAt: row.createdAt,
});

export async function pendingChangeOf(db: Tx, memberId: number): Promise<PendingChange | null> {
  const row = await db.duesChange.findFirst({
    where: { memberId, status: DuesChangeStatus.PENDING },
    orderBy: { id: "desc" },
  });
  return row && toPending(row);
}

type ChangeJson = Pick<ChangeRow, "id" | "memberId" | "status" | "fromCategory" | "fromIncomeFen" | "toCategory"> &
  Pick<ChangeRow, "toIncomeFen" | "effectiveMonth"> & { createdAt: string };

/** `confirmedChanges` and `pendingChangeOf` in one read: a fact, as the status view asks for both on every look-up. */
export function changesFact(memberId: number): Fact<{ confirmed: ConfirmedChange[]; pending: PendingChange | null }> {
  return {
    sql: Prisma.sql`
      SELECT COALESCE(json_agg(json_build_object(
               'id', id, 'memberId', member_id, 'status', status, 'fromCategory', from_category,
               'fromIncomeFen', from_income_fen, 'toCategory', to_category, 'toIncomeFen', to_income_fen,
               'effectiveMonth', effective_month, 'createdAt', created_at) ORDER BY effective_month, id), '[]')
      FROM dues_changes WHERE member_id = ${memberId} AND status IN ('CONFIRMED', 'PENDING')`,
    parse: (value) => {
      const rows = value as ChangeJson[];
      const confirmed = rows
        .filter((r) => r.status === DuesChangeStatus.CONFIRMED)
        .map(({ memberId, effectiveMonth, fromCategory, fromIncomeFen }) => ({
          memberId,
          effectiveMonth,
          fromCategory,
          fromIncomeFen,
        }));
      const pending = rows.filter((r) => r.status === DuesChangeStatus.PENDING).sort((a, b) => b.id - a.id)[0];
      return {
        confirmed,
        pending: pending ? toPending({ ...pending, createdAt: jsonTime(pending.createdAt) }) : null,
      };
    },
  };
}
