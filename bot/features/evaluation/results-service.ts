// 教育评议 results for one branch over Prisma: the sheet a 团支书 works from (self-assessments, grades, the quota)
// and a batch of typed results, checked whole before anything is stored and then decided through the campaign
// engine (which checks scope, audits, tells each member and re-checks the quota inside its transaction).
import type { CoreDeps } from "../../core/feature.ts";
import { decide, loadCampaign } from "../campaigns/campaign-service.ts";
import type { Said } from "../campaigns/kind.ts";
import { evaluationKind, isGrade } from "../campaigns/kinds/evaluation.ts";
import { canAct, rolesOf } from "../orgs/scope.ts";
import {
  excellentLeft,
  excellentQuota,
  type Grade,
  type GradeCounts,
  gradeCounts,
  parseResultLines,
  quotaRefusal,
} from "./rules.ts";

export interface SheetRow {
  memberId: number;
  name: string;
  code: string;
  self: { rating: Grade; text: string } | null;
  grade: Grade | null;
}

export interface Sheet {
  label: string;
  orgName: string;
  percent: number;
  evaluated: number;
  rows: SheetRow[];
  counts: GradeCounts;
  quota: number;
  left: number;
}

export async function branchSheet(
  deps: Pick<CoreDeps, "db" | "config">,
  campaignId: number,
  orgId: number,
): Promise<Sheet | null> {
  const campaign = await deps.db.campaign.findUnique({ where: { id: campaignId } });
  const org = await deps.db.organisation.findUnique({ where: { id: orgId } });
  if (!campaign || !org) return null;
  const entries = await deps.db.campaignEntry.findMany({
    where: { campaignId, orgId },
    include: { member: { select: { name: true, code: true } } },
    orderBy: { memberId: "asc" },
  });
  const rows = entries.map((e) => {
    const r = e.response as { rating?: string; text?: string } | null;
    return {
      memberId: e.memberId,
      name: e.member.name,
      code: e.member.code,
      self: r && isGrade(r.rating) ? { rating: r.rating, text: String(r.text ?? "") } : null,
      grade: isGrade(e.decision) ? e.decision : null,
    };
  });
  const current = new Map(rows.flatMap((r) => (r.grade ? [[r.memberId, r.grade] as const] : [])));
  const percent = deps.config.EVALUATION_EXCELLENT_PERCENT;
  return {
    label: campaign.label,
    orgName: org.name,
    percent,
    evaluated: rows.length,
    rows,
    counts: gradeCounts(
      rows.map((r) => r.memberId),
      current,
    ),
    quota: excellentQuota(rows.length, percent),
    left: excellentLeft(current, rows.length, percent),
  };
}

/** Whether the actor decides for the organisation's members in this kind (their 团支书 or staff above). */
export async function leadsBranch(deps: Pick<CoreDeps, "db">, actorId: number, orgId: number) {
  const org = await deps.db.organisation.findUnique({ where: { id: orgId }, select: { ancestorIds: true } });
  return !!org && canAct(await rolesOf(deps.db, actorId), org.ancestorIds, evaluationKind.decideRoles);
}

export type RecordOutcome =
  | { kind: "recorded"; count: number; sheet: Sheet }
  | { kind: "unchanged"; sheet: Sheet }
  | { kind: "nothing" }
  | { kind: "unread"; pieces: string[] }
  | { kind: "unknown"; names: string[] }
  | { kind: "ambiguous"; names: string[] }
  | { kind: "self"; name: string }
  | { kind: "quota"; evaluated: number; percent: number; quota: number; left: number; asked: number }
  | { kind: "vetoed"; said: Said }
  | { kind: "closed" }
  | { kind: "scope" };

/** Grades in the order a batch is stored: places freed before 优秀 are asked for. */
const ORDER: readonly Grade[] = ["unqualified", "basic", "qualified", "excellent"];

/** A typed batch of results for one branch: all or nothing (a name not found or the quota stops the whole batch). */
export async function recordResults(
  deps: CoreDeps,
  actorId: number,
  campaignId: number,
  orgId: number,
  text: string,
): Promise<RecordOutcome> {
  const found = await loadCampaign(deps.db, campaignId);
  if (!found || !(await leadsBranch(deps, actorId, orgId))) return { kind: "scope" };
  if (found.campaign.status !== "OPEN") return { kind: "closed" };
  const { lines, unread } = parseResultLines(text);
  if (!lines.length && !unread.length) return { kind: "nothing" };
  if (unread.length) return { kind: "unread", pieces: unread };
  const sheet = await branchSheet(deps, campaignId, orgId);
  if (!sheet) return { kind: "scope" };
  const batch = new Map<number, Grade>();
  const unknown: string[] = [];
  const ambiguous: string[] = [];
  for (const line of lines) {
    const who = line.who.replace(/\s+/g, "");
    const matches = sheet.rows.filter((r) => r.name.replace(/\s+/g, "") === who || r.code === who);
    if (matches.length === 1) batch.set(matches[0]!.memberId, line.grade);
    else (matches.length ? ambiguous : unknown).push(line.who);
  }
  if (unknown.length) return { kind: "unknown", names: unknown };
  if (ambiguous.length) return { kind: "ambiguous", names: ambiguous };
  const self = sheet.rows.find((r) => r.memberId === actorId && batch.has(r.memberId));
  if (self) return { kind: "self", name: self.name };
  const current = new Map(sheet.rows.flatMap((r) => (r.grade ? [[r.memberId, r.grade] as const] : [])));
  const refused = quotaRefusal(current, batch, sheet.evaluated, sheet.percent);
  if (refused) return { kind: "quota", evaluated: sheet.evaluated, percent: sheet.percent, ...refused };
  let count = 0;
  for (const grade of ORDER) {
    const ids = [...batch].filter(([, g]) => g === grade).map(([id]) => id);
    if (!ids.length) continue;
    const result = await decide(deps, actorId, campaignId, ids, grade, null);
    if (result.closed) return { kind: "closed" };
    if (result.vetoed) return { kind: "vetoed", said: result.vetoed };
    if (result.refused.length) return { kind: "scope" };
    count += result.decided.length;
  }
  const after = (await branchSheet(deps, campaignId, orgId))!;
  return count ? { kind: "recorded", count, sheet: after } : { kind: "unchanged", sheet: after };
}
