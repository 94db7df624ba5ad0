// 推优入党 rules, pure: who may be a candidate, and whether the branch meeting recommended them. The vote uses the
// branch meeting rule shared with 入团 (`meetings/rules.ts`): more than half of those due present, and more than
// half of those due in favour. The committee above receives the names that passed.
import { parseInteger } from "../../core/nlu/numbers.ts";
import { type MeetingProblem, meetingPasses, meetingProblem } from "../meetings/rules.ts";
import { fullYears, type LocalDate } from "../membership/rules.ts";

/** A member must be 18 to apply to the Party (《中国共产党章程》第一条). */
export const PARTY_MIN_AGE = 18;

export interface CandidateFacts {
  birth: LocalDate;
  /** Today on the league's calendar (Asia/Shanghai), from the injected clock. */
  today: LocalDate;
  /** Their 团籍注册 result in this year's registration campaign is 注册. */
  registeredThisYear: boolean;
  /** An ACTIVE member of the branch recording the meeting. */
  activeInBranch: boolean;
}

export type CandidateProblem = "not-member" | "under-18" | "not-registered";

/** Every reason a member cannot be put to the vote (empty when they can), in the order a refusal states them. */
export function candidateProblems(f: CandidateFacts): CandidateProblem[] {
  if (!f.activeInBranch) return ["not-member"];
  const problems: CandidateProblem[] = [];
  if (fullYears(f.birth, f.today) < PARTY_MIN_AGE) problems.push("under-18");
  if (!f.registeredThisYear) problems.push("not-registered");
  return problems;
}

export interface MeetingRecord {
  /** 应到. */
  due: number;
  /** 实到. */
  present: number;
  /** Votes in favour per candidate (member id → 赞成票). */
  votes: ReadonlyMap<number, number>;
}

export interface CandidateOutcome {
  memberId: number;
  votesFor: number;
  passed: boolean;
}

export type RecordProblem = MeetingProblem | "no-candidates";

/** Why a record cannot be true (the first problem found), or null. */
export function recordProblem(r: MeetingRecord): { problem: RecordProblem; memberId?: number } | null {
  if (r.votes.size === 0) return { problem: "no-candidates" };
  for (const [memberId, votesFor] of r.votes) {
    const problem = meetingProblem({ due: r.due, present: r.present, votesFor });
    if (problem) return { problem, memberId };
  }
  return null;
}

/** Each candidate's outcome by the shared meeting rule; call after `recordProblem` returned null. */
export function meetingOutcomes(r: MeetingRecord): CandidateOutcome[] {
  return [...r.votes].map(([memberId, votesFor]) => ({
    memberId,
    votesFor,
    passed: meetingPasses({ due: r.due, present: r.present, votesFor }),
  }));
}

/** Whether attendance alone already sinks every candidate (present not more than half of due). */
export const quorumMissed = (due: number, present: number) => present * 2 <= due;

const NUMBER = String.raw`(\d+|[零〇一二两三四五六七八九十百]+)`;

/**
 * 应到 and 实到 as a leader types them: "应到20 实到15", "应到 二十人，实到十五人", "due 20 present 15", or two bare
 * numbers "20 15" (due first). Null when the text does not hold both.
 */
export function parseAttendance(raw: string): { due: number; present: number } | null {
  const text = raw.normalize("NFKC").trim();
  const due = new RegExp(`(?:应到|应参会|应出席|due)\\s*[:：]?\\s*${NUMBER}`, "i").exec(text);
  const present = new RegExp(`(?:实到|实际到会|实参会|出席|present)\\s*[:：]?\\s*${NUMBER}`, "i").exec(text);
  if (due && present) {
    const d = parseInteger(due[1]!);
    const p = parseInteger(present[1]!);
    return d === null || p === null ? null : { due: d, present: p };
  }
  const bare = new RegExp(`^${NUMBER}\\s*(?:人)?[\\s,，/、]+${NUMBER}\\s*(?:人)?$`).exec(text);
  if (!bare) return null;
  const d = parseInteger(bare[1]!);
  const p = parseInteger(bare[2]!);
  return d === null || p === null ? null : { due: d, present: p };
}

/** Votes typed for a candidate: "12", "12票", "十二票", "赞成12". Null otherwise. */
export function parseVotes(raw: string): number | null {
  const m = new RegExp(`^(?:赞成|同意|for)?\\s*${NUMBER}\\s*(?:票|votes?)?[。.]?$`, "i").exec(
    raw.normalize("NFKC").trim(),
  );
  return m ? parseInteger(m[1]!) : null;
}

/** The fewest present, and the fewest votes in favour, that are more than half of those due. */
export const neededToPass = (due: number) => Math.floor(due / 2) + 1;
