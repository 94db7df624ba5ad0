// Numbers, money and month counts as people type them in a chat: digits or Chinese numerals, with their units.
// 三个月 / 交3个月 / 半年 / 一年 → months; 8块 / 8元 / 八块五 / 2.5元 / 五毛 → fen. Pure, no I/O.

const DIGIT: Record<string, number> = {
  零: 0,
  〇: 0,
  一: 1,
  壹: 1,
  二: 2,
  两: 2,
  贰: 2,
  三: 3,
  叁: 3,
  四: 4,
  肆: 4,
  五: 5,
  伍: 5,
  六: 6,
  陆: 6,
  七: 7,
  柒: 7,
  八: 8,
  捌: 8,
  九: 9,
  玖: 9,
};
const UNIT: Record<string, number> = { 十: 10, 拾: 10, 百: 100, 佰: 100, 千: 1000, 仟: 1000 };
const NUMERAL = "[零〇一壹二两贰三叁四肆五伍六陆七柒八捌九玖十拾百佰千仟]+";

/** "十二" → 12, "二十" → 20, "一百零五" → 105, "3" → 3; null when it is not a whole number. */
export function parseInteger(raw: string): number | null {
  const text = toHalfWidth(raw).trim();
  if (/^\d{1,7}$/.test(text)) return Number(text);
  if (!new RegExp(`^${NUMERAL}$`).test(text)) return null;
  let total = 0;
  let digit = -1;
  for (const ch of text) {
    if (ch in DIGIT) {
      digit = DIGIT[ch]!;
    } else {
      // "十" alone or at the start means one ten.
      total += (digit < 0 ? 1 : digit) * UNIT[ch]!;
      digit = -1;
    }
  }
  return total + Math.max(digit, 0);
}

// A leading verb or filler, then the count and its unit: "交3个月", "预缴 三个月吧", "缴半年", "pay 3 months".
// What is said around the count: "那就先交两个月的吧", "就一年好了".
const BEFORE = "(?:(?:那|就|先|还是|嗯|那就|那我|我就|我先|just|only|ok|okay|um)\\s*)*(?:我)?(?:要|想|先)?";
const AFTER = "(?:\\s*(?:的|吧|团费|就行|就好|好了|呀|啊|哈|呢|please|pls|plz|thanks|thx|then))*";
const MONTHS = new RegExp(
  `^${BEFORE}(?:(?:交|缴|缴纳|预缴|补缴|补交|付|i'll pay|i will pay|i want to pay|pay|for)\\s*)*(\\d{1,3}|${NUMERAL})\\s*(个月|个|月|months?|mo)${AFTER}$`,
  "i",
);
const YEARS = new RegExp(
  `^${BEFORE}(?:交|缴|缴纳|预缴|补缴|补交|付)?\\s*(半|\\d{1,2}|${NUMERAL})\\s*(年|years?)${AFTER}$`,
  "i",
);

/** How many months a typed answer means: "3", "三个月", "交3个月", "半年" (6), "一年" (12), "a year"; null otherwise. */
export function parseMonthCount(raw: string): number | null {
  const text = clean(raw);
  if (/^\d{1,3}$/.test(text)) return Number(text);
  if (new RegExp(`^${NUMERAL}$`).test(text)) return parseInteger(text);
  const months = MONTHS.exec(text);
  if (months) return parseInteger(months[1]!);
  if (/^(half a year|six months)$/i.test(text)) return 6;
  if (/^(a|one) year$/i.test(text)) return 12;
  const years = YEARS.exec(text.replace(/^一整年$/, "一年"));
  if (years) {
    if (years[1] === "半") return 6;
    const n = parseInteger(years[1]!);
    return n === null ? null : n * 12;
  }
  const halfMore = new RegExp(`^(${NUMERAL}|\\d)年半$`).exec(text);
  if (halfMore) {
    const n = parseInteger(halfMore[1]!);
    return n === null ? null : n * 12 + 6;
  }
  return null;
}

/**
 * An amount of money in fen: "8", "8元", "8块", "8块钱", "2.5元", "八块五" (8.50), "八块五毛", "五毛" (0.50),
 * "¥3", "3 yuan", "不加"/"不用"/"没有"/"no" (0). Null for anything else.
 */
export function parseMoneyFen(raw: string): number | null {
  const text = clean(raw)
    .replace(/^(?:多缴|多交|加|再加|额外|自愿)/, "")
    .replace(/钱$/, "");
  if (/^(不加|不用|不用了|不多缴|不多交|没有|无|算了|no|none|nothing|zero)$/i.test(text)) return 0;
  const decimal = /^[¥￥]?\s*(\d{1,7})(?:\.(\d{1,2}))?\s*(元|块|yuan|rmb|kuai)?$/i.exec(text);
  if (decimal) return Number(decimal[1]) * 100 + Number((decimal[2] ?? "").padEnd(2, "0"));
  const chinese = new RegExp(
    `^(?:(\\d{1,7}|${NUMERAL})\\s*(?:元|块))?(?:(\\d|${NUMERAL})\\s*(?:角|毛)?)?(?:(\\d|${NUMERAL})\\s*分)?$`,
  ).exec(text);
  if (!chinese || !text) return null;
  const [, yuan, jiao, fen] = chinese;
  // "五毛" is 5 角; "八块五" is 8 元 5 角; a bare "五" without 元/块 is no amount.
  if (!yuan && !/[角毛]/.test(text) && !fen) return null;
  const y = yuan ? parseInteger(yuan) : 0;
  const j = jiao ? parseInteger(jiao) : 0;
  const f = fen ? parseInteger(fen) : 0;
  if (y === null || j === null || f === null || j > 9 || f > 9) return null;
  return y * 100 + j * 10 + f;
}

function clean(raw: string): string {
  return toHalfWidth(raw)
    .trim()
    .replace(/[\s。.!！~～]+$/g, "")
    .replace(/\s+/g, " ")
    .toLowerCase();
}

function toHalfWidth(text: string): string {
  return text.normalize("NFKC");
}
