// 推优入党 as a campaign kind: each member says whether they apply (one tap); the branch meeting votes on the
// candidates and its record decides 推优通过 / 未通过 by the shared meeting rule (bot/features/recommendation).
// A decision without that record is refused, so no button can pass a candidate the meeting did not.
import { z } from "zod";
import { type Prisma, Role } from "../../../infra/db.ts";
import { candidateHints, meetingDecisionsMatch } from "../../recommendation/candidates.ts";
import type { AnswerStep, CampaignKind, DecisionBatch, HintContext } from "../kind.ts";

const response = z.object({ apply: z.boolean() });

function answer(choice: string): AnswerStep | null {
  if (choice === "apply") return { kind: "response", response: { apply: true } };
  if (choice === "skip") return { kind: "response", response: { apply: false } };
  return null;
}

async function vetDecisions(tx: Prisma.TransactionClient, batch: DecisionBatch) {
  const ok = await meetingDecisionsMatch(
    tx,
    batch.campaignId,
    batch.entries.map((e) => e.memberId),
    batch.decision === "passed",
  );
  return ok ? null : { key: "campaigns-recommendation-vet-no-meeting" };
}

export const recommendationKind: CampaignKind = {
  name: "recommendation",
  openRoles: [Role.COMMITTEE_STAFF, Role.ADMIN],
  decideRoles: [Role.BRANCH_SECRETARY, Role.COMMITTEE_STAFF, Role.ADMIN],
  doneWhen: "response",
  response,
  firstChoices: ["apply", "skip"],
  answer,
  choiceWords: {
    apply: ["申请", "申请推优", "我要申请", "参加推优", "apply", "i apply"],
    skip: ["不申请", "本次不申请", "不参加", "先不了", "skip", "not this time"],
  },
  decisions: ["passed", "failed"],
  reasonRequired: [],
  decisionWords: {
    passed: ["通过", "推优通过", "passed"],
    failed: ["未通过", "不通过", "failed"],
  },
  hints: (ctx: HintContext, memberIds: number[]) => candidateHints(ctx, memberIds),
  vetDecisions,
  describeResponse(r) {
    return { key: "campaigns-recommendation-response", args: { apply: r.apply ? "yes" : "no" } };
  },
};
