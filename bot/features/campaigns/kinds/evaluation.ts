// 团员教育评议 as a campaign kind: each member rates themselves (one tap among the four grades) and writes a short
// self-assessment; the 团支书 records the branch's result per member, several at once, within the 优秀 quota
// (EVALUATION_EXCELLENT_PERCENT of the branch's evaluated members). A member is done when the branch has decided.
import { z } from "zod";
import { type Prisma, Role } from "../../../infra/db.ts";
import {
  checkSelfText,
  GRADES,
  type Grade,
  quotaRefusal,
  SELF_TEXT_MAX_CHARS,
  SELF_TEXT_MIN_CHARS,
} from "../../evaluation/rules.ts";
import type { AnswerStep, CampaignKind, DecisionBatch } from "../kind.ts";

const response = z.object({
  rating: z.enum(GRADES),
  text: z
    .string()
    .min(1)
    .max(SELF_TEXT_MAX_CHARS * 2),
});

export const isGrade = (s: string | null | undefined): s is Grade => (GRADES as readonly unknown[]).includes(s);

function answer(choice: string): AnswerStep | null {
  if (!isGrade(choice)) return null;
  return {
    kind: "text",
    said: {
      key: "campaigns-evaluation-ask-text",
      args: { grade: choice, min: SELF_TEXT_MIN_CHARS, max: SELF_TEXT_MAX_CHARS },
    },
    read(typed) {
      const checked = checkSelfText(typed);
      if ("text" in checked) return { response: { rating: choice, text: checked.text } };
      return {
        problem: {
          key: `campaigns-evaluation-text-${checked.problem}`,
          args: { chars: checked.chars, min: SELF_TEXT_MIN_CHARS, max: SELF_TEXT_MAX_CHARS },
        },
      };
    },
  };
}

/** One branch of a campaign: how many it evaluates (its members in the audience) and the grades recorded. */
export async function branchResults(tx: Prisma.TransactionClient, campaignId: number, orgId: number) {
  const entries = await tx.campaignEntry.findMany({
    where: { campaignId, orgId },
    select: { memberId: true, decision: true },
  });
  const current = new Map<number, Grade>();
  for (const e of entries) if (isGrade(e.decision)) current.set(e.memberId, e.decision);
  return { evaluated: entries.length, current };
}

/** Advisory lock class of the quota check (any fixed number; with the campaign id it names one lock). */
const QUOTA_LOCK = 17_003;

/**
 * The 优秀 quota, checked inside the decision's transaction for each branch the batch touches. Batches of one
 * campaign wait for each other here, so two leaders of a branch cannot both fill its last place.
 */
async function vetDecisions(tx: Prisma.TransactionClient, batch: DecisionBatch) {
  if (batch.decision !== "excellent") return null;
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${QUOTA_LOCK}::int, ${batch.campaignId}::int)`;
  const percent = batch.config.EVALUATION_EXCELLENT_PERCENT;
  const byBranch = new Map<number, number[]>();
  for (const e of batch.entries) byBranch.set(e.orgId, [...(byBranch.get(e.orgId) ?? []), e.memberId]);
  for (const [orgId, memberIds] of byBranch) {
    const { evaluated, current } = await branchResults(tx, batch.campaignId, orgId);
    const asked = new Map(memberIds.map((id) => [id, "excellent" as const]));
    const refused = quotaRefusal(current, asked, evaluated, percent);
    if (refused) return { key: "campaigns-evaluation-quota-refused", args: { evaluated, percent, ...refused } };
  }
  return null;
}

const gradeWords = {
  excellent: ["优秀", "优", "excellent"],
  qualified: ["合格", "qualified"],
  basic: ["基本合格", "basically qualified", "basic"],
  unqualified: ["不合格", "unqualified"],
};

export const evaluationKind: CampaignKind = {
  name: "evaluation",
  openRoles: [Role.COMMITTEE_STAFF, Role.ADMIN],
  decideRoles: [Role.BRANCH_SECRETARY, Role.COMMITTEE_STAFF, Role.ADMIN],
  doneWhen: "decision",
  response,
  firstChoices: GRADES,
  answer,
  choiceWords: gradeWords,
  decisions: GRADES,
  reasonRequired: [],
  decisionWords: gradeWords,
  vetDecisions,
  describeResponse(r) {
    return { key: "campaigns-evaluation-response", args: { rating: String(r.rating), text: String(r.text) } };
  },
};
