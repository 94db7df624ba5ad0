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

export function isCancelPhrase(text: string): boolean {
  phrases ??= new Set(
    loadCorpus()
      .filter((e) => e.intent === "cancel")
      .map((e) => squeezePhrase(e.text)),
  );
  const said = squeezePhrase(text);
  return said !== "" && phrases.has(said);
}
