// 入团 rules, pure: who may apply (age from the ID number), the order of the steps and which one waits, when an
// 入团积极分子 may become a 发展对象 (training period and 团课 hours, kept as data), and the 编号 entered at the end.
// The branch meeting's rule is the shared one in meetings/rules.ts. Nothing here reads a clock or the database.
import type { JoinStage, JoinStepKind } from "../../infra/db.ts";
import { type MeetingVote, meetingPasses, meetingProblem } from "../meetings/rules.ts";
import { checkMemberCode } from "../membership/member-code.ts";
import { addMonthsToDate, compareDates, fullYears, type LocalDate } from "../membership/rules.ts";

/** 年满十四周岁、不满二十八周岁. */
export const JOIN_MIN_AGE = 14;
export const JOIN_MAX_AGE = 28;

// ───────────── Who may apply ─────────────

/** 11-digit mainland mobile number as typed ("138 0013 8000", "+86 13800138000") → 11 digits, or null. */
export function normalisePhone(text: string): string | null {
  const digits = text
    .normalize("NFKC")
    .replace(/[\s-]/g, "")
    .replace(/^\+?86/, "");
  return /^1[3-9]\d{9}$/.test(digits) ? digits : null;
}

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = "10X98765432";

export type IdProblem = "format" | "checksum" | "birth";

/**
 * An 18-character 居民身份证号码 as typed → its birth date (characters 7–14) and last four, or what is wrong.
 * The number itself is only hashed by the caller, never stored.
 */
export function readIdNumber(
  text: string,
): { ok: true; id: string; birth: LocalDate; last4: string } | { ok: false; problem: IdProblem } {
  const id = text.normalize("NFKC").replace(/\s/g, "").toUpperCase();
  if (!/^\d{17}[\dX]$/.test(id)) return { ok: false, problem: "format" };
  const sum = ID_WEIGHTS.reduce((s, w, i) => s + w * Number(id[i]), 0);
  if (ID_CHECK[sum % 11] !== id[17]) return { ok: false, problem: "checksum" };
  const birth = { year: Number(id.slice(6, 10)), month: Number(id.slice(10, 12)), day: Number(id.slice(12, 14)) };
  const real = new Date(Date.UTC(birth.year, birth.month - 1, birth.day));
  if (
    birth.year < 1900 ||
    real.getUTCFullYear() !== birth.year ||
    real.getUTCMonth() !== birth.month - 1 ||
    real.getUTCDate() !== birth.day
  ) {
    return { ok: false, problem: "birth" };
  }
  return { ok: true, id, birth, last4: id.slice(14) };
}

export type AgeProblem = "too-young" | "too-old";

/** 14 ≤ age < 28 on the given day (a birthday counts once its day is reached). */
export function joinAgeProblem(birth: LocalDate, today: LocalDate): AgeProblem | null {
  const age = fullYears(birth, today);
  if (compareDates(birth, today) > 0 || age < JOIN_MIN_AGE) return "too-young";
  if (age >= JOIN_MAX_AGE) return "too-old";
  return null;
}

/** A branch's invite code: 6 characters without look-alikes, typed in any case, with spaces or dashes. */
export const INVITE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
export const INVITE_LENGTH = 6;

export function inviteFromBytes(bytes: Uint8Array): string {
  let code = "";
  for (let i = 0; i < INVITE_LENGTH; i++) code += INVITE_ALPHABET[bytes[i]! & 31];
  return code;
}

export function normaliseInvite(text: string): string | null {
  const code = text.normalize("NFKC").replace(/[\s-]/g, "").toUpperCase();
  return code.length === INVITE_LENGTH && [...code].every((c) => INVITE_ALPHABET.includes(c)) ? code : null;
}

// ───────────── The steps ─────────────

/** The step each stage waits on, in order; ADMITTED and CLOSED wait on nothing. */
export const STEP_OF_STAGE: Partial<Record<JoinStage, JoinStepKind>> = {
  APPLIED: "MARK_ACTIVIST",
  ACTIVIST: "MARK_CANDIDATE",
  CANDIDATE: "RECORD_MEETING",
  VOTED: "APPROVE",
  APPROVED: "ENTER_CODE",
};

