// /branch for leaders: a summary of their subtree, and one member's status looked up by name or 编号 — only
// inside their scope. Refusals read the same whether or not the person exists; every look-up is audited.
import type { Context, DialogHandler } from "../../core/feature.ts";
import type { Member } from "../../infra/db.ts";
import { monthOf } from "../dues/months.ts";
import { canAct, grantCovering, type RoleGrant, rolesOf, scopeOrgIds } from "../orgs/scope.ts";
import { askerContact } from "./contact-phrase.ts";
import { maskMemberCode } from "./member-code.ts";
import { formatNames, MAX_NAMES } from "./name-list.ts";
import { owingMembers, unboundMembers } from "./roster-lists.ts";
import { findMembers, rosterSummary } from "./roster-service.ts";
import { loadStatus } from "./status-service.ts";
import { renderStatus } from "./status-view.ts";

export const BRANCH_DIALOG = "membership.branch";
/** "为张三生成绑定码" buttons under the unbound list, per scope. */
const MAX_CODE_BUTTONS = 8;
/** A name or 编号 is short; anything longer is not a look-up. */
const MAX_QUERY_LENGTH = 40;

type Outcome = "allowed" | "denied" | "not-found" | "not-leader" | "ambiguous";

async function audit(
  ctx: Context,
  action: "membership.roster" | "membership.lookup",
  outcome: Outcome,
  extra: { orgId?: number | null; targets?: number[]; query?: string },
) {
  await ctx.deps.audit.record({
    actorId: ctx.member!.id,
    action,
    orgId: extra.orgId ?? null,
    ...(extra.targets?.length ? { targetType: "member", targetId: extra.targets.join(",") } : {}),
    data: { outcome, ...(extra.query === undefined ? {} : { query: extra.query.slice(0, MAX_QUERY_LENGTH) }) },
  });
}

/** `/branch`, `/branch <name or 编号>`, and the 花名册 intent. */
export async function branch(ctx: Context) {
  if (!ctx.member) return ctx.say("membership-bind-first");
  const roles = await rolesOf(ctx.deps.db, ctx.member.id);
  const query = ctx.arg.trim();
  if (query) return lookUp(ctx, roles, query);
  const scopes = scopeOrgIds(roles);
  if (scopes.length === 0) {
    await audit(ctx, "membership.roster", "not-leader", {});
    // "谁是我们支部书记" from a member lands here too: whom to turn to is theirs to know.
    return ctx.say("membership-branch-not-leader", { contact: await askerContact(ctx) });
  }
  const current = monthOf(ctx.deps.now(), ctx.deps.config.TZ);
  const lines: string[] = [];
  const buttons: ReturnType<Context["button"]>[][] = [];
  for (const orgId of scopes) {
    const [s, unbound, owing] = await Promise.all([
      rosterSummary(ctx.deps.db, orgId, current),
      unboundMembers(ctx.deps.db, orgId, MAX_NAMES),
      owingMembers(ctx.deps.db, orgId, current, MAX_NAMES),
    ]);
    // The names shown are personal data looked at: the audit entry names them.
    await audit(ctx, "membership.roster", "allowed", {
      orgId,
      targets: [...new Set([...unbound.members, ...owing.members].map((m) => m.id))],
    });
    lines.push(ctx.t("membership-branch-summary", { ...s }));
    if (unbound.total) {
      // The 编号 in full: the leader needs it for /code and for 智慧团建.
      const items = unbound.members.map((m) => ctx.t("membership-branch-unbound-item", { name: m.name, code: m.code }));
      lines.push(
        ctx.t("membership-branch-unbound", { count: unbound.total, names: formatNames(items, unbound.total, ctx.t) }),
      );
      buttons.push(
        ...unbound.members
          .slice(0, MAX_CODE_BUTTONS)
          .map((m) => [ctx.button("membership-branch-code-button", `code-for:${m.id}`, { name: m.name })]),
      );
    }
    if (owing.total) {
      const items = owing.members.map((m) => ctx.t("membership-branch-owing-item", { name: m.name, months: m.months }));
      lines.push(
        ctx.t("membership-branch-owing", { count: owing.total, names: formatNames(items, owing.total, ctx.t) }),
      );
    }
  }
  lines.push("", ctx.t("membership-branch-ask"));
  ctx.reply(lines.join("\n"), buttons.length ? buttons : undefined);
  await ctx.dialog.start(BRANCH_DIALOG, "ask");
}

