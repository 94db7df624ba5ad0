// Everything one status message shows, gathered in one place for the member themself and for leaders alike.
import type { CoreDeps } from "../../core/feature.ts";
import { type Member, Prisma } from "../../infra/db.ts";
import { readFacts } from "../../infra/facts.ts";
import { type DuesPicture, duesFacts, duesPicture } from "../dues/dues-service.ts";
import { type Contact, contactAmong, contactCandidatesFact } from "../orgs/contacts.ts";
import { orgPathFact } from "../orgs/org-service.ts";
import { type TransferStanding, transferStanding, transferStatusesFact } from "../transfers/history.ts";
import { type HoursTotals, hoursTotalsFact } from "../volunteer/ledger.ts";
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

/** Every fact the message shows, read in one statement (the transfers' details follow only for a member who has any). */
export function statusFacts(member: Pick<Member, "id" | "orgId">, now: Date, timeZone: string) {
  return {
    path: orgPathFact(member.orgId),
    contacts: contactCandidatesFact(
      Prisma.sql`SELECT ancestor_ids FROM organisations WHERE id = ${member.orgId}`,
      member.id,
    ),
    transferStatuses: transferStatusesFact(member.id),
    hours: hoursTotalsFact(member.id, now, timeZone),
    ...duesFacts(member.id),
  };
}

export async function loadStatus(deps: Pick<CoreDeps, "db" | "now" | "config">, member: Member): Promise<StatusView> {
  const { db } = deps;
  const now = deps.now();
  const timeZone = deps.config.TZ;
  const facts = await readFacts(db, statusFacts(member, now, timeZone));
  const ancestorIds = facts.path.map((p) => p.id);
  const dues = duesPicture(facts, member, now, timeZone);
  const transfers = await transferStanding(db, member.id, facts.transferStatuses);
  const today = localDateOf(now, timeZone);
  return {
    member,
    orgPath: facts.path.map((p) => p.name),
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
    contact: contactAmong(facts.contacts, ancestorIds),
    hours: facts.hours,
  };
}