/** The stage a done step leads to. */
export const STAGE_AFTER: Record<JoinStepKind, JoinStage> = {
  MARK_ACTIVIST: "ACTIVIST",
  MARK_CANDIDATE: "CANDIDATE",
  RECORD_MEETING: "VOTED",
  APPROVE: "APPROVED",
  ENTER_CODE: "ADMITTED",
};

/** The stages in order, for the applicant's "where am I" (CLOSED is outside the line). */
export const STAGE_LINE: readonly JoinStage[] = ["APPLIED", "ACTIVIST", "CANDIDATE", "VOTED", "APPROVED", "ADMITTED"];

/** Who acts: the 团支部 itself, except the approval, which is the committee above's (上级团委). */
export function actsAbove(kind: JoinStepKind): boolean {
  return kind === "APPROVE";
}

// ───────────── 入团积极分子 → 发展对象 ─────────────

export interface JoinPolicy {
  trainingMonths: number;
  courseHours: number;
}

/**
 * The policy of an organisation: the nearest setting from itself up (`chain` nearest first, null = not set), else the
 * global default.
 */
export function resolvePolicy(
  chain: readonly { joinTrainingMonths: number | null; joinCourseHours: number | null }[],
  defaults: JoinPolicy,
): JoinPolicy {
  const months = chain.find((o) => o.joinTrainingMonths !== null)?.joinTrainingMonths;
  const hours = chain.find((o) => o.joinCourseHours !== null)?.joinCourseHours;
  return { trainingMonths: months ?? defaults.trainingMonths, courseHours: hours ?? defaults.courseHours };
}

/** The day the training period ends: `months` after becoming an 入团积极分子. */
export function trainingEndsOn(activistOn: LocalDate, months: number): LocalDate {
  return addMonthsToDate(activistOn, months);
}

export type CandidateProblem = "training" | "hours";

/** Whether an 入团积极分子 may become a 发展对象 today: the training period is over and the 团课 hours are in. */
export function candidateProblem(
  a: { activistOn: LocalDate; trainingMonths: number; courseHours: number; courseHoursRequired: number },
  today: LocalDate,
): CandidateProblem | null {
  if (compareDates(today, trainingEndsOn(a.activistOn, a.trainingMonths)) < 0) return "training";
  if (a.courseHours < a.courseHoursRequired) return "hours";
  return null;
}

/** 团课 hours recorded at once: whole hours, 1 to 40. */
export const MAX_COURSE_HOURS_AT_ONCE = 40;

export function courseHoursProblem(hours: number): "bad" | null {
  return Number.isInteger(hours) && hours >= 1 && hours <= MAX_COURSE_HOURS_AT_ONCE ? null : "bad";
}

// ───────────── The branch meeting and the 编号 ─────────────

export type MeetingOutcome =
  | { kind: "invalid"; problem: NonNullable<ReturnType<typeof meetingProblem>> }
  | {
      kind: "passed" | "failed";
    };

export function meetingOutcome(v: MeetingVote): MeetingOutcome {
  const problem = meetingProblem(v);
  if (problem) return { kind: "invalid", problem };
  return { kind: meetingPasses(v) ? "passed" : "failed" };
}

/** "应到 30 实到 25 赞成 20", "30 25 20", "due 30 present 25 for 20" → the three numbers in that order. */
export function readMeeting(text: string): MeetingVote | null {
  const numbers = text.normalize("NFKC").match(/\d+/g);
  if (numbers?.length !== 3) return null;
  const [due, present, votesFor] = numbers.map(Number) as [number, number, number];
  return { due, present, votesFor };
}

export type AdmissionCodeProblem = "format" | "year";

/** The 编号 智慧团建 issued: 12 digits, the first four the year of joining (this year, in the league's time zone). */
export function admissionCodeProblem(text: string, joinYear: number): AdmissionCodeProblem | null {
  return checkMemberCode(text.normalize("NFKC").replace(/\s/g, ""), joinYear);
}
