// Cell values as committees write them → typed values, or null when unreadable. Pure.
import type { DuesCategory, OrgKind, OrgLevel } from "../../infra/db.ts";

const clean = (s: string) => s.normalize("NFKC").trim();

/** 2001-05-04, 2001/5/4, 2001.5.4, 20010504, 2001年5月4日, and month-only 2001-05 / 2001年5月 (the 1st). */
export function parseDate(text: string): Date | null {
  const s = clean(text).replace(/日$/, "");
  const m = /^(\d{4})[-/.年](\d{1,2})(?:[-/.月](\d{1,2}))?月?$/.exec(s) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(s) ?? null;
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), m[3] === undefined ? 1 : Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  // Date.UTC rolls 2001-02-30 over to March: such a day does not exist.
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  return date;
}

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = "10X98765432";

/** An 18-character 居民身份证 number with a valid check character (GB 11643), upper-cased; else null. */
export function parseIdNumber(text: string): string | null {
  const id = clean(text).replace(/\s/g, "").toUpperCase();
  if (!/^\d{17}[\dX]$/.test(id)) return null;
  const sum = ID_WEIGHTS.reduce((acc, w, i) => acc + w * Number(id[i]), 0);
  return ID_CHECK[sum % 11] === id[17] ? id : null;
}

/** Yuan with at most two decimals ("3500", "3,500.50") → integer fen. */
export function parseYuan(text: string): number | null {
  const s = clean(text)
    .replace(/[,，\s]/g, "")
    .replace(/元$/, "");
  if (!/^\d{1,9}(\.\d{1,2})?$/.test(s)) return null;
  const [whole, frac = ""] = s.split(".");
  return Number(whole) * 100 + Number(frac.padEnd(2, "0"));
}

export function parseYesNo(text: string): boolean | null {
  const s = clean(text).toLowerCase();
  if (["", "否", "no", "n", "false", "0", "无"].includes(s)) return false;
  if (["是", "yes", "y", "true", "1", "有"].includes(s)) return true;
  return null;
}

const categoryWords: [DuesCategory, string[]][] = [
  ["STUDENT", ["student", "学生", "在校学生", "在校生"]],
  ["NO_INCOME", ["no_income", "no income", "无收入", "待业", "失业", "离退休", "领取养老金", "无固定收入"]],
  ["SALARIED", ["salaried", "在职", "有收入", "工作", "在职人员", "就业"]],
];

export function parseDuesCategory(text: string): DuesCategory | null {
  const s = clean(text).toLowerCase();
  return categoryWords.find(([, words]) => words.includes(s))?.[0] ?? null;
}

const levels: OrgLevel[] = [
  "CENTRAL",
  "PROVINCE",
  "CITY",
  "COUNTY",
  "GRASSROOTS_COMMITTEE",
  "GENERAL_BRANCH",
  "BRANCH",
];

/** The enum name, or the words a sheet uses: 团支部, 团总支, 基层团委 / 团工委, 县(区)级, 市级, 省级, 团中央. */
export function parseLevel(text: string): OrgLevel | null {
  const s = clean(text);
  const upper = s.toUpperCase();
  if ((levels as string[]).includes(upper)) return upper as OrgLevel;
  if (s.includes("支部")) return "BRANCH";
  if (s.includes("总支")) return "GENERAL_BRANCH";
  if (s.includes("基层") || s.includes("团工委")) return "GRASSROOTS_COMMITTEE";
  if (s.includes("中央")) return "CENTRAL";
  if (s.includes("省")) return "PROVINCE";
  if (s.includes("市")) return "CITY";
  if (s.includes("县") || s.includes("区")) return "COUNTY";
  return null;
}

const kindWords: [OrgKind, string[]][] = [
  ["SCHOOL", ["学校", "高校", "中学", "中职", "大学", "school"]],
  ["ENTERPRISE", ["企业", "公司", "事业单位", "事业", "enterprise"]],
  ["STREET", ["街道", "乡镇", "社区", "村", "street"]],
  ["GOVERNMENT", ["机关", "government"]],
  ["MILITARY", ["军队", "部队", "military"]],
  ["COMMITTEE", ["地方团委", "团委", "committee"]],
  ["OTHER", ["其他", "other", ""]],
];

/** Blank is OTHER; unknown words are an error rather than a guess. */
export function parseKind(text: string): OrgKind | null {
  const s = clean(text).toLowerCase();
  return kindWords.find(([, words]) => words.includes(s))?.[0] ?? null;
}
