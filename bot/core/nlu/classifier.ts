// Free text → intent, with the trained model (model.ts). The model trains once per process in the background
// from the moment the app is built; the first sentence waits for it if it is not ready yet.
import type { Classification, IntentClassifier } from "../router.ts";
import { type IntentModel, sharedModel } from "./model.ts";

export function createIntentClassifier(model: Promise<IntentModel> = sharedModel()): IntentClassifier {
  return {
    async classify(text) {
      const ranked = await (await model).rank(text);
      const best = ranked[0] ?? { intent: "unknown", confidence: 0 };
      return { intent: best.intent, confidence: best.confidence, ranked } satisfies Classification;
    },
  };
}
