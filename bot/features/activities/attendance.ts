// Who signed up, who waits, who came: the organiser's roster in chat and the attendance sheet (CSV).

import type { Translate } from "../../core/i18n.ts";
import { plainTime } from "../../core/plain-time.ts";
import type { Activity, Db } from "../../infra/db.ts";
import { type Attendance, attendanceOf, csvLine } from "./rules.ts";

export interface RosterRow {
  /** Place in the list: order of arrival among the confirmed, or position on the waitlist. */
  n: number;
  name: string;
  code: string;
  org: string;
  status: "CONFIRMED" | "WAITLISTED" | "CANCELLED";
  queuedAt: Date;
  checkedInAt: Date | null;
  attendance: Attendance;
}

export interface Roster {
  confirmed: RosterRow[];
  waiting: RosterRow[];
  cancelled: RosterRow[];
  attended: number;
  noShows: number;
}

export async function rosterOf(db: Db, activity: Activity, now: Date): Promise<Roster> {
  const signups = await db.activitySignup.findMany({
    where: { activityId: activity.id },
    orderBy: [{ queuedAt: "asc" }, { id: "asc" }],
    include: { member: { select: { name: true, code: true, org: { select: { name: true } } } } },
  });
  const rows = (status: RosterRow["status"]) =>
    signups
      .filter((s) => s.status === status)
      .map((s, i) => ({
        n: i + 1,
        name: s.member.name,
        code: s.member.code,
        org: s.member.org.name,
        status: s.status,
        queuedAt: s.queuedAt,
        checkedInAt: s.checkedInAt,
        attendance: attendanceOf(s, activity.endsAt, now),
      }));
  const confirmed = rows("CONFIRMED");
  return {
    confirmed,
    waiting: rows("WAITLISTED"),
    cancelled: rows("CANCELLED"),
    attended: confirmed.filter((r) => r.attendance === "attended").length,
    noShows: confirmed.filter((r) => r.attendance === "no-show").length,
  };
}

/** The sheet, UTF-8 with a byte-order mark so spreadsheet programs read the Chinese right. */
export function attendanceCsv(t: Translate, roster: Roster, timeZone: string): Uint8Array {
  const header = t("activities-csv-columns").split(",");
  const lines = [csvLine(header)];
  for (const r of [...roster.confirmed, ...roster.waiting, ...roster.cancelled]) {
    lines.push(
      csvLine([
        r.n,
        r.name,
        r.code,
        r.org,
        t("activities-signup-status", { status: r.status }),
        plainTime(r.queuedAt, timeZone),
        r.checkedInAt ? plainTime(r.checkedInAt, timeZone) : "",
        t("activities-attendance", { state: r.attendance }),
      ]),
    );
  }
  return new TextEncoder().encode(`\ufeff${lines.join("\r\n")}\r\n`);
}
