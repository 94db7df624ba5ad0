// The examples the intent model learns from: enough of them, in both languages, for intents the bot answers; a
// held-out fifth that never changes; and training that gives the same model every time.
import { describe, expect, it } from "vitest";
import { createI18n } from "../../../bot/core/i18n.ts";
import { isHeldOut, loadCorpus } from "../../../bot/core/nlu/corpus.ts";
import { trainModel } from "../../../bot/core/nlu/model.ts";
import { features as allFeatures } from "../../../bot/features/index.ts";

const corpus = loadCorpus();
const count = (intent: string, locale: string) =>
  corpus.filter((e) => e.intent === intent && e.locale === locale).length;
const intents = [...new Set(corpus.map((e) => e.intent))].sort();

describe("the intent corpus", () => {
  it("has at least 40 Chinese and 20 English examples for every intent", () => {
    for (const intent of intents) {
      expect(count(intent, "zh-CN"), `${intent} zh`).toBeGreaterThanOrEqual(40);
      expect(count(intent, "en"), `${intent} en`).toBeGreaterThanOrEqual(20);
    }
  });

  it("names only intents some feature answers, and keeps every intent the old rules knew", () => {
    const answered = new Set(allFeatures.flatMap((f) => Object.keys(f.intents ?? {})));
    for (const intent of intents) expect(answered.has(intent), intent).toBe(true);
    for (const kept of ["membership.status", "dues.status", "dues.pay", "transfer.start", "transfer.status"]) {
      expect(intents).toContain(kept);
    }
  });

  it("has examples for every intent a feature answers from plain words", () => {
    // Not reached from words: the fallback and the "bind first" answer.
    const notFromWords = new Set(["unknown", "bind.required"]);
    for (const f of allFeatures) {
      for (const intent of Object.keys(f.intents ?? {})) {
        if (!notFromWords.has(intent)) expect(intents, `${f.name}: ${intent}`).toContain(intent);
      }
    }
  });

  it('has a "did you mean" label for every intent it can offer, in both languages', () => {
    const i18n = createI18n("zh-CN");
    for (const intent of intents.filter((i) => i !== "unknown")) {
      for (const locale of ["zh-CN", "en"] as const) {
        expect(i18n.has(locale, `nlu-intent-${intent.replace(/\./g, "-")}`), `${locale} ${intent}`).toBe(true);
      }
    }
  });

  it("holds out about a fifth, the same sentences on every run", () => {
    const held = corpus.filter(isHeldOut);
    expect(held.length / corpus.length).toBeGreaterThan(0.15);
    expect(held.length / corpus.length).toBeLessThan(0.25);
    expect(loadCorpus().filter(isHeldOut)).toEqual(held);
  });

  it("trains the same model twice from the same examples", async () => {
    const some = corpus.filter((e) => ["dues.status", "dues.pay", "transfer.start"].includes(e.intent));
    const [a, b] = await Promise.all([trainModel(some), trainModel(some)]);
    for (const text of ["我要交团费", "转团关系", "how much do I owe"]) {
      expect(await a.rank(text)).toEqual(await b.rank(text));
    }
  });
});
