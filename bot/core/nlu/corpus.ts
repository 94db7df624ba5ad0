// The examples the intent model learns from: locales/<locale>/intents/<intent>.txt, one utterance a line.
// A fifth of them, picked by a hash of the text, is held out: the model never trains on it and
// `npm run bench:nlu` measures on it, so the figure is the same on every run and every machine.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

export interface Example {
  text: string;
  intent: string;
  locale: string;
}

const LOCALES_DIR = join(import.meta.dirname, "../../../locales");

export function loadCorpus(dir = LOCALES_DIR): Example[] {
  const examples: Example[] = [];
  const seen = new Set<string>();
  for (const locale of readdirSync(dir, { withFileTypes: true })) {
    if (!locale.isDirectory()) continue;
    const folder = join(dir, locale.name, "intents");
    let files: string[];
    try {
      files = readdirSync(folder).filter((f) => f.endsWith(".txt"));
    } catch {
      continue;
    }
    for (const file of files.sort()) {
      const intent = file.slice(0, -".txt".length);
      for (const line of readFileSync(join(folder, file), "utf8").split("\n")) {
        const text = line.trim();
        // A sentence twice would count twice in the held-out figure (both copies hash alike).
        if (!text || text.startsWith("#") || seen.has(`${intent}\u0000${text}`)) continue;
        seen.add(`${intent}\u0000${text}`);
        examples.push({ text, intent, locale: locale.name });
      }
    }
  }
  return examples;
}

/** One example in five, always the same ones: a hash of the intent and the text. */
export function isHeldOut(example: Example): boolean {
  let hash = 0x811c9dc5;
  for (const ch of `${example.intent}\u0000${example.text}`) {
    hash ^= ch.codePointAt(0)!;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  // FNV alone leaves sentences that differ only at the end in the same bucket: mix the bits before taking 5.
  hash = Math.imul(hash ^ (hash >>> 16), 0x85ebca6b);
  hash = Math.imul(hash ^ (hash >>> 13), 0xc2b2ae35);
  return ((hash ^ (hash >>> 16)) >>> 0) % 5 === 0;
}
