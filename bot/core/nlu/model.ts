// The intent model: NLP.js's neural classifier (@nlpjs/nlu: one layer over the sentence's features, the same
// weights on every run) fed with our own features (features.ts: jieba words, characters, character pairs).
// Chosen by measuring on the held-out split (`npm run bench:nlu`): it scored like a naive Bayes over the same
// features and above a nearest-neighbour one; NLP.js's own Chinese tokenizer cuts domain words into characters
// (团籍 → 团 / 籍), so jieba's words go in beside the characters. The examples mattered most. Trained once per
// process and shared: every app a process creates (tests create many) classifies with the same model, and the
// weights are cached on disk.
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { NluNeural } from "@nlpjs/nlu";
import { type Example, isHeldOut, loadCorpus } from "./corpus.ts";
import { features } from "./features.ts";

export interface Ranked {
  intent: string;
  confidence: number;
}

export interface IntentModel {
  /** Every intent with its confidence (0–1), best first; `unknown` when nothing fits. */
  rank(text: string): Promise<Ranked[]>;
}

class FeatureNlu extends NluNeural {
  override async prepare(text: unknown, settings?: unknown): Promise<unknown> {
    if (typeof text !== "string") return super.prepare(text, settings);
    return Object.fromEntries(features(text).map((f) => [f, 1]));
  }
}

function newNlu() {
  return new FeatureNlu({
    locale: "zh",
    log: false,
    useNoneFeature: true,
    spellCheck: false,
  });
}

export async function trainModel(examples: Example[]): Promise<IntentModel> {
  const nlu = newNlu();
  await nlu.train(examples.map((e) => ({ utterance: e.text, intent: e.intent })));
  return wrap(nlu);
}

function wrap(nlu: FeatureNlu): IntentModel {
  return {
    async rank(text) {
      const { classifications } = await nlu.process(text);
      return classifications
        .filter((c) => c.score > 0)
        .map((c) => ({ intent: c.intent === "None" ? "unknown" : c.intent, confidence: c.score }));
    },
  };
}

let shared: Promise<IntentModel> | undefined;

/**
 * The model trained on the whole corpus but its held-out fifth, once per process. Training gives the same weights
 * every time, so they are also kept on disk under a hash of the corpus and of the code that turns sentences into
 * features: the next process (a test file, a restart) loads them in milliseconds instead of training again.
 */
export function sharedModel(): Promise<IntentModel> {
  shared ??= loadOrTrain(loadCorpus().filter((e) => !isHeldOut(e)));
  return shared;
}

async function loadOrTrain(examples: Example[]): Promise<IntentModel> {
  const hash = createHash("sha256")
    .update(JSON.stringify(examples))
    .update(readFileSync(join(import.meta.dirname, "features.ts")))
    .update(readFileSync(import.meta.filename))
    .digest("hex")
    .slice(0, 16);
  const dir = join(tmpdir(), "tuanzhu-nlu");
  const file = join(dir, `${hash}.json`);
  const nlu = newNlu();
  try {
    nlu.fromJSON(JSON.parse(readFileSync(file, "utf8")));
    return wrap(nlu);
  } catch {
    // Not there yet (or unreadable): train, then write it for the next process, atomically.
  }
  await nlu.train(examples.map((e) => ({ utterance: e.text, intent: e.intent })));
  try {
    mkdirSync(dir, { recursive: true });
    const temp = `${file}.${process.pid}.tmp`;
    writeFileSync(temp, JSON.stringify(nlu.toJSON()));
    renameSync(temp, file);
  } catch {
    // A read-only disk only costs the next process a training.
  }
  return wrap(nlu);
}
