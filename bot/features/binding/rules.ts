// Pure rules of binding: one-time codes, what counts as a well-formed answer, and the lockout arithmetic.

import { checkMemberCode } from "../membership/member-code.ts";

// ───────────── One-time codes ─────────────

/** 32 characters with no look-alikes (no I/1, O/0): every byte's low 5 bits pick one without bias. */
export const CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
export const CODE_LENGTH = 8;
export const CODE_VALID_MS = 7 * 24 * 60 * 60 * 1000;

/** A code from CODE_LENGTH random bytes (the caller supplies them, so this stays testable). */
export function codeFromBytes(bytes: Uint8Array): string {
  if (bytes.length < CODE_LENGTH) throw new Error(`a code needs ${CODE_LENGTH} random bytes`);
  let code = "";
  for (let i = 0; i < CODE_LENGTH; i++) code += CODE_ALPHABET[bytes[i]! & 31];
  return code;
}

/** "ABCDEFGH" → "ABCD-EFGH": easier to read out and copy. */
export function formatCode(code: string): string {
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}

/** What a person typed as a code ("abcd efgh", "ＡＢＣＤ-ＥＦＧＨ") → "ABCDEFGH", or null when it cannot be one. */
export function normaliseCode(text: string): string | null {
  const code = text.normalize("NFKC").replace(/[\s-]/g, "").toUpperCase();
  if (code.length !== CODE_LENGTH) return null;
  return [...code].every((c) => CODE_ALPHABET.includes(c)) ? code : null;
}

// ───────────── Answers in the bind dialog ─────────────

/** 发展团员编号 as typed (full-width digits, spaces) → 12 ASCII digits, or null when malformed. */
export function normaliseMemberCode(text: string): string | null {
  const code = text.normalize("NFKC").replace(/\s/g, "");
  return checkMemberCode(code) === null ? code : null;
}

const NAME = /^[\p{L}\p{M}]+(?:[ ·•・][\p{L}\p{M}]+)*$/u;
const NAME_MAX = 40;

/** A name as in the record: letters (any script), with single spaces or the middle dot of minority names. */
export function normaliseName(text: string): string | null {
  const name = text.normalize("NFKC").trim().replace(/\s+/g, " ");
  return name.length <= NAME_MAX && NAME.test(name) ? name : null;
}

/**
 * "我叫李明", "my name is Li Ming": the name a person gives before it was asked for, or null. Not "我是…", which says
 * as often what one is (我是学生) as who.
 */
export function introducedName(text: string): string | null {
  const said =
    /^(?:你好[，,\s]*)?(?:我叫|我的名字是|我的名字叫|名字是|名字叫|姓名是|姓名[:：]|my name is|my name's|name[:：])\s*(.+?)[。.!！]?$/i.exec(
      text.normalize("NFKC").trim(),
    );
  return said ? normaliseName(said[1]!) : null;
}

/** Last four characters of an ID-card number: three digits and a digit or X (the check character). */
export function normaliseIdLast4(text: string): string | null {
  const last4 = text.normalize("NFKC").replace(/\s/g, "").toUpperCase();
  return /^\d{3}[\dX]$/.test(last4) ? last4 : null;
}

/** Optional arguments of `/bind`: a 编号 starts the details dialog further on, anything else is a code. */
export function classifyBindArg(arg: string):
  | { kind: "none" }
  | { kind: "member-code"; code: string }
  | {
      kind: "one-time-code";
      text: string;
    } {
  if (!arg.trim()) return { kind: "none" };
  const memberCode = normaliseMemberCode(arg);
  return memberCode ? { kind: "member-code", code: memberCode } : { kind: "one-time-code", text: arg };
}

// ───────────── Lockout ─────────────

export const MAX_FAILURES = 5;
export const FAILURE_WINDOW_MS = 60 * 60 * 1000;
export const LOCK_MS = 60 * 60 * 1000;

/** Failures older than this no longer count. */
export function windowStart(now: Date): number {
  return now.getTime() - FAILURE_WINDOW_MS;
}

export function reachesLock(failuresInWindow: number): boolean {
  return failuresInWindow >= MAX_FAILURES;
}

export function attemptsLeft(failuresInWindow: number): number {
  return Math.max(0, MAX_FAILURES - failuresInWindow);
}

export function lockedUntil(now: Date): Date {
  return new Date(now.getTime() + LOCK_MS);
}

/** Whole minutes until the lock lifts, never 0 while it holds. */
export function minutesLeft(until: Date, now: Date): number {
  return Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 60_000));
}
