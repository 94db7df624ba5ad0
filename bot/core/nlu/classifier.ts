// Free text → intent, with the trained model (model.ts). The model trains once per process in the background
// from the moment the app is built; the first sentence waits for it if it is not ready yet.
import type { Classification, IntentClassifier } from "../router.ts";
import { type IntentModel, sharedModel } from "./model.ts";

/**
 * Sentences already classified, the most recent kept: people ask in the same few words ("查一下我的团籍", "谢谢"),
 * and segmenting and scoring one again cost more than the rest of the look-up's CPU. The model never changes
 * while the process runs, so a kept answer is the answer.
 */
export const CLASSIFIED_KEPT = 2_000;

export function createIntentClassifier(model: Promise<IntentModel> = sharedModel()): IntentClassifier {
  const kept = new Map<string, Classification>();
  return {
    async classify(text) {
      const known = kept.get(text);
      if (known) return known;
      const ranked = await (await model).rank(text);
      const best = ranked[0] ?? { intent: "unknown", confidence: 0 };
      const classification: Classification = Object.freeze({
        intent: best.intent,
        confidence: best.confidence,
        ranked: Object.freeze(ranked) as Classification["ranked"],
      });
      if (kept.size >= CLASSIFIED_KEPT) kept.delete(kept.keys().next().value!);
      kept.set(text, classification);
      return classification;
    },
  };
}
