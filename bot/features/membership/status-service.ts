// Everything one status message shows, gathered in one place for the member themself and for leaders alike.
import type { CoreDeps } from "../../core/feature.ts";
import type { Member } from "../../infra/db.ts";
import { type DuesPicture, loadDues } from "../dues/dues-service.ts";
import { type Contact, nearestContact } from "../orgs/contacts.ts";
import { orgPath } from "../orgs/org-service.ts";
import { type TransferStanding, transferStanding } from "../transfers/history.ts";
import { type HoursTotals, hoursTotals } from "../volunteer/ledger.ts";
import { dayOf, fullYears, localDateOf, type MembershipWarning, membershipWarnings } from "./rules.ts";

export interface StatusView {
  member: Member;
  orgPath: string[];
  /** The member's organisation's ancestor ids, root first. */
  ancestorIds: number[];
  leagueYears: number;
  dues: DuesPicture;
  /** The open transfer, a sent-back one still to fix, and the last one completed. */
  transfers: TransferStanding;
  warnings: MembershipWarning[];
  /** Whom to turn to about the warnings. */
  contact: Contact | undefined;
  /** Volunteer service hours, this year and in all. */
  hours: HoursTotals;
}

export async function loadStatus(deps: Pick<CoreDeps, "db" | "now" | "config">, member: Member): Promise<StatusView> {
  const { db } = deps;
  const now = deps.now();
  const timeZone = deps.config.TZ;
  const path = await orgPath(db, member.orgId);
  const ancestorIds = path.map((p) => p.id);
  const [dues, transfers, contact, hours] = await Promise.all([
    loadDues(db, member, now, timeZone),
    transferStanding(db, member.id),
    nearestContact(db, ancestorIds, member.id),
    hoursTotals(db, member.id, now, timeZone),
  ]);
  const today = localDateOf(now, timeZone);
  return {
    member,
    orgPath: path.map((p) => p.name),
    ancestorIds,
    leagueYears: fullYears(dayOf(member.joinedAt), today),
    dues,
    transfers,
    warnings: membershipWarnings({
      birth: dayOf(member.birthDate),
      today,
      hasLeaguePost: member.hasLeaguePost,
      status: member.status,
      owedMonths: dues.position.owedMonths.length,
      lastOrgLife: member.lastOrgLifeAt ? localDateOf(member.lastOrgLifeAt, timeZone) : null,
    }),
    contact,
    hours,
  };
}
