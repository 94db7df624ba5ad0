// The organisation tree: each organisation keeps its ancestors' ids from the root down, itself last.

export function ancestorsOf(parentAncestors: number[] | null, id: number): number[] {
  return [...(parentAncestors ?? []), id];
}
