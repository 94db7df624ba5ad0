// 电子团员证 rules, pure: the card's token, how long it lives, and what the verify page may say about it.
import { randomBytes } from "node:crypto";

/** 20 random bytes as hex: unguessable, safe in a URL, and unchanged by the keyed hash's upper-casing. */
export function newCardToken(): string {
  return randomBytes(20).toString("hex");
}

/** A string that could be a token at all; anything else is "not valid" without touching the database. */
export function looksLikeToken(token: string): boolean {
  return /^[0-9a-f]{40}$/i.test(token);
}

/** The label the keyed hash is taken over, so a card token can never match another kind of code. */
export const tokenLabel = (token: string) => `member-card:${token.toLowerCase()}`;

export function cardExpiry(issuedAt: Date, days: number): Date {
  return new Date(issuedAt.getTime() + days * 24 * 3600_000);
}

export type Verdict = { valid: true; organisation: string } | { valid: false };

/**
 * What a scan shows. Only a member still ACTIVE, with the newest token of theirs (older ones are gone from the
 * table), before it expires, is valid; every other case is the same "not valid", so a scan cannot tell a rotated
 * token from an expired one or from a member who left.
 */
export function verdict(
  card: { expiresAt: Date; member: { status: string; org: { name: string } } } | null,
  now: Date,
): Verdict {
  if (!card || card.expiresAt.getTime() <= now.getTime() || card.member.status !== "ACTIVE") return { valid: false };
  return { valid: true, organisation: card.member.org.name };
}
