// "取消", "算了不办了", "never mind": the words that close an open dialog. Matched whole against the cancel examples
// of the corpus, never by the model: a destination "中山大学计算机" or a note "材料不全请补充" shares characters with
// "算了" or "以后再说", and closing someone's dialog by mistake loses what they typed.
import { loadCorpus } from "./corpus.ts";

let phrases: Set<string> | undefined;

/** A short phrase as it is compared whole: width, case, spaces and punctuation, and trailing particles gone. */
export function squeezePhrase(text: string): string {
  return text
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[\s\p{P}]+/gu, "")
    .replace(/(吧|啊|呀|了|啦|please)+$/u, "");
}

/**
 * Said around a cancel phrase without changing it ("nah, forget it", "哎算了", "取消 谢谢"): stripped, and what is left
 * must still be a whole cancel phrase, so nothing that merely begins with "no" or "那" closes a dialog.
 */
const LEADING =
  /^(?:nah|nope|no|okay|ok|oh|um+|uh+|hm+|well|actually|just|哎呀|哎|唉|嗯+|呃|额|哦|噢|那就|那|要不|好吧|还是)/u;
const TRAILING = /(?:谢谢|thanks|thankyou|thx|please|pls|plz|then|吧)$/u;

function trimmed(said: string, around: RegExp): string[] {
  const out: string[] = [];
  for (let rest = said.replace(around, ""); rest !== "" && rest !== out.at(-1); rest = rest.replace(around, "")) {
    out.push(rest);
  }
  return out;
}

/** One of the phrases, or two said in a row ("不对，我说错了", "算了，不弄了"). */
function oneOrTwo(said: string, known: ReadonlySet<string>): boolean {
  if (known.has(said)) return true;
  const chars = [...said];
  if (chars.length > 24) return false;
  for (let i = 1; i < chars.length; i++) {
    const [head, tail] = [squeezePhrase(chars.slice(0, i).join("")), squeezePhrase(chars.slice(i).join(""))];
    if (known.has(head) && known.has(tail)) return true;
  }
  return false;
}

/** Whether `text` is one of `known` (squeezed phrases) as said, or with what people say around it. */
function saidAmong(text: string, known: ReadonlySet<string>): boolean {
  const said = squeezePhrase(text);
  if (said === "") return false;
  return [said, ...trimmed(said, LEADING)].some(
    (s) => oneOrTwo(s, known) || trimmed(s, TRAILING).some((t) => oneOrTwo(squeezePhrase(t), known)),
  );
}

export function isCancelPhrase(text: string): boolean {
  phrases ??= new Set(
    loadCorpus()
      .filter((e) => e.intent === "cancel")
      .map((e) => squeezePhrase(e.text)),
  );
  return saidAmong(text, phrases);
}

/** A short answer that is one of a list of phrases (a locale's words, comma-separated), compared as cancel phrases are. */
export function isPhraseAmong(text: string, words: string): boolean {
  return saidAmong(text, new Set(words.split(/[,，]/).map(squeezePhrase)));
}
