// When the intent model is unsure, ask instead of guessing: "你是想……吗？" with the likeliest two or three intents as
// buttons (numbered choices on WeChat). The sentence and the intent the person picks are stored for review
// (nlu_candidates): someone may add them to the corpus, nothing trains on them automatically.
import type { Context, CoreDeps } from "../feature.ts";
import type { Classification } from "../router.ts";

export const DID_YOU_MEAN_ACTION = "nlu-pick";

/** At or above: the model's answer is acted on. */
const SURE = 0.7;
/** Below: not worth offering as a guess. */
const PLAUSIBLE = 0.08;
const MAX_OFFERED = 3;
/** What is never offered as a guess: answering "cancel" or "hello" to a question would confuse more than help. */
const NOT_OFFERED = new Set(["unknown", "cancel", "start", "smalltalk.thanks"]);

/** Whether the router acts on the model's answer without asking. */
export function isSure(c: Classification): boolean {
  return c.intent !== "unknown" && c.confidence >= SURE;
}

export function createDidYouMean(deps: Pick<CoreDeps, "db" | "now">) {
  return {
    /** The intents to offer, or undefined when the model is sure enough (or has no idea worth offering). */
    candidates(c: Classification, known: (intent: string) => boolean): string[] | undefined {
      if (isSure(c)) return undefined;
      const offered = c.ranked
        .filter((r) => !NOT_OFFERED.has(r.intent) && known(r.intent) && r.confidence >= PLAUSIBLE)
        .slice(0, MAX_OFFERED)
        .map((r) => r.intent);
      return offered.length ? offered : undefined;
    },

    async ask(ctx: Context, text: string, offered: string[]) {
      const row = await deps.db.nluCandidate.create({
        data: { text: maskNumbers(text), locale: ctx.locale, offered },
        select: { id: true },
      });
      const buttons = offered.map((intent, i) => [
        ctx.button(`nlu-intent-${intent.replace(/\./g, "-")}`, `${DID_YOU_MEAN_ACTION}:${row.id}.${i}`),
      ]);
      ctx.say("nlu-did-you-mean", {}, buttons);
    },

    /** The intent a "did you mean" button stands for, recorded on its row; undefined for a forged or old one. */
    async chosen(arg: string): Promise<string | undefined> {
      const match = /^(\d{1,18})\.(\d)$/.exec(arg);
      if (!match) return undefined;
      const row = await deps.db.nluCandidate.findUnique({ where: { id: BigInt(match[1]!) } });
      const intent = row?.offered[Number(match[2])];
      if (!row || !intent) return undefined;
      // The first answer counts; a second tap just runs the intent again.
      if (!row.chosenIntent) {
        await deps.db.nluCandidate.update({
          where: { id: row.id },
          data: { chosenIntent: intent, chosenAt: deps.now() },
        });
      }
      return intent;
    },
  };
}

/** Long digit runs may be a 编号, a phone or an ID number: not kept. */
export function maskNumbers(text: string): string {
  return text.replace(/\d{6,}[\dXx]*/g, (m) => "#".repeat(m.length));
}
