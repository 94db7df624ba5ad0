// Issuing a member's card token and checking a scanned one. The token leaves only inside the QR code; the table
// keeps its keyed hash (ID_HASH_SECRET), one row per member, so issuing a new card retires the previous token.
import type { CoreDeps } from "../../core/feature.ts";
import { keyedHash } from "../../infra/keyed-hash.ts";
import { cardExpiry, looksLikeToken, newCardToken, tokenLabel, type Verdict, verdict } from "./rules.ts";

type Deps = Pick<CoreDeps, "db" | "config" | "now">;

export async function issueCard(deps: Deps, memberId: number): Promise<{ token: string; expiresAt: Date }> {
  const token = newCardToken();
  const issuedAt = deps.now();
  const expiresAt = cardExpiry(issuedAt, deps.config.CARD_TOKEN_DAYS);
  const tokenHash = keyedHash(deps.config.ID_HASH_SECRET, tokenLabel(token));
  await deps.db.memberCard.upsert({
    where: { memberId },
    create: { memberId, tokenHash, issuedAt, expiresAt },
    update: { tokenHash, issuedAt, expiresAt },
  });
  return { token, expiresAt };
}

export async function verifyCard(deps: Deps, token: string): Promise<Verdict> {
  if (!looksLikeToken(token)) return { valid: false };
  const card = await deps.db.memberCard.findUnique({
    where: { tokenHash: keyedHash(deps.config.ID_HASH_SECRET, tokenLabel(token)) },
    select: { expiresAt: true, member: { select: { status: true, org: { select: { name: true } } } } },
  });
  return verdict(card, deps.now());
}

/** The card's verify address for a token: the public base URL and /verify/<token>. */
export function verifyUrl(publicUrl: string, token: string): string {
  return `${publicUrl.replace(/\/+$/, "")}/verify/${token}`;
}