/**
 * The name or 编号 typed after the summary. A sentence that reads as a request ("看下花名册", "我的团籍") is not
 * taken for a name: it goes back to the router and is answered as that request.
 */
export const branchDialog: DialogHandler = async (ctx) => {
  const query = ctx.incoming.text?.trim();
  if (!query) return ctx.say("membership-branch-ask");
  if (!/^\d{12}$/.test(query) && ctx.textIntent !== "unknown") return "pass";
  await ctx.dialog.end();
  if (!ctx.member) return ctx.say("membership-bind-first");
  return lookUp(ctx, await rolesOf(ctx.deps.db, ctx.member.id), query);
};

async function lookUp(ctx: Context, roles: RoleGrant[], query: string) {
  const firstScope = scopeOrgIds(roles)[0] ?? null;
  const candidates = query.length <= MAX_QUERY_LENGTH ? await findMembers(ctx.deps.db, query) : [];
  const targets = candidates.map((c) => c.id);
  if (firstScope === null) {
    await audit(ctx, "membership.lookup", "not-leader", { targets, query });
    return ctx.say("membership-branch-not-leader");
  }
  const visible = candidates.filter((c) => canAct(roles, c.org.ancestorIds));
  if (visible.length === 0) {
    await audit(ctx, "membership.lookup", targets.length ? "denied" : "not-found", {
      orgId: firstScope,
      targets,
      query,
    });
    return ctx.say("membership-branch-not-found", { query: query.slice(0, MAX_QUERY_LENGTH) });
  }
  if (visible.length > 1) {
    await audit(ctx, "membership.lookup", "ambiguous", { orgId: firstScope, targets: visible.map((c) => c.id), query });
    return ctx.say(
      "membership-branch-pick",
      { query },
      visible.map((c) => [
        ctx.button("membership-branch-pick-item", `branch-member:${c.id}`, {
          name: c.name,
          code: maskMemberCode(c.code),
          org: c.org.name,
        }),
      ]),
    );
  }
  const target = visible[0]!;
  await showTo(ctx, roles, target, target.org.ancestorIds, query);
}

/** A pick from the list of namesakes. The payload could be forged, so the scope is checked again. */
export async function branchPick(ctx: Context, id: number) {
  if (!ctx.member) return ctx.say("membership-bind-first");
  const roles = await rolesOf(ctx.deps.db, ctx.member.id);
  const target = await ctx.deps.db.member.findUnique({
    where: { id },
    include: { org: { select: { ancestorIds: true } } },
  });
  if (!target || !canAct(roles, target.org.ancestorIds)) {
    const outcome = scopeOrgIds(roles).length === 0 ? "not-leader" : target ? "denied" : "not-found";
    await audit(ctx, "membership.lookup", outcome, {
      orgId: scopeOrgIds(roles)[0] ?? null,
      targets: target ? [target.id] : [],
    });
    return ctx.say(outcome === "not-leader" ? "membership-branch-not-leader" : "membership-branch-not-found-any");
  }
  await showTo(ctx, roles, target, target.org.ancestorIds);
}

async function showTo(ctx: Context, roles: RoleGrant[], target: Member, ancestorIds: number[], query?: string) {
  const grant = grantCovering(roles, ancestorIds)!;
  await audit(ctx, "membership.lookup", "allowed", {
    orgId: grant.orgId,
    targets: [target.id],
    ...(query === undefined ? {} : { query }),
  });
  const view = await loadStatus(ctx.deps, target);
  ctx.reply(renderStatus(ctx.t, ctx.locale, ctx.deps.config.TZ, view, "leader"));
}
