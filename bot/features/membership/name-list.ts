// A list of people as one line a leader can act on: "张三、李四、王五 等 12 人". Pure.
import type { Translate } from "../../core/i18n.ts";

/** Names shown in one line before the rest is only counted. */
export const MAX_NAMES = 20;

/** `names` are the first ones (at most `max` are shown); `total` is how many there are in all. */
export function formatNames(names: readonly string[], total: number, t: Translate, max = MAX_NAMES): string {
  const shown = names.slice(0, max);
  return t("membership-names", {
    names: shown.join(t("membership-names-separator")),
    more: Math.max(0, total - shown.length),
    total,
  });
}
