// The keyword rules the bot used before the trained model (model.ts), kept only so `npm run bench:nlu` can
// report their figure on the same held-out split. Chinese is segmented with jieba and keywords must sit on word boundaries, so "团费" is
// found in "我欠多少团费" but not in "集团费用"; one homophone slip (团藉 for 团籍) still matches. English words
// allow one typo. Each intent scores the sum of its matched keywords' weights; too low a score is `unknown`.
import { segment, soundsAlike } from "./segment.ts";
import type { IntentWords } from "./vocabulary.ts";

const MIN_SCORE = 1;
const HAN = /\p{Script=Han}/u;

export function createRulesClassifier(vocabulary: IntentWords[]): {
  classify(text: string): { intent: string; score: number };
} {
  return {
    classify(raw) {
      const text = raw.toLowerCase();
      const words = segment(text);
      const englishWords = text.match(/[a-z']+/g) ?? [];
      let best = { intent: "unknown", score: 0 };
      for (const entry of vocabulary) {
        let score = 0;
        for (const k of entry.zh) score += zhMatch(k, words, text);
        for (const k of entry.en) score += enMatch(k, englishWords);
        if (score > best.score) best = { intent: entry.intent, score };
      }
      return best.score >= MIN_SCORE ? best : { intent: "unknown", score: best.score };
    },
  };
}

/** A keyword's weight: its length in characters, less for a homophone slip, 0 when absent. */
function zhMatch(keyword: string, words: string[], text: string): number {
  const weight = [...keyword].length;
  if (onWordBoundaries(keyword, words)) return weight;
  // Segmentation is unreliable around a typo, so the fuzzy pass looks at the raw characters.
  if (weight >= 2 && HAN.test(keyword) && containsWithOneSlip([...text], [...keyword])) return weight * 0.8;
  return 0;
}

/** The keyword equals one word or a run of consecutive words. */
function onWordBoundaries(keyword: string, words: string[]): boolean {
  for (let i = 0; i < words.length; i++) {
    let joined = "";
    for (let j = i; j < words.length && joined.length < keyword.length; j++) {
      joined += words[j];
      if (joined === keyword) return true;
    }
  }
  return false;
}

function containsWithOneSlip(text: string[], keyword: string[]): boolean {
  for (let i = 0; i + keyword.length <= text.length; i++) {
    let slips = 0;
    for (let j = 0; j < keyword.length && slips <= 1; j++) {
      const a = text[i + j]!;
      const b = keyword[j]!;
      if (a !== b) slips += soundsAlike(a, b) ? 1 : 2;
    }
    if (slips === 1) return true;
  }
  return false;
}

function enMatch(phrase: string, words: string[]): number {
  const parts = phrase.split(" ");
  return parts.every((p) => words.some((w) => closeEnough(w, p))) ? parts.length : 0;
}

function closeEnough(word: string, target: string): boolean {
  if (word === target) return true;
  if (target.length < 5) return false;
  return editDistanceAtMostOne(word, target);
}

function editDistanceAtMostOne(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  let j = 0;
  let edits = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      i++;
      j++;
      continue;
    }
    if (++edits > 1) return false;
    if (a.length > b.length) i++;
    else if (b.length > a.length) j++;
    else {
      i++;
      j++;
    }
  }
  return edits + (a.length - i) + (b.length - j) <= 1;
}
