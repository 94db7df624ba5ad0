// Chinese word segmentation (jieba) and the readings of characters, for typo-tolerant matching.
import { Jieba } from "@node-rs/jieba";
import { dict } from "@node-rs/jieba/dict.js";
import { pinyin } from "pinyin-pro";

let jieba: Jieba | undefined;

/** Words of a Chinese (or mixed) sentence; the dictionary loads on first use (~150 ms). */
export function segment(text: string): string[] {
  jieba ??= Jieba.withDict(dict);
  return jieba.cut(text, true).filter((w) => w.trim() !== "");
}

const readingsCache = new Map<string, Set<string>>();

/** Every toneless reading of a character: 藉 → {jie, ji}. */
export function readings(char: string): Set<string> {
  let set = readingsCache.get(char);
  if (!set) {
    set = new Set(pinyin(char, { multiple: true, toneType: "none", type: "array" }));
    readingsCache.set(char, set);
  }
  return set;
}

/** Two characters that an input method could swap: the same character, or one that shares a reading. */
export function soundsAlike(a: string, b: string): boolean {
  if (a === b) return true;
  const ra = readings(a);
  for (const r of readings(b)) if (ra.has(r)) return true;
  return false;
}
