// /duesreview, 待确认缴费: every payment screenshot waiting for a confirmation in the leader's scope, oldest first,
// each with its picture and Confirm/Reject — the same buttons as the message that brought it. Audited.
import type { Context } from "../../../core/feature.ts";
import { PaymentStatus } from "../../../infra/db.ts";
import { formatDate } from "../../membership/format.ts";
import { membersInSubtree, rolesOf, scopeOrgIds } from "../../orgs/scope.ts";
import { formatYuan } from "../money.ts";
import { reviewButtons } from "../payment-service.ts";
import { PROOF_ROLES } from "../proof-route.ts";
import { answerNotLeader } from "./not-leader.ts";

/** Screenshots shown in one answer; the rest are counted (confirming some brings the next ones up). */
const MAX_SHOWN = 10;

export async function showWaitingProofs(ctx: Context) {
  const { db } = ctx.deps;
  const me = ctx.member!;
  const scopes = scopeOrgIds(await rolesOf(db, me.id), PROOF_ROLES);
  const audit = (outcome: string, data: Record<string, unknown> = {}) =>
    ctx.deps.audit.record({
      actorId: me.id,
      action: "duesleaders.review",
      orgId: scopes[0] ?? null,
      data: { outcome, ...data },
    });
  if (scopes.length === 0) {
    await audit("not-leader");
    return answerNotLeader(ctx);
  }
  // A leader's own payment is confirmed by someone else, so it is not in their list.
  const where = {
    status: PaymentStatus.PENDING,
    proofImageId: { not: null },
    memberId: { not: me.id },
    member: { OR: scopes.map((id) => membersInSubtree(id)) },
  };
  const [total, waiting] = await Promise.all([
    db.duesPayment.count({ where }),
    db.duesPayment.findMany({
      where,
      orderBy: { id: "asc" },
      take: MAX_SHOWN,
      select: {
        id: true,
        reference: true,
        months: true,
        amountFen: true,
        createdAt: true,
        proofImage: { select: { bytes: true } },
        member: { select: { name: true, code: true, org: { select: { name: true } } } },
      },
    }),
  ]);
  await audit("allowed", { payments: waiting.map((p) => p.id), total });
  if (total === 0) return ctx.say("duesleaders-review-none");
  ctx.say("duesleaders-review-title", { count: total, shown: waiting.length, more: total - waiting.length });
  for (const p of waiting) {
    ctx.say(
      "duesleaders-review-item",
      {
        name: p.member.name,
        code: p.member.code,
        org: p.member.org.name,
        reference: p.reference,
        months: p.months,
        amount: formatYuan(p.amountFen),
        date: formatDate(p.createdAt, ctx.locale, ctx.deps.config.TZ),
      },
      reviewButtons(p.id).map((row) => row.map((b) => ctx.button(b.labelKey, b.payload))),
    );
    if (p.proofImage) ctx.replies.at(-1)!.image = new Uint8Array(p.proofImage.bytes);
  }
}
