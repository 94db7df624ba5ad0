// 团员教育评议 rules, pure: the four grades, a member's self-assessment (a self-rating and a short text), and the
// branch's 优秀 quota. The league's usual rule keeps 优秀 within 30% of the branch's evaluated members ("控制在参加评议
// 团员人数的30%以内"); the share is data (EVALUATION_EXCELLENT_PERCENT), never a constant in a flow.

export const GRADES = ["excellent", "qualified", "basic", "unqualified"] as const;
/** 优秀 / 合格 / 基本合格 / 不合格. */
export type Grade = (typeof GRADES)[number];

export const DEFAULT_EXCELLENT_PERCENT = 30;
/** A self-assessment is a few sentences; the full material stays on paper at the branch meeting. */
export const SELF_TEXT_MIN_CHARS = 5;
export const SELF_TEXT_MAX_CHARS = 300;

export interface SelfAssessment {
  rating: Grade;
  text: string;
}

export type SelfTextProblem = "too-short" | "too-long";

/** Characters as a person counts them (a Chinese character or an emoji is one). */
const charCount = (s: string) => [...s].length;

/** The text as stored (trimmed, inner runs of blank lines folded), or why it cannot be. */
export function checkSelfText(raw: string): { text: string } | { problem: SelfTextProblem; chars: number } {
  const text = raw.trim().replace(/\n{3,}/g, "\n\n");
  const chars = charCount(text);
  if (chars < SELF_TEXT_MIN_CHARS) return { problem: "too-short", chars };
  if (chars > SELF_TEXT_MAX_CHARS) return { problem: "too-long", chars };
  return { text };
}

/** Whole 优秀 places for a branch: the share of its evaluated members, rounded down ("within 30%"). */
export function excellentQuota(evaluated: number, percent: number): number {
  if (!Number.isInteger(evaluated) || evaluated < 0) return 0;
  return Math.floor((evaluated * Math.max(0, Math.min(100, percent))) / 100);
}

export interface QuotaCheck {
  /** The branch's 优秀 places. */
  quota: number;
  /** Places this batch may still fill: the quota less the 优秀 that the batch leaves standing. */
  left: number;
  /** 优秀 the batch asks for. */
  asked: number;
}

/**
 * Whether a batch of results keeps the branch within its quota. `current` holds every result already recorded in
 * the branch; the batch replaces results for its members (changing someone from 优秀 to 合格 frees a place).
 * Returns null when the batch fits, or the figures a refusal states.
 */
export function quotaRefusal(
  current: ReadonlyMap<number, Grade>,
  batch: ReadonlyMap<number, Grade>,
  evaluated: number,
  percent: number,
): QuotaCheck | null {
  const quota = excellentQuota(evaluated, percent);
  let standing = 0;
  for (const [memberId, grade] of current) if (grade === "excellent" && !batch.has(memberId)) standing++;
  let asked = 0;
  for (const grade of batch.values()) if (grade === "excellent") asked++;
  if (standing + asked <= quota) return null;
  return { quota, left: Math.max(0, quota - standing), asked };
}

/** How many 优秀 places remain after the results recorded so far. */
export function excellentLeft(current: ReadonlyMap<number, Grade>, evaluated: number, percent: number): number {
  let used = 0;
  for (const grade of current.values()) if (grade === "excellent") used++;
  return Math.max(0, excellentQuota(evaluated, percent) - used);
}

// Longest words first: 不合格 and 基本合格 both contain 合格.
const GRADE_WORDS: ReadonlyArray<readonly [RegExp, Grade]> = [
  [/^(?:基本合格|基本称职|basically qualified|basic)$/i, "basic"],
  [/^(?:不合格|不及格|unqualified|fail(?:ed)?)$/i, "unqualified"],
  [/^(?:优秀|优|excellent|outstanding)$/i, "excellent"],
  [/^(?:合格|及格|qualified|pass(?:ed)?)$/i, "qualified"],
];

/** A grade as typed ("优秀", "基本合格", "qualified"); null when it is not one of the four. */
export function parseGrade(raw: string): Grade | null {
  const word = raw.trim().replace(/[。.!！]+$/, "");
  for (const [pattern, grade] of GRADE_WORDS) if (pattern.test(word)) return grade;
  return null;
}

export interface ResultLine {
  /** What the leader typed for the member: a name or a member code. */
  who: string;
  grade: Grade;
}

/**
 * Results typed in bulk, one member per line or separated by ，/；/,: "张三 优秀，李四 合格" or "张三：基本合格".
 * Returns the lines read and the pieces that could not be read (so the reply can name them, not guess).
 */
export function parseResultLines(raw: string): { lines: ResultLine[]; unread: string[] } {
  const lines: ResultLine[] = [];
  const unread: string[] = [];
  for (const piece of raw.normalize("NFKC").split(/[\n,，;；、]+/)) {
    const part = piece.trim();
    if (!part) continue;
    const m =
      /^(.+?)[\s:：=-]*(基本合格|不合格|合格|优秀|basically qualified|unqualified|qualified|excellent|basic)[。.!！]?$/i.exec(
        part,
      );
    const grade = m ? parseGrade(m[2]!) : null;
    const who = m?.[1]?.trim().replace(/[\s:：=-]+$/, "");
    if (grade && who) lines.push({ who, grade });
    else unread.push(part);
  }
  return { lines, unread };
}

export interface GradeCounts {
  excellent: number;
  qualified: number;
  basic: number;
  unqualified: number;
  /** Members of the audience with no result yet. */
  pending: number;
}

/** Counts per grade for a branch's audience (members without a result are pending). */
export function gradeCounts(audience: readonly number[], results: ReadonlyMap<number, Grade>): GradeCounts {
  const counts: GradeCounts = { excellent: 0, qualified: 0, basic: 0, unqualified: 0, pending: 0 };
  for (const memberId of audience) {
    const grade = results.get(memberId);
    if (grade) counts[grade]++;
    else counts.pending++;
  }
  return counts;
}
