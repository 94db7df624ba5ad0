// "取消", "算了不办了", "never mind": the words that close an open dialog. Matched whole against the cancel examples
// of the corpus, never by the model: a destination "中山大学计算机" or a note "材料不全请补充" shares characters with
// "算了" or "以后再说", and closing someone's dialog by mistake loses what they typed.
import { loadCorpus } from "./corpus.ts";

/** Phrases as compared, and the longest one's length: nothing much longer can be one or two of them. */
interface Phrases {
  set: ReadonlySet<string>;
  longest: number;
}

let cancelPhrases: Phrases | undefined;

const PARTICLES = /(吧|啊|呀|了|啦|please)+$/u;

/** A short phrase as it is compared whole: width, case, spaces and punctuation, and trailing particles gone. */
export function squeezePhrase(text: string): string {
  return text
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[\s\p{P}]+/gu, "")
    .replace(PARTICLES, "");
}

function phrasesOf(words: Iterable<string>): Phrases {
  const set = new Set([...words].map(squeezePhrase).filter(Boolean));
  return { set, longest: Math.max(0, ...[...set].map((w) => w.length)) };
}

/**
 * Said around a phrase without changing it ("nah, forget it", "哎算了", "取消 谢谢"): stripped, and what is left must
 * still be a whole phrase, so nothing that merely begins with "no" or "那" closes a dialog.
 */
const LEADING =
  /^(?:nah|nope|no|okay|ok|oh|um+|uh+|hm+|well|actually|just|哎呀|哎|唉|嗯+|呃|额|哦|噢|那就|那|要不|好吧|还是)/u;
const TRAILING = /(?:谢谢|thanks|thankyou|thx|please|pls|plz|then|吧)$/u;

/** `said` with `around` taken off again and again, each step's result (not `said` itself). */
function trimmed(said: string, around: RegExp): string[] {
  const out: string[] = [];
  for (
    let rest = said.replace(around, "");
    rest !== "" && rest !== (out.at(-1) ?? said);
    rest = rest.replace(around, "")
  ) {
    out.push(rest);
  }
  return out;
}

const known = (phrases: Phrases, part: string) => phrases.set.has(part) || phrases.set.has(part.replace(PARTICLES, ""));

/** One of the phrases, or two said in a row ("不对，我说错了", "算了，不弄了"). `said` is squeezed already. */
function oneOrTwo(said: string, phrases: Phrases): boolean {
  if (phrases.set.has(said)) return true;
  if (said.length > 2 * phrases.longest + 4) return false;
  for (let i = 1; i < said.length; i++) {
    if (known(phrases, said.slice(0, i)) && known(phrases, said.slice(i))) return true;
  }
  return false;
}

/** Whether `text` is one of the phrases as said, or with what people say around it. */
function saidAmong(text: string, phrases: Phrases): boolean {
  const said = squeezePhrase(text);
  if (said === "") return false;
  // Far longer than any phrase and what goes around one: a sentence (the common case, on every message).
  if (said.length > 2 * phrases.longest + 12) return false;
  return [said, ...trimmed(said, LEADING)].some(
    (s) => oneOrTwo(s, phrases) || trimmed(s, TRAILING).some((t) => oneOrTwo(t.replace(PARTICLES, ""), phrases)),
  );
}

export function isCancelPhrase(text: string): boolean {
  cancelPhrases ??= phrasesOf(
    loadCorpus()
      .filter((e) => e.intent === "cancel")
      .map((e) => e.text),
  );
  return saidAmong(text, cancelPhrases);
}

/** A short answer that is one of a list of phrases (a locale's words, comma-separated), compared as cancel phrases are. */
export function isPhraseAmong(text: string, words: string | readonly string[]): boolean {
  return saidAmong(text, phrasesOf(typeof words === "string" ? words.split(/[,，]/) : words));
}
