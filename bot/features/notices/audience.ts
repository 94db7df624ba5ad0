// Choosing a notice's audience: the sender's whole subtree, or some of its child organisations.

export interface AudienceChoice {
  /** The organisation the notice is sent as (within the sender's scope). */
  orgId: number;
  /** Chosen child organisations; empty means the whole subtree of orgId. */
  childIds: number[];
}

export function toggleChild(choice: AudienceChoice, childId: number, validChildIds: readonly number[]): AudienceChoice {
  if (!validChildIds.includes(childId)) return choice;
  const childIds = choice.childIds.includes(childId)
    ? choice.childIds.filter((id) => id !== childId)
    : [...choice.childIds, childId].sort((a, b) => a - b);
  return { ...choice, childIds };
}

/** The organisations whose subtrees receive the notice. */
export function audienceOrgIds(choice: AudienceChoice): number[] {
  return choice.childIds.length ? choice.childIds : [choice.orgId];
}

/** A notice may be chased again once a day. */
export const CHASE_INTERVAL_MS = 24 * 60 * 60 * 1000;

export function nextChaseAt(lastChasedAt: Date | null): Date | null {
  return lastChasedAt ? new Date(lastChasedAt.getTime() + CHASE_INTERVAL_MS) : null;
}
