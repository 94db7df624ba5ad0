// Who can act on a step, and whom an overdue step escalates to. Pure.
//
// Both walk the same chain: the step's organisation (0 levels up), its parent (1), … up to the province; 团中央 is
// never a target. At each level the people who can act are those holding a step role there with a chat that has not
// blocked the bot, less the transfer's own member: nobody decides their own transfer. A level with nobody is passed
// over, so a step never waits on people who cannot see it: at its start it goes at once to the nearest level with
// someone (`nearestActing`), and each escalation goes to the nearest such level above the last one reached
// (`escalationTarget`); when nobody is left up to the province, the chain ends without a message.
import type { OrgLevel } from "../../../infra/db.ts";

export interface ChainOrg {
  id: number;
  name: string;
  level: OrgLevel;
  /** Member ids who can act here (a step role, a chat that has not blocked the bot). */
  actors: readonly number[];
}

export interface Acting {
  /** Levels above the step's organisation (0 = the organisation itself). */
  levelsUp: number;
  orgId: number;
  orgName: string;
  memberIds: number[];
  /** The transfer's member can act at a level below this one: it passed her over. */
  passedOverMember: boolean;
}

export interface EscalationTarget {
  /** Levels above the step's organisation (1 = the parent). */
  levelsUp: number;
  /** The organisation that gets the message, or null when nobody up to the province can act. */
  orgId: number | null;
  memberIds: number[];
}

/** Escalation stops at the province: 团中央 is never a target. */
export function isEscalationLevel(level: OrgLevel): boolean {
  return level !== "CENTRAL";
}

const others = (org: ChainOrg, memberId: number) => [...new Set(org.actors.filter((id) => id !== memberId))];

/**
 * `chain` = the step's organisation and its ancestors, nearest first. The first level from `from` on with someone
 * other than `memberId` who can act, or null when there is nobody up to the province.
 */
export function nearestActing(chain: readonly ChainOrg[], memberId: number, from = 0): Acting | null {
  let passedOverMember = false;
  for (let i = from; i < chain.length; i++) {
    const org = chain[i]!;
    if (!isEscalationLevel(org.level)) break;
    const memberIds = others(org, memberId);
    if (memberIds.length) return { levelsUp: i, orgId: org.id, orgName: org.name, memberIds, passedOverMember };
    if (org.actors.includes(memberId)) passedOverMember = true;
  }
  return null;
}

/**
 * The escalation after `current` levels: the nearest level above it with someone who can act, or the top of the
 * chain with nobody (orgId null); null when there is no level left to escalate to.
 */
export function escalationTarget(
  chain: readonly ChainOrg[],
  current: number,
  memberId: number,
): EscalationTarget | null {
  const found = nearestActing(chain, memberId, current + 1);
  if (found) return { levelsUp: found.levelsUp, orgId: found.orgId, memberIds: found.memberIds };
  let top = -1;
  for (let i = current + 1; i < chain.length && isEscalationLevel(chain[i]!.level); i++) top = i;
  return top < 0 ? null : { levelsUp: top, orgId: null, memberIds: [] };
}
