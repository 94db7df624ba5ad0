// The numbers behind the reports, computed in PostgreSQL over one organisation's subtree.
import type { Db } from "../../infra/db.ts";

export interface DuesCollectionRow {
  orgId: number;
  code: string;
  name: string;
  /** Active members in this organisation itself (not its subtree). */
  members: number;
  paid: number;
  amountFen: number;
}

/** Per organisation with active members: how many have paid the month, and how much came in for it. */
export async function duesCollection(db: Db, rootId: number, month: number): Promise<DuesCollectionRow[]> {
  const rows = await db.$queryRaw<
    { id: number; code: string; name: string; members: bigint; paid: bigint; fen: bigint }[]
  >`
    SELECT o.id, o.code, o.name, count(m.id) AS members, count(d.id) AS paid, coalesce(sum(d.amount_fen), 0) AS fen
    FROM organisations o
    JOIN members m ON m.org_id = o.id AND m.status = 'ACTIVE'
    LEFT JOIN dues_months d ON d.member_id = m.id AND d.month = ${month}
    WHERE o.ancestor_ids @> ARRAY[${rootId}]::int[]
    GROUP BY o.id
    ORDER BY o.code`;
  return rows.map((r) => ({
    orgId: r.id,
    code: r.code,
    name: r.name,
    members: Number(r.members),
    paid: Number(r.paid),
    amountFen: Number(r.fen),
  }));
}

export interface AttendanceRow {
  activityId: number;
  title: string;
  orgId: number;
  orgCode: string;
  startsAt: Date;
  status: string;
  capacity: number;
  confirmed: number;
  waitlisted: number;
  checkedIn: number;
  /** Checked in ÷ confirmed. */
  attendanceRate: number | null;
}

/** Activities of the subtree starting in [from, to): sign-ups and check-ins. */
export async function activityAttendance(db: Db, rootId: number, from: Date, to: Date): Promise<AttendanceRow[]> {
  const rows = await db.$queryRaw<
    {
      id: number;
      title: string;
      org_id: number;
      code: string;
      starts_at: Date;
      status: string;
      capacity: number;
      confirmed: bigint;
      waitlisted: bigint;
      checked_in: bigint;
    }[]
  >`
    SELECT a.id, a.title, a.org_id, o.code, a.starts_at, a.status::text AS status, a.capacity,
           count(s.id) FILTER (WHERE s.status = 'CONFIRMED') AS confirmed,
           count(s.id) FILTER (WHERE s.status = 'WAITLISTED') AS waitlisted,
           count(s.id) FILTER (WHERE s.status = 'CONFIRMED' AND s.checked_in_at IS NOT NULL) AS checked_in
    FROM activities a
    JOIN organisations o ON o.id = a.org_id
    LEFT JOIN activity_signups s ON s.activity_id = a.id
    WHERE o.ancestor_ids @> ARRAY[${rootId}]::int[] AND a.starts_at >= ${from} AND a.starts_at < ${to}
    GROUP BY a.id, o.code
    ORDER BY a.starts_at, a.id`;
  return rows.map((r) => {
    const confirmed = Number(r.confirmed);
    const checkedIn = Number(r.checked_in);
    return {
      activityId: r.id,
      title: r.title,
      orgId: r.org_id,
      orgCode: r.code,
      startsAt: r.starts_at,
      status: r.status,
      capacity: r.capacity,
      confirmed,
      waitlisted: Number(r.waitlisted),
      checkedIn,
      attendanceRate: confirmed ? Math.round((checkedIn / confirmed) * 1000) / 1000 : null,
    };
  });
}
