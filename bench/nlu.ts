// `npm run bench:nlu`: the intent model against the held-out fifth of the corpus (locales/*/intents/*.txt) that it
// never trains on. Prints accuracy per intent, the confusion pairs, the overall figure, and the old keyword
// rules' figure on the same examples (and the ratio between the two). Goal: ≥ 95% overall, ≥ 90% per intent.
// `-- --misses` lists every sentence it got wrong; `-- --thresholds` how often it is sure enough to act, and right.
import { isHeldOut, loadCorpus } from "../bot/core/nlu/corpus.ts";
import { isSure } from "../bot/core/nlu/did-you-mean.ts";
import { trainModel } from "../bot/core/nlu/model.ts";
import { createRulesClassifier } from "../bot/core/nlu/rules-classifier.ts";
import { intentVocabulary } from "../bot/features/intents.ts";

const corpus = loadCorpus();
const train = corpus.filter((e) => !isHeldOut(e));
const test = corpus.filter(isHeldOut);

const started = performance.now();
const cpuBefore = process.cpuUsage();
const model = await trainModel(train);
const trainMs = performance.now() - started;
const trainCpu = process.cpuUsage(cpuBefore);
const rules = createRulesClassifier(intentVocabulary);

const perIntent = new Map<string, { right: number; total: number }>();
const confusions = new Map<string, number>();
let right = 0;
const outcomes: { confidence: number; right: boolean }[] = [];
let acted = 0;
let actedRight = 0;
let rulesRight = 0;
const classifyStart = performance.now();
for (const example of test) {
  const ranked = await model.rank(example.text);
  const got = ranked[0]?.intent ?? "unknown";
  outcomes.push({ confidence: ranked[0]?.confidence ?? 0, right: got === example.intent });
  if (isSure({ intent: got, confidence: ranked[0]?.confidence ?? 0, ranked })) {
    acted++;
    if (got === example.intent) actedRight++;
  }
  const stats = perIntent.get(example.intent) ?? { right: 0, total: 0 };
  stats.total++;
  if (got === example.intent) {
    stats.right++;
    right++;
  } else {
    const pair = `${example.intent} → ${got}`;
    if (process.argv.includes("--misses")) console.log(`miss: ${example.text}  ${pair}`);
    confusions.set(pair, (confusions.get(pair) ?? 0) + 1);
  }
  perIntent.set(example.intent, stats);
  if (example.intent !== "unknown" && rules.classify(example.text).intent === example.intent) rulesRight++;
}
const classifyMs = (performance.now() - classifyStart) / test.length;

const pct = (a: number, b: number) => `${((100 * a) / b).toFixed(1)}%`;
console.log(`corpus ${corpus.length} examples, trained on ${train.length}, held out ${test.length}`);
// CPU time beside the wall clock: on a shared machine the wall clock mostly measures the neighbours.
const cpuSeconds = (trainCpu.user + trainCpu.system) / 1e6;
console.log(
  `training ${(trainMs / 1000).toFixed(2)} s (${cpuSeconds.toFixed(2)} s of CPU), ${classifyMs.toFixed(2)} ms per sentence\n`,
);
console.log("per intent:");
for (const [intent, s] of [...perIntent].sort((a, b) => a[1].right / a[1].total - b[1].right / b[1].total)) {
  const flag = s.right / s.total < 0.9 && intent !== "unknown" ? "  < 90%" : "";
  console.log(`  ${intent.padEnd(28)} ${pct(s.right, s.total).padStart(6)}  (${s.right}/${s.total})${flag}`);
}
console.log("\nconfusions (expected → got):");
for (const [pair, n] of [...confusions].sort((a, b) => b[1] - a[1])) console.log(`  ${n}× ${pair}`);
if (!confusions.size) console.log("  none");
// Sentences outside the bot's work ("unknown") are reported apart: the goal is about the requests it serves.
const served = [...perIntent].filter(([intent]) => intent !== "unknown");
const servedRight = served.reduce((n, [, s]) => n + s.right, 0);
const servedTotal = served.reduce((n, [, s]) => n + s.total, 0);
const outside = perIntent.get("unknown");
const overall = servedRight / servedTotal;
const old = rulesRight / servedTotal;
console.log(
  `\noverall: ${pct(servedRight, servedTotal)} of the requests the bot serves (goal ≥ 95%, every intent ≥ 90%)`,
);
if (outside) console.log(`sentences outside its work recognised as such: ${pct(outside.right, outside.total)}`);
console.log(`all held-out sentences: ${pct(right, test.length)}`);
console.log(
  `confident enough to act on: ${pct(acted, test.length)} of them, ${pct(actedRight, acted)} right; the rest get "did you mean…?"`,
);
if (process.argv.includes("--thresholds")) {
  for (const t of [0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9]) {
    const over = outcomes.filter((o) => o.confidence >= t);
    console.log(
      `  threshold ${t}: act on ${pct(over.length, outcomes.length)}, ${pct(over.filter((o) => o.right).length, over.length)} right`,
    );
  }
}
console.log(
  `old keyword rules on the same sentences: ${pct(rulesRight, servedTotal)}; model/rules = ${(overall / old).toFixed(2)}`,
);
