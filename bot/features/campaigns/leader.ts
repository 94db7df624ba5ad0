// The committee's and leaders' view of a campaign: completion per child organisation (worst first), the names of
// those not done per branch (a button), and closing (which freezes the figures). Every look-up is audited.
import type { Context } from "../../core/feature.ts";
import type { Button } from "../../core/types.ts";
import { canAct, grantCovering, rolesOf } from "../orgs/scope.ts";
import {
  campaignForLeader,
  campaignsForLeader,
  closeCampaign,
  completion,
  MANAGE_ROLES,
  pendingByBranch,
} from "./campaign-service.ts";
import { type Completion, donePermille, percent, totals } from "./rules.ts";

/** Rows shown with their own buttons; the rest are listed without. */
const ROW_BUTTONS = 8;
/** Names shown per branch before "and N more". */
const NAMES_PER_BRANCH = 30;

type Found = NonNullable<Awaited<ReturnType<typeof campaignForLeader>>>;

const day = (d: Date) => d.toISOString().slice(0, 10);

export function titleOf(ctx: Context, found: Pick<Found, "campaign" | "kind">) {
  return ctx.t(`campaigns-${found.kind.name}-title`, { label: found.campaign.label });
}

export function completionLine(ctx: Context, index: number, row: Completion) {
  return ctx.t("campaigns-progress-row", {
    n: index + 1,
    name: row.name,
    done: row.done,
    total: row.total,
    percent: percent(donePermille(row)),
    responded: row.responded,
  });
}

/** `/campaigns` (or "团籍注册进度"): the campaigns the leader follows; one opens straight away. */
export async function listCampaigns(ctx: Context) {
  const campaigns = await campaignsForLeader(ctx.deps.db, ctx.member!.id);
  if (!campaigns.length)
    return ctx.say("campaigns-none", {}, [[ctx.button("campaigns-button-open", "go:campaign.open")]]);
  if (campaigns.length === 1) return showProgress(ctx, campaigns[0]!.id);
  ctx.say(
    "campaigns-list",
    {},
    campaigns.map((c) => [
      {
        label: `${ctx.t(`campaigns-${c.kind}-title`, { label: c.label })}${c.status === "CLOSED" ? ctx.t("campaigns-closed-mark") : ""}`,
        payload: `camp-prog:${c.id}`,
      },
    ]),
  );
}

/** Completion per child organisation of the part the leader sees, worst first. */
export async function showProgress(ctx: Context, campaignId: number) {
  const actorId = ctx.member!.id;
  const found = await campaignForLeader(ctx.deps.db, actorId, campaignId);
  if (!found) return ctx.say("campaigns-not-found");
  const { campaign } = found;
  const rows = await completion(ctx.deps.db, campaign, found.underOrgId);
  await ctx.deps.audit.record({
    actorId,
    action: "campaign.progress",
    orgId: found.underOrgId,
    targetType: "campaign",
    targetId: campaignId,
  });
  const sum = totals(rows);
  const header = ctx.t("campaigns-progress-header", {
    title: titleOf(ctx, found),
    org: campaign.org.name,
    opens: day(campaign.opensOn),
    closes: day(campaign.closesOn),
    state: campaign.status === "CLOSED" ? "closed" : "open",
    closedAt: campaign.closedAt ? day(campaign.closedAt) : "",
    done: sum.done,
    total: sum.total,
    percent: percent(donePermille(sum)),
    responded: sum.responded,
  });
  const lines = rows.map((r, i) => completionLine(ctx, i, r));
  const buttons: Button[][] = rows
    .slice(0, ROW_BUTTONS)
    .filter((r) => r.done < r.total)
    .map((r) => [ctx.button("campaigns-button-names", `camp-names:${campaignId}:${r.orgId}`, { name: r.name })]);
  if (found.manages && campaign.status === "OPEN") {
    buttons.push([ctx.button("campaigns-button-close", `camp-close:${campaignId}`)]);
  }
  ctx.reply([header, ...lines].join("\n"), buttons);
}

