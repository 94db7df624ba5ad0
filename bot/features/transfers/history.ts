// A member's transfer standing beyond the open one: a request sent back (and its reason) that still waits to be
// fixed, and the last transfer that completed. /me and 我的转接怎么样了 both show them, so neither says "no
// transfer" to someone whose request was just returned.
import type { Locale, Translate } from "../../core/i18n.ts";
import { type Db, Prisma, TransferStatus } from "../../infra/db.ts";
import { type Fact, readFact } from "../../infra/facts.ts";
import { formatDate } from "../membership/format.ts";
import { type OpenTransfer, openTransfer, rejectedToFix } from "./transfer-service.ts";

type Tx = Prisma.TransactionClient | Db;

export type SentBack = NonNullable<Awaited<ReturnType<typeof rejectedToFix>>>;

export interface CompletedTransfer {
  fromOrg: { name: string };
  toOrg: { name: string };
  assignedOrg: { name: string } | null;
  closedAt: Date | null;
  createdAt: Date;
}

export interface TransferStanding {
  open: OpenTransfer | null;
  sentBack: SentBack | null;
  lastCompleted: CompletedTransfer | null;
}

/**
 * The statuses the member's transfer requests have had. Most members never had a transfer: one indexed look at
 * their statuses first, because each read with relations below costs a statement per relation even when it finds
 * nothing (about twenty for the three, on every /me). A fact, so /me reads it with the rest of its status.
 */
export function transferStatusesFact(memberId: number): Fact<Set<TransferStatus>> {
  return {
    sql: Prisma.sql`SELECT COALESCE(array_agg(DISTINCT status::text), '{}') FROM transfer_requests WHERE member_id = ${memberId}`,
    parse: (value) => new Set(value as TransferStatus[]),
  };
}

export async function transferStanding(
  db: Tx,
  memberId: number,
  known?: Set<TransferStatus>,
): Promise<TransferStanding> {
  const statuses = known ?? (await readFact(db, transferStatusesFact(memberId)));
  const [open, sentBack, lastCompleted] = await Promise.all([
    statuses.has(TransferStatus.IN_PROGRESS) ? openTransfer(db, memberId) : null,
    // Only the latest request can be the one to fix, and only a rejected one.
    statuses.has(TransferStatus.REJECTED) ? rejectedToFix(db, memberId) : null,
    !statuses.has(TransferStatus.COMPLETED)
      ? null
      : db.transferRequest.findFirst({
          where: { memberId, status: TransferStatus.COMPLETED },
          orderBy: [{ closedAt: { sort: "desc", nulls: "last" } }, { id: "desc" }],
          select: {
            fromOrg: { select: { name: true } },
            toOrg: { select: { name: true } },
            assignedOrg: { select: { name: true } },
            closedAt: true,
            createdAt: true,
          },
        }),
  ]);
  return { open, sentBack, lastCompleted };
}

/** "转往 X 的申请被 Y 退回" and the reason with its note, as lines. */
export function sentBackLines(t: Translate, sentBack: SentBack): string[] {
  const step = sentBack.steps.find((s) => s.status === "REJECTED");
  const note = step?.note ?? null;
  return [
    t("transfers-last-rejected", { to: sentBack.toOrg.name, org: step?.org.name ?? "" }),
    t("transfers-rejection", { code: step?.rejectCode ?? "OTHER", note: note ?? "", noted: note ? "yes" : "no" }),
  ];
}

/** "最近一次完成的转接：A → B，2026年3月9日完成". */
export function completedLine(t: Translate, locale: Locale, timeZone: string, done: CompletedTransfer): string {
  return t("transfers-last-completed", {
    from: done.fromOrg.name,
    to: (done.assignedOrg ?? done.toOrg).name,
    date: formatDate(done.closedAt ?? done.createdAt, locale, timeZone),
  });
}
