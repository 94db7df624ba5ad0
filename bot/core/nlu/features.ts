// What the intent model sees of a sentence. Chinese: jieba's words, each character (a typo or an unknown word
// such as 团藉 still shares characters with the right one) and neighbouring character pairs; each word's pinyin was
// tried and cost accuracy (too many characters share a reading). English and the Latin parts of mixed 中英 text: lower-case words with a light stem. Numbers and
// 12-digit 编号 become slots, so "交3个月" and "交12个月" are the same request.
import { segment, soundsAlike } from "./segment.ts";

// The league's own words, which input methods get wrong by a homophone (团藉, 团废, 转节): one character of the pair
// right and the other read alike is taken for the word, before anything else looks at the text.
const DOMAIN_WORDS = ["团籍", "团费", "转接", "签到", "报名", "编号", "绑定", "缴费"];

function fixHomophones(text: string): string {
  const chars = [...text];
  for (let i = 0; i + 1 < chars.length; i++) {
    const a = chars[i]!;
    const b = chars[i + 1]!;
    for (const word of DOMAIN_WORDS) {
      const [x, y] = [...word] as [string, string];
      if (a === x && b === y) break;
      if ((a === x && soundsAlike(b, y)) || (b === y && soundsAlike(a, x))) {
        chars[i] = x;
        chars[i + 1] = y;
        break;
      }
    }
  }
  return chars.join("");
}

const HAN = /\p{Script=Han}/u;
const LATIN_WORD = /^[a-z][a-z'-]*$/;

export function features(raw: string): string[] {
  const text = fixHomophones(raw)
    .normalize("NFKC")
    .toLowerCase()
    .replace(/\d{12}/g, " 编号 ")
    .replace(/\d+([.:：]\d+)?/g, " 数 ");
  const out: string[] = [];
  let run = "";
  const flushRun = () => {
    const chars = [...run];
    for (let i = 0; i < chars.length; i++) {
      out.push(`c:${chars[i]}`);
      if (i + 1 < chars.length) out.push(`b:${chars[i]}${chars[i + 1]}`);
    }
    run = "";
  };
  for (const word of segment(text)) {
    if (HAN.test(word)) {
      run += word;
      out.push(`w:${word}`);
      continue;
    }
    flushRun();
    if (LATIN_WORD.test(word)) out.push(`e:${stem(SHORTHAND.get(word) ?? word)}`);
  }
  flushRun();
  return out;
}

/** Chat English's short forms, read as the words the examples spell out ("what can u do", "wanna pay"). */
const SHORTHAND = new Map([
  ["u", "you"],
  ["ya", "you"],
  ["ur", "your"],
  ["r", "are"],
  ["wat", "what"],
  ["wut", "what"],
  ["wht", "what"],
  ["hw", "how"],
  ["pls", "please"],
  ["plz", "please"],
  ["wanna", "want"],
  ["gonna", "going"],
  ["thx", "thanks"],
  ["thanx", "thanks"],
  ["ty", "thanks"],
  ["abt", "about"],
  ["msg", "message"],
  ["cuz", "because"],
  ["bc", "because"],
]);

/** Enough of a stemmer for chat English: plurals, -ing, -ed. */
function stem(word: string): string {
  const w = word.replace(/'s$/, "").replace(/-/g, "");
  if (w.length > 5 && w.endsWith("ing")) return w.slice(0, -3);
  if (w.length > 4 && w.endsWith("ed")) return w.slice(0, -2);
  if (w.length > 3 && w.endsWith("ies")) return `${w.slice(0, -3)}y`;
  if (w.length > 3 && w.endsWith("s") && !w.endsWith("ss")) return w.slice(0, -1);
  return w;
}
