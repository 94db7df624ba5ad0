// How the reminder campaign's messages are finished at send time: amounts and months as people read them. The
// rows hold only numbers (fen, yyyymm), written in bulk by SQL.
import type { MessageHooks } from "../../../core/feature.ts";
import { NUDGE_MESSAGE } from "../leaders/nudge-service.ts";
import { formatYuan } from "../money.ts";
import { arrearsLevel } from "../owed.ts";
import { BRANCH_ARREARS_MESSAGE, COMMITTEE_RISK_MESSAGE, REMINDER_MESSAGE } from "./campaign.ts";

/** yyyymm as the year and month a message shows (strings, so no digit grouping creeps in). */
export function monthArgs(month: unknown): { year: string; mon: string } {
  const m = Number(month);
  return { year: String(Math.floor(m / 100)), mon: String(m % 100) };
}

export const reminderDelivery: Record<string, MessageHooks> = {
  [REMINDER_MESSAGE]: {
    resolveArgs: async (_db, args) => ({
      ...monthArgs(args.month),
      amount: formatYuan(Number(args.owedFen ?? 0)),
      level: arrearsLevel(Number(args.months ?? 0)),
    }),
    broadcast: true,
  },
  // A leader's 催交: the amount as owed when they asked.
  [NUDGE_MESSAGE]: { resolveArgs: async (_db, args) => ({ amount: formatYuan(Number(args.owedFen ?? 0)) }) },
  [BRANCH_ARREARS_MESSAGE]: { resolveArgs: async (_db, args) => monthArgs(args.month), broadcast: true },
  [COMMITTEE_RISK_MESSAGE]: { resolveArgs: async (_db, args) => monthArgs(args.month), broadcast: true },
};
