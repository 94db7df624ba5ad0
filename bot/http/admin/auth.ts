// Who is calling: a bearer token (or, for the queue dashboard, the same token in an HttpOnly cookie), looked up by
// its keyed hash. 401 when it is missing, unknown or revoked; 403 when a read token tries to write. What lies
// outside the token's subtree is answered as if it did not exist (404, see context.ts).
import type { FastifyReply, FastifyRequest, onRequestAsyncHookHandler, RouteOptions } from "fastify";
import type { Db } from "../../infra/db.ts";
import { looksLikeToken, tokenHash } from "./tokens.ts";

export interface Principal {
  tokenId: number;
  access: "READ" | "WRITE";
  /** The organisation whose subtree the token reaches. */
  orgId: number;
  /** Whether that organisation is a root of the tree (the queue dashboard spans every organisation). */
  isRoot: boolean;
  /** "token:<id>" in the audit log. */
  actorLabel: string;
}

declare module "fastify" {
  interface FastifyRequest {
    principal?: Principal;
  }
  interface FastifyContextConfig {
    /** Admin routes: `write` needs a write token; default read. */
    access?: "read" | "write";
  }
}

export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    message: string,
  ) {
    super(message);
  }
}

export const unauthorized = () => new HttpError(401, "a valid bearer token is required (Authorization: Bearer tz_…)");
export const forbidden = (what: string) => new HttpError(403, what);
export const notFound = (what: string) => new HttpError(404, `${what} not found`);

export const COOKIE_NAME = "tz_admin";

export function bearerToken(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  if (!header) return undefined;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match?.[1];
}

export function cookieToken(request: FastifyRequest): string | undefined {
  const header = request.headers.cookie;
  if (!header) return undefined;
  for (const part of header.split(";")) {
    const [name, ...rest] = part.trim().split("=");
    if (name === COOKIE_NAME) return decodeURIComponent(rest.join("="));
  }
  return undefined;
}

/** lastUsedAt is written at most once a minute per token, so a busy script does not write on every request. */
const LAST_USED_GRANULARITY_MS = 60_000;

export interface AuthDeps {
  db: Db;
  secret: string;
  now: () => Date;
}

export async function authenticate(deps: AuthDeps, token: string | undefined): Promise<Principal | undefined> {
  if (!token || !looksLikeToken(token)) return undefined;
  const row = await deps.db.apiToken.findUnique({
    where: { tokenHash: tokenHash(deps.secret, token) },
    select: {
      id: true,
      access: true,
      orgId: true,
      revokedAt: true,
      lastUsedAt: true,
      org: { select: { parentId: true } },
    },
  });
  if (!row || row.revokedAt) return undefined;
  const now = deps.now();
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() >= LAST_USED_GRANULARITY_MS) {
    // Fire and forget: the answer does not wait for it, and a lost update only delays the timestamp.
    deps.db.apiToken.update({ where: { id: row.id }, data: { lastUsedAt: now } }).catch(() => {});
  }
  return {
    tokenId: row.id,
    access: row.access,
    orgId: row.orgId,
    isRoot: row.org.parentId === null,
    actorLabel: `token:${row.id}`,
  };
}

/** The onRequest hook of every admin route: authenticate, then refuse writes to read tokens before reading a body. */
export function requireToken(deps: AuthDeps, sources: { cookie: boolean } = { cookie: false }) {
  return async (request: FastifyRequest, _reply: FastifyReply) => {
    const token = bearerToken(request) ?? (sources.cookie ? cookieToken(request) : undefined);
    const principal = await authenticate(deps, token);
    if (!principal) throw unauthorized();
    request.principal = principal;
    const needsWrite = request.routeOptions.config.access === "write";
    if (needsWrite && principal.access !== "WRITE") throw forbidden("this token is read-only");
  };
}

/**
 * Adds the token check to a route's own onRequest hooks, after those already there. Instance hooks would run
 * before the rate limiter (a route hook), and token guessing must be rate-limited too.
 */
export function appendOnRequest(route: RouteOptions, hook: onRequestAsyncHookHandler) {
  route.onRequest = [...[route.onRequest ?? []].flat(), hook];
}
