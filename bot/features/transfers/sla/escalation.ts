// Whom an overdue step escalates to. Pure.
//
// Each escalation stage goes one level above the last one reached, up to the province and never to 团中央. A level
// with no committee staff is skipped (the next one up gets the message at once), so an empty committee never
// swallows an escalation; when nobody is left up to the province, the chain ends without a message.
import type { OrgLevel } from "../../../infra/db.ts";

export interface ChainOrg {
  id: number;
  level: OrgLevel;
  /** Whether anyone holds COMMITTEE_STAFF here. */
  staffed: boolean;
}

export interface EscalationTarget {
  /** Levels above the step's organisation (1 = the parent). */
  levelsUp: number;
  /** The organisation that gets the message, or null when nobody up to the province is staffed. */
  orgId: number | null;
}

/** Escalation stops at the province: 团中央 is never a target. */
export function isEscalationLevel(level: OrgLevel): boolean {
  return level !== "CENTRAL";
}

/**
 * `chain` = the ancestors from the parent upwards; `current` = the step's escalation level so far. Returns null
 * when there is no level left to escalate to.
 */
export function escalationTarget(chain: readonly ChainOrg[], current: number): EscalationTarget | null {
  let top: EscalationTarget | null = null;
  for (let i = current; i < chain.length; i++) {
    const org = chain[i]!;
    if (!isEscalationLevel(org.level)) break;
    if (org.staffed) return { levelsUp: i + 1, orgId: org.id };
    top = { levelsUp: i + 1, orgId: null };
  }
  return top;
}
