// Admin API tokens: shown once at creation, stored only as a keyed hash, each scoped to one organisation's subtree.
import { randomBytes } from "node:crypto";
import type { AuditEntry } from "../../core/audit.ts";
import { type Db, type Prisma, TokenAccess } from "../../infra/db.ts";
import { keyedHash } from "../../infra/keyed-hash.ts";

type Tx = Prisma.TransactionClient | Db;

/** "tz_" and 48 hex digits (192 bits): recognisable in a leak scan, hex so the hash's upper-casing loses nothing. */
const TOKEN_PATTERN = /^tz_[0-9a-f]{48}$/;

export function tokenHash(secret: string, token: string): string {
  // A prefix separates these hashes from the ID-card and binding-code hashes made with the same key.
  return keyedHash(secret, `api-token:${token}`);
}

export function looksLikeToken(value: string): boolean {
  return TOKEN_PATTERN.test(value);
}

export interface CreatedToken {
  id: number;
  token: string;
  name: string;
  orgCode: string;
  access: TokenAccess;
}

export class TokenInputError extends Error {}

export async function createToken(
  db: Db,
  secret: string,
  input: { orgCode: string; access: "read" | "write"; name: string },
  audit?: (entry: AuditEntry, tx: Tx) => Promise<void>,
): Promise<CreatedToken> {
  const name = input.name.trim();
  if (!name) throw new TokenInputError("--name must not be empty");
  const org = await db.organisation.findUnique({ where: { code: input.orgCode }, select: { id: true, code: true } });
  if (!org) throw new TokenInputError(`no organisation with code "${input.orgCode}"`);
  const token = `tz_${randomBytes(24).toString("hex")}`;
  const access = input.access === "write" ? TokenAccess.WRITE : TokenAccess.READ;
  const row = await db.$transaction(async (tx) => {
    const created = await tx.apiToken.create({
      data: { name, tokenHash: tokenHash(secret, token), orgId: org.id, access },
    });
    await audit?.(
      { actorLabel: "cli", action: "api-token.create", orgId: org.id, targetType: "ApiToken", targetId: created.id },
      tx,
    );
    return created;
  });
  return { id: row.id, token, name, orgCode: org.code, access };
}

export async function listTokens(db: Db) {
  const rows = await db.apiToken.findMany({
    orderBy: { id: "asc" },
    select: {
      id: true,
      name: true,
      access: true,
      createdAt: true,
      lastUsedAt: true,
      revokedAt: true,
      org: { select: { code: true } },
    },
  });
  return rows.map(({ org, ...t }) => ({ ...t, orgCode: org.code }));
}

/** Revokes at once: the next request with it gets 401. False when there is no such token or it was revoked. */
export async function revokeToken(
  db: Db,
  id: number,
  now: Date,
  audit?: (entry: AuditEntry, tx: Tx) => Promise<void>,
): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const { count } = await tx.apiToken.updateMany({ where: { id, revokedAt: null }, data: { revokedAt: now } });
    if (count === 1) {
      await audit?.({ actorLabel: "cli", action: "api-token.revoke", targetType: "ApiToken", targetId: id }, tx);
    }
    return count === 1;
  });
}
