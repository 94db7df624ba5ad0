// Which transfer reasons a member's own words fit: "考上研究生了" is 升学, "去深圳上班" is work but does not say
// whether the employer has a league organisation, so both kinds of employment fit and the member is asked which.
// Each reason's words come from the locale (`transfers-reason-words`); a reason scores the length of its longest
// word found in the text, and the best score wins, so "单位没有团委" (没有团委) beats "单位有团委" (有团委) and
// "还没找到工作" (没找到工作) beats "找到工作".
import type { TransferReason } from "../../infra/db.ts";

function normalise(text: string): string {
  return text.normalize("NFKC").toLowerCase().replace(/\s+/g, " ");
}

/** The reasons whose words fit `text` best; empty when none of them is there. */
export function reasonsIn(
  text: string,
  reasons: readonly TransferReason[],
  wordsOf: (reason: TransferReason) => readonly string[],
): TransferReason[] {
  const said = normalise(text);
  let best = 0;
  let fits: TransferReason[] = [];
  for (const reason of reasons) {
    const score = Math.max(
      0,
      ...wordsOf(reason)
        .map((w) => normalise(w).trim())
        .filter((w) => w && said.includes(w))
        .map((w) => w.length),
    );
    if (score === 0 || score < best) continue;
    if (score > best) fits = [];
    best = score;
    fits.push(reason);
  }
  return fits;
}
