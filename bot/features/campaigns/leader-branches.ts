// The branches a leader decides for in open campaigns of a kind: each (campaign, organisation holding audience
// members) inside the leader's scope, for the kinds whose leaders record results branch by branch (教育评议, 推优入党).
import type { Db } from "../../infra/db.ts";
import { rolesOf, scopeOrgIds } from "../orgs/scope.ts";
import type { CampaignKind } from "./kind.ts";

export interface LeaderBranch {
  campaignId: number;
  label: string;
  orgId: number;
  orgName: string;
  members: number;
}

/** At most `take`, the largest first; an empty list when the actor leads nowhere such a campaign reaches. */
export async function leaderBranches(db: Db, actorId: number, kind: CampaignKind, take = 10): Promise<LeaderBranch[]> {
  const scope = scopeOrgIds(await rolesOf(db, actorId), kind.decideRoles);
  if (!scope.length) return [];
  const groups = await db.campaignEntry.groupBy({
    by: ["campaignId", "orgId"],
    where: { campaign: { kind: kind.name, status: "OPEN" }, org: { ancestorIds: { hasSome: scope } } },
    _count: { _all: true },
  });
  if (!groups.length) return [];
  const [campaigns, orgs] = await Promise.all([
    db.campaign.findMany({ where: { id: { in: groups.map((g) => g.campaignId) } }, select: { id: true, label: true } }),
    db.organisation.findMany({ where: { id: { in: groups.map((g) => g.orgId) } }, select: { id: true, name: true } }),
  ]);
  const labels = new Map(campaigns.map((c) => [c.id, c.label]));
  const names = new Map(orgs.map((o) => [o.id, o.name]));
  return groups
    .map((g) => ({
      campaignId: g.campaignId,
      label: labels.get(g.campaignId) ?? "",
      orgId: g.orgId,
      orgName: names.get(g.orgId) ?? "?",
      members: g._count._all,
    }))
    .sort((a, b) => b.members - a.members || a.orgId - b.orgId || a.campaignId - b.campaignId)
    .slice(0, take);
}
