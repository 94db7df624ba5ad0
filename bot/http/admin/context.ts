// What the admin API needs from the app, and the scope checks every route shares.

import type { Config } from "../../config.ts";
import type { Audit } from "../../core/audit.ts";
import type { Queues } from "../../core/queues.ts";
import type { Db, Prisma } from "../../infra/db.ts";
import type { Logger } from "../../infra/logger.ts";
import { assertInScope, notFound, type Principal } from "./auth.ts";

export interface AdminDeps {
  config: Config;
  db: Db;
  audit: Audit;
  queues: Queues;
  logger: Logger;
  now: () => Date;
}

/** Loads an organisation the token may reach: 404 when there is none, 403 when it lies outside the subtree. */
export async function orgInScope(db: Db | Prisma.TransactionClient, principal: Principal, orgId: number) {
  const org = await db.organisation.findUnique({ where: { id: orgId } });
  if (!org) throw notFound(`organisation ${orgId}`);
  assertInScope(principal, org.ancestorIds);
  return org;
}

/** The organisation a list is about: the one asked for, else the token's own. */
export async function listRoot(db: Db, principal: Principal, orgId: number | undefined) {
  return orgInScope(db, principal, orgId ?? principal.orgId);
}

export function pageArgs(query: { page: number; pageSize: number }) {
  return { skip: (query.page - 1) * query.pageSize, take: query.pageSize };
}

export function paged<T>(items: T[], total: number, query: { page: number; pageSize: number }) {
  return { items, page: query.page, pageSize: query.pageSize, total };
}
