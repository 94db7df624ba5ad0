// What the admin API needs from the app, and the scope checks every route shares.
//
// A token learns nothing about what lies outside its subtree: a target outside it (an organisation, a member, a
// transfer, an activity, a notice, a role) gets exactly the answer of one that does not exist, 404 "<thing> <id>
// not found". Routes load by id *and* scope in one query (or check scope before anything else about the target),
// so no other answer (409, 400 about the target's state) can come first and tell them apart.

import type { Config } from "../../config.ts";
import type { Audit } from "../../core/audit.ts";
import type { Outbox } from "../../core/outbox.ts";
import type { Queues } from "../../core/queues.ts";
import type { Timers } from "../../core/timers.ts";
import type { Db, Prisma } from "../../infra/db.ts";
import type { Logger } from "../../infra/logger.ts";
import { notFound, type Principal } from "./auth.ts";

export interface AdminDeps {
  config: Config;
  db: Db;
  audit: Audit;
  queues: Queues;
  logger: Logger;
  /** 入团 steps tell the applicant and leaders, and start service-level timers. */
  outbox: Outbox;
  timers: Timers;
  now: () => Date;
}

/** Where-clause piece: rows of organisations in the token's subtree. */
export const inSubtree = (principal: Principal) => ({ ancestorIds: { has: principal.orgId } });

/** Loads an organisation the token may reach: 404 when there is none or it lies outside the subtree. */
export async function orgInScope(db: Db | Prisma.TransactionClient, principal: Principal, orgId: number) {
  const org = await db.organisation.findFirst({ where: { id: orgId, ...inSubtree(principal) } });
  if (!org) throw notFound(`organisation ${orgId}`);
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
