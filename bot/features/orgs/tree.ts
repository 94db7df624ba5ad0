// The organisation tree: each organisation keeps its ancestors' ids from the root down, itself last.

export function ancestorsOf(parentAncestors: number[] | null, id: number): number[] {
  return [...(parentAncestors ?? []), id];
}

/** Whether an organisation (given its ancestor ids) lies in the subtree of `scopeOrgId`. */
export function isWithin(ancestorIds: number[], scopeOrgId: number): boolean {
  return ancestorIds.includes(scopeOrgId);
}
