// 团员教育评议, the leader's side: "/evaluate" (or "录入评议结果") opens the branch's sheet — self-assessments, grades,
// the 优秀 places left — and takes results typed in bulk ("张三 优秀，李四 合格") until "取消". Members rate
// themselves from the campaign's own message (kinds/evaluation.ts); a member typing "教育评议" sees their entry.
import { idArg, partsArg } from "../../core/args.ts";
import { type Action, buttonAction, type Context, type Feature } from "../../core/feature.ts";
import { OPENING } from "../campaigns/index.ts";
import { evaluationKind } from "../campaigns/kinds/evaluation.ts";
import { leaderBranches } from "../campaigns/leader-branches.ts";
import { showMine } from "../campaigns/member.ts";
import { mayOpen, startOpenOf } from "../campaigns/open-dialog.ts";
import { branchSheet, leadsBranch, recordResults, type Sheet } from "./results-service.ts";

export const RESULTS_DIALOG = "evaluation.results";
/** Lines of the sheet shown at once (a branch rarely has more; the rest are still recorded by name). */
const SHEET_LINES = 60;

async function start(ctx: Context) {
  // "发起教育评议" from a committee opens one (the engine's opening dialog).
  if (OPENING.test(ctx.incoming.text?.trim() ?? "") && (await mayOpen(ctx)))
    return startOpenOf(ctx, evaluationKind.name);
  const branches = await leaderBranches(ctx.deps.db, ctx.member!.id, evaluationKind);
  if (!branches.length) {
    // Not a leader of any branch under an open evaluation: their own entry, or that none is open.
    const mine = await ctx.deps.db.campaignEntry.count({
      where: { memberId: ctx.member!.id, campaign: { kind: evaluationKind.name, status: "OPEN" } },
    });
    return mine ? showMine(ctx) : ctx.say("campaigns-evaluation-none-open");
  }
  if (branches.length === 1) return openSheet(ctx, [branches[0]!.campaignId, branches[0]!.orgId]);
  ctx.say(
    "campaigns-evaluation-pick-branch",
    {},
    branches.map((b) => [
      { label: `${b.orgName}（${b.members}）· ${b.label}`, payload: `eval-branch:${b.campaignId}:${b.orgId}` },
    ]),
  );
}

function sheetText(ctx: Context, sheet: Sheet) {
  const grade = (g: string) => ctx.t("campaigns-evaluation-grade", { grade: g });
  const lines = sheet.rows.slice(0, SHEET_LINES).map((r, i) =>
    ctx.t("campaigns-evaluation-results-member", {
      n: i + 1,
      name: r.name,
      self: r.self
        ? ctx.t("campaigns-evaluation-response", { rating: r.self.rating, text: r.self.text })
        : ctx.t("campaigns-evaluation-results-self-none"),
      result: r.grade ? ctx.t("campaigns-evaluation-results-now", { grade: grade(r.grade) }) : "",
    }),
  );
  const head = ctx.t("campaigns-evaluation-results-help", {
    label: sheet.label,
    org: sheet.orgName,
    evaluated: sheet.evaluated,
    decided: sheet.evaluated - sheet.counts.pending,
    pending: sheet.counts.pending,
    quota: sheet.quota,
    percent: sheet.percent,
    left: sheet.left,
  });
  return [head, ...lines].join("\n");
}

async function openSheet(ctx: Context, [campaignId, orgId]: [number, number]) {
  const member = ctx.member!;
  if (!(await leadsBranch(ctx.deps, member.id, orgId))) return ctx.say("campaigns-evaluation-not-leader");
  const campaign = await ctx.deps.db.campaign.findUnique({ where: { id: campaignId } });
  if (!campaign || campaign.kind !== evaluationKind.name) return ctx.say("campaigns-evaluation-none-open");
  if (campaign.status !== "OPEN") return ctx.say("campaigns-evaluation-closed");
  const sheet = await branchSheet(ctx.deps, campaignId, orgId);
  if (!sheet) return ctx.say("campaigns-evaluation-none-open");
  await ctx.dialog.start(RESULTS_DIALOG, "results", { campaignId, orgId });
  ctx.reply(sheetText(ctx, sheet));
}

/** Results typed while the sheet is open; anything that holds no grade at all is handed back to the router. */
async function onResults(ctx: Context) {
  const data = ctx.dialog.current!.data as { campaignId: number; orgId: number };
  const text = ctx.incoming.text ?? "";
  const outcome = await recordResults(ctx.deps, ctx.member!.id, data.campaignId, data.orgId, text);
  switch (outcome.kind) {
    case "nothing":
      return "pass";
    case "unread":
      // A request typed in the middle ("我的团费") holds no grade: answered while the sheet waits.
      if (!/(优秀|合格|excellent|qualified|basic)/i.test(text) && ctx.textIntent !== "unknown") return "aside";
      return ctx.say("campaigns-evaluation-unread", { pieces: outcome.pieces.join("、") });
    case "unknown":
      return ctx.say("campaigns-evaluation-unknown", { names: outcome.names.join("、") });
    case "ambiguous":
      return ctx.say("campaigns-evaluation-ambiguous", { names: outcome.names.join("、") });
    case "self":
      return ctx.say("campaigns-evaluation-self", { name: outcome.name });
    case "quota":
      return ctx.say("campaigns-evaluation-quota-refused", outcome);
    case "vetoed":
      return ctx.say(outcome.said.key, outcome.said.args);
    case "closed":
      await ctx.dialog.end();
      return ctx.say("campaigns-evaluation-closed");
    case "scope":
      await ctx.dialog.end();
      return ctx.say("campaigns-evaluation-not-leader");
    case "unchanged":
      return ctx.say("campaigns-evaluation-unchanged");
    case "recorded": {
      const { counts, left } = outcome.sheet;
      return ctx.say("campaigns-evaluation-recorded", { count: outcome.count, ...counts, left });
    }
  }
}

const startAction: Action = { intent: "evaluation.show", handler: start, needsMember: true };

export const evaluationFeature: Feature = {
  name: "evaluation",
  commands: { evaluate: startAction },
  buttons: {
    "eval-branch": buttonAction("evaluation.results", partsArg(":", idArg, idArg), openSheet),
  },
  intents: { "evaluation.show": startAction },
  dialogs: { [RESULTS_DIALOG]: onResults },
};
