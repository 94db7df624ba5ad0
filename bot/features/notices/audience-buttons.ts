// The audience step notices and activities share: the organisation's children as toggles (✓ when chosen). None
// chosen means the whole subtree.
import type { Context } from "../../core/feature.ts";
import { isPhraseAmong } from "../../core/nlu/cancel.ts";
import type { Button } from "../../core/types.ts";
import { toggleChild } from "./audience.ts";
import { childOrgs } from "./notice-service.ts";

const MAX_CHILD_BUTTONS = 12;

/** "全部", "都发", "everyone": typed where the audience is chosen, the whole subtree (the words are the locale's). */
export function meansWholeAudience(ctx: Context, text: string): boolean {
  return isPhraseAmong(text, ctx.t("notices-audience-all-words"));
}

/** One toggle row per child (payload `<action>:<id>`), or null when the organisation has no children. */
export async function audienceRows(
  ctx: Context,
  orgId: number,
  chosenIds: readonly number[],
  action: string,
): Promise<Button[][] | null> {
  const children = await childOrgs(ctx.deps.db, orgId);
  if (!children.length) return null;
  const chosen = new Set(chosenIds);
  return children
    .slice(0, MAX_CHILD_BUTTONS)
    .map((c) => [{ label: `${chosen.has(c.id) ? "✓ " : ""}${c.name}`, payload: `${action}:${c.id}` }]);
}

/** The chosen children after a press on child `childId` (an id that is not a child changes nothing). */
export async function toggledChildIds(ctx: Context, orgId: number, chosenIds: number[], childId: number) {
  const children = await childOrgs(ctx.deps.db, orgId);
  return toggleChild(
    { orgId, childIds: chosenIds },
    childId,
    children.map((c) => c.id),
  ).childIds;
}
