// The work calendar's exceptions from PostgreSQL (a small table: a few dozen rows a year).
import type { Db, Prisma } from "../../../infra/db.ts";
import { localDate, type WorkCalendar } from "./business-hours.ts";

type Tx = Prisma.TransactionClient | Db;

/** Exceptions from the local day of `from` on (a step's timetable never looks back). */
export async function loadWorkCalendar(tx: Tx, from: Date): Promise<WorkCalendar> {
  const rows = await tx.workCalendarDay.findMany({
    where: { date: { gte: new Date(`${localDate(from)}T00:00:00Z`) } },
    select: { date: true, working: true },
  });
  return new Map(rows.map((r) => [r.date.toISOString().slice(0, 10), r.working]));
}
