// Which organisation a leader's request is about (/duesbranch, /duesnudge, /hours export): the one named (code, name
// or a button's id) if it is in their scope, their only branch, or else a choice of their scopes and the branches
// below. Refusals are audited under the request's action.
import { idIn } from "../../../core/args.ts";
import type { Context } from "../../../core/feature.ts";
import { OrgLevel } from "../../../infra/db.ts";
import { orgsInSubtree } from "../../orgs/scope.ts";
import { answerNotLeader } from "./not-leader.ts";
import { leaderScope, scopedOrg } from "./scope.ts";

const MAX_ORG_BUTTONS = 12;

export interface PickOptions {
  /** The audit action of the request. */
  action: string;
  /** The choice buttons' payload prefix: `<prefix>:<orgId>` comes back with the same request. */
  buttonPrefix: string;
  /** The command that names an organisation by its code, as the choice suggests. */
  command: string;
  /** What the refusals and the choice say; the dues wording unless given. */
  messages?: { notLeader: string; notFound: string; choose: string };
}

const DUES_MESSAGES = {
  notLeader: "duesleaders-not-leader",
  notFound: "duesleaders-branch-not-found",
  choose: "duesleaders-choose-branch",
};

export async function auditRequest(ctx: Context, action: string, outcome: string, orgId: number | null, data = {}) {
  await ctx.deps.audit.record({ actorId: ctx.member!.id, action, orgId, data: { outcome, ...data } });
}

/** The organisation, or null once the person has been answered (not a leader, not found, or asked to choose). */
export async function pickLeaderOrg(ctx: Context, arg: string | number, options: PickOptions) {
  const { action, buttonPrefix, command, messages = DUES_MESSAGES } = options;
  const { db } = ctx.deps;
  const scope = await leaderScope(db, ctx.member!.id);
  if (scope.orgs.length === 0) {
    await auditRequest(ctx, action, "not-leader", null);
    // A member's words read as 收缴情况 ("我这个月团费交了没") are about their own dues; the other requests (催交, the
    // volunteer export) are plainly a leader's, and refused.
    if (action === "duesleaders.branch") await answerNotLeader(ctx);
    else ctx.say(messages.notLeader);
    return null;
  }
  // A number is an organisation id from a button (pressed, or its digit typed on WeChat); codes are never ids.
  const query = typeof arg === "number" ? arg : (idIn(arg) ?? arg.trim());
  if (query) {
    const org = await scopedOrg(db, scope.roles, query);
    if (!org) {
      const shown = String(query).slice(0, 40);
      await auditRequest(ctx, action, "denied", null, { query: shown });
      ctx.say(messages.notFound, { query: shown });
    }
    return org;
  }
  const only = scope.orgs.length === 1 ? scope.orgs[0]! : null;
  if (only && only.level === OrgLevel.BRANCH) return only;
  // A committee (or several scopes): the scopes themselves, then branches below them.
  const branches = await db.organisation.findMany({
    where: { level: OrgLevel.BRANCH, OR: scope.orgs.map((o) => orgsInSubtree(o.id)) },
    select: { id: true, name: true },
    orderBy: { code: "asc" },
    take: MAX_ORG_BUTTONS,
  });
  const choices = [...scope.orgs, ...branches.filter((b) => !scope.orgs.some((o) => o.id === b.id))];
  ctx.say(
    messages.choose,
    { command },
    choices.slice(0, MAX_ORG_BUTTONS).map((o) => [{ label: o.name, payload: `${buttonPrefix}:${o.id}` }]),
  );
  return null;
}