/** Who is not done under one organisation, by branch, with a button to decide for each branch one may decide in. */
export async function showNames(ctx: Context, [campaignId, orgId]: [number, number]) {
  const actorId = ctx.member!.id;
  const found = await campaignForLeader(ctx.deps.db, actorId, campaignId);
  const org = await ctx.deps.db.organisation.findUnique({ where: { id: orgId } });
  const roles = await rolesOf(ctx.deps.db, actorId);
  if (
    !found ||
    !org?.ancestorIds.includes(found.campaign.orgId) ||
    !(canAct(roles, org.ancestorIds, MANAGE_ROLES) || org.ancestorIds.includes(found.underOrgId))
  ) {
    return ctx.say("campaigns-not-found");
  }
  const branches = await pendingByBranch(ctx.deps.db, campaignId, orgId);
  await ctx.deps.audit.record({
    actorId,
    action: "campaign.names",
    orgId,
    targetType: "campaign",
    targetId: campaignId,
    data: { members: branches.flatMap((b) => b.members.map((m) => m.memberId)) },
  });
  if (!branches.length) return ctx.say("campaigns-names-none", { org: org.name, title: titleOf(ctx, found) });
  const count = branches.reduce((n, b) => n + b.members.length, 0);
  const lines = branches.map((b) => {
    const shown = b.members
      .slice(0, NAMES_PER_BRANCH)
      .map((m) => (m.responded ? ctx.t("campaigns-name-answered", { name: m.name }) : m.name))
      .join("、");
    const more =
      b.members.length > NAMES_PER_BRANCH
        ? ctx.t("campaigns-names-more", { n: b.members.length - NAMES_PER_BRANCH })
        : "";
    return ctx.t("campaigns-names-branch", { branch: b.name, n: b.members.length, names: `${shown}${more}` });
  });
  const open = found.campaign.status === "OPEN";
  const branchOrgs = await ctx.deps.db.organisation.findMany({
    where: { id: { in: branches.map((b) => b.orgId) } },
    select: { id: true, ancestorIds: true },
  });
  const mayDecide = new Set(
    branchOrgs.filter((o) => grantCovering(roles, o.ancestorIds, found.kind.decideRoles)).map((o) => o.id),
  );
  const buttons = open
    ? branches
        .filter((b) => mayDecide.has(b.orgId))
        .slice(0, ROW_BUTTONS)
        .map((b) => [ctx.button("campaigns-button-decide", `camp-decide:${campaignId}:${b.orgId}`, { name: b.name })])
    : [];
  ctx.reply(
    [ctx.t("campaigns-names-header", { title: titleOf(ctx, found), org: org.name, n: count }), ...lines].join("\n"),
    buttons,
  );
}

/** The close button: asks first, saying what closing means. */
export async function askClose(ctx: Context, campaignId: number) {
  const found = await campaignForLeader(ctx.deps.db, ctx.member!.id, campaignId);
  if (!found?.manages) return ctx.say("campaigns-not-found");
  if (found.campaign.status !== "OPEN") return ctx.say("campaigns-already-closed", { title: titleOf(ctx, found) });
  ctx.say("campaigns-close-ask", { title: titleOf(ctx, found) }, [
    [
      ctx.button("campaigns-button-close-yes", `camp-closed:${campaignId}`),
      ctx.button("campaigns-button-close-no", `camp-prog:${campaignId}`),
    ],
  ]);
}

/** Closing confirmed: the figures are frozen and shown; a second tap says it was already closed. */
export async function close(ctx: Context, campaignId: number) {
  const actorId = ctx.member!.id;
  const found = await campaignForLeader(ctx.deps.db, actorId, campaignId);
  if (!found?.manages) {
    await ctx.deps.audit.record({ actorId, action: "campaign.denied", targetType: "campaign", targetId: campaignId });
    return ctx.say("campaigns-not-found");
  }
  const outcome = await closeCampaign(ctx.deps, actorId, campaignId);
  if (outcome.kind === "already") return ctx.say("campaigns-already-closed", { title: titleOf(ctx, found) });
  const sum = totals(outcome.snapshot.rows);
  ctx.reply(
    [
      ctx.t("campaigns-closed", {
        title: titleOf(ctx, found),
        done: sum.done,
        total: sum.total,
        percent: percent(donePermille(sum)),
      }),
      ...outcome.snapshot.rows.map((r, i) => completionLine(ctx, i, r)),
    ].join("\n"),
  );
}
