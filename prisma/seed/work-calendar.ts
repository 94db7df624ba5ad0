// The Chinese work calendar's exceptions to Monday–Friday, as reference data: public holidays (working = false) and
// 调休 weekend working days (working = true). Source: 国务院办公厅关于2026年部分节假日安排的通知 (国办发明电, 2025-11-04).
//
// 2027: the State Council publishes each year's arrangement around November of the year before; it was not yet
// published when this file was written (2026-11-26). Until rows for 2027 are added here (then `npm run db:seed`) or
// inserted into work_calendar_days directly, business-hour service levels count 2027 as plain Monday–Friday, so a
// 2027 holiday is counted as working time and a 2027 调休 Saturday is not.
import type { Db } from "../../bot/infra/db.ts";

interface Holiday {
  note: string;
  /** First and last day off, inclusive ("YYYY-MM-DD"); weekend days inside the range are listed too. */
  from: string;
  to: string;
  /** Weekend days that are working days instead (调休上班). */
  workdays: string[];
}

export const holidays2026: Holiday[] = [
  { note: "元旦", from: "2026-01-01", to: "2026-01-03", workdays: ["2026-01-04"] },
  { note: "春节", from: "2026-02-15", to: "2026-02-23", workdays: ["2026-02-14", "2026-02-28"] },
  { note: "清明节", from: "2026-04-04", to: "2026-04-06", workdays: [] },
  { note: "劳动节", from: "2026-05-01", to: "2026-05-05", workdays: ["2026-05-09"] },
  { note: "端午节", from: "2026-06-19", to: "2026-06-21", workdays: [] },
  { note: "中秋节", from: "2026-09-25", to: "2026-09-27", workdays: [] },
  { note: "国庆节", from: "2026-10-01", to: "2026-10-07", workdays: ["2026-09-20", "2026-10-10"] },
];

/** Not yet published (see the header); add the year's arrangement here when it is. */
export const holidays2027: Holiday[] = [];

export function workCalendarRows(list: Holiday[]): { date: Date; working: boolean; note: string }[] {
  const rows: { date: Date; working: boolean; note: string }[] = [];
  for (const h of list) {
    const last = Date.parse(`${h.to}T00:00:00Z`);
    for (let t = Date.parse(`${h.from}T00:00:00Z`); t <= last; t += 86_400_000) {
      rows.push({ date: new Date(t), working: false, note: h.note });
    }
    for (const d of h.workdays)
      rows.push({ date: new Date(`${d}T00:00:00Z`), working: true, note: `${h.note}调休上班` });
  }
  return rows;
}

/** Idempotent: days already present (perhaps corrected by an operator) are left alone. */
export async function seedWorkCalendar(db: Db) {
  await db.workCalendarDay.createMany({
    data: workCalendarRows([...holidays2026, ...holidays2027]),
    skipDuplicates: true,
  });
}
