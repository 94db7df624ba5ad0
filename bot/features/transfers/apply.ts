// Applying for a transfer in chat: reason → destination (fuzzy search) → what the rules say → summary → submitted.
// A leader may do it for a member (办理转出 for one of theirs, 办理转入 for someone joining them).
import type { Context, DialogHandler } from "../../core/feature.ts";
import { isPhraseAmong } from "../../core/nlu/cancel.ts";
import type { Button } from "../../core/types.ts";
import { type Organisation, type TransferReason, TransferStatus } from "../../infra/db.ts";
import { maskMemberCode } from "../membership/member-code.ts";
import { searchOrganisations } from "../orgs/org-search.ts";
import { canAct, rolesOf, scopeOrgIds } from "../orgs/scope.ts";
import { outsideButton, takeOutsideName } from "./apply-outside.ts";
import { reasonsIn } from "./reason-words.ts";
import {
  ACT_ROLES,
  checkDestination,
  cleanNote,
  DESTINATION_RULES,
  needsReasonNote,
  REASONS,
  stepPlan,
} from "./rules.ts";
import { memberTimelineButtons, rejectionLine, renderTimeline } from "./timeline.ts";
import { openTransfer, rejectedToFix, resubmittable } from "./transfer-service.ts";
import { submitTransfer } from "./workflow.ts";

export const APPLY = "transfer.apply";
const MAX_MATCHES = 5;

type Mode = "self" | "out" | "in";

export interface Draft {
  mode: Mode;
  /** Whom the transfer is for (the asker, or the member a leader named). */
  memberId?: number;
  reason?: TransferReason;
  reasonNote?: string;
  toOrgId?: number;
  previousId?: number;
  /** A destination not in Tuanzhu, as typed; `toOrgId` is then the committee that will assign it. */
  destinationName?: string;
  /** The reasons the member's words left open ("工作" fits both kinds of employment): the reason step asks among these. */
  narrowed?: TransferReason[];
}

export const draftOf = (ctx: Context) =>
  ctx.dialog.current?.name === APPLY ? (ctx.dialog.current.data as unknown as Draft) : null;
export const stepOf = (ctx: Context) => (ctx.dialog.current?.name === APPLY ? ctx.dialog.current.step : null);
/** Free text the classifier reads as some other request (not a transfer one). */
const isOtherRequest = (ctx: Context) => ctx.textIntent !== "unknown" && !ctx.textIntent.startsWith("transfer.");
/**
 * Typed into the destination search and matching no organisation: a name the model has never seen (字节跳动) can
 * still look like a request to it, so only a near-certain one leaves the dialog ("我的团籍" does).
 */
const NEAR_CERTAIN = 0.9;
const isClearlyOtherRequest = (ctx: Context) => isOtherRequest(ctx) && ctx.textConfidence >= NEAR_CERTAIN;
/** Steps that take typed words as their answer (and judge for themselves what is another request). */
const FREE_TEXT_STEPS = new Set<string | null>(["member", "note", "destination", "outside-name"]);

// ─────────────────────────────── entry points ───────────────────────────────

/** `/transfer`, "我毕业了想转团关系", "办理转出": the member's own application, or a leader's choice of whom for. */
export async function startApplication(ctx: Context) {
  const member = ctx.member!;
  const roles = await rolesOf(ctx.deps.db, member.id);
  if (scopeOrgIds(roles, ACT_ROLES).length) {
    const text = ctx.incoming.text ?? "";
    if (/转出|transfer out/i.test(text)) return askWhom(ctx, "out");
    if (/转入|transfer in/i.test(text)) return askWhom(ctx, "in");
    return ctx.say("transfers-leader-for-whom", {}, [
      [ctx.button("transfers-for-self", "tr-for:self")],
      [ctx.button("transfers-for-out", "tr-for:out"), ctx.button("transfers-for-in", "tr-for:in")],
    ]);
  }
  return startForSelf(ctx);
}

/** Button: the leader chose for whom. */
export async function chooseWhom(ctx: Context, whom: "self" | "out" | "in") {
  if (whom === "self") return startForSelf(ctx);
  if (!scopeOrgIds(await rolesOf(ctx.deps.db, ctx.member!.id), ACT_ROLES).length) {
    return ctx.say("transfers-not-leader");
  }
  return askWhom(ctx, whom);
}

async function startForSelf(ctx: Context) {
  const member = ctx.member!;
  const open = await openTransfer(ctx.deps.db, member.id);
  if (open) {
    return ctx.reply(
      `${ctx.t("transfers-already-open")}\n${renderTimeline(ctx, open)}`,
      memberTimelineButtons(ctx, open.id),
    );
  }
  const rejected = await rejectedToFix(ctx.deps.db, member.id);
  if (rejected) {
    const step = rejected.steps.find((s) => s.status === "REJECTED");
    return ctx.reply(
      [
        ctx.t("transfers-last-rejected", { to: rejected.toOrg.name, org: step?.org.name ?? "" }),
        rejectionLine(ctx, step?.rejectCode ?? "OTHER", step?.note ?? null),
      ].join("\n"),
      [
        [
          ctx.button("transfers-button-resubmit", `tr-resubmit:${rejected.id}`),
          ctx.button("transfers-button-new", "tr-new:self"),
        ],
      ],
    );
  }
  // "考上研究生了要转团关系" said the reason already.
  return beginReason(ctx, { mode: "self", memberId: member.id }, ctx.incoming.text);
}

/** Button: a fresh application even though the last one was rejected. */
export async function newApplication(ctx: Context) {
  const open = await openTransfer(ctx.deps.db, ctx.member!.id);
  if (open) return startForSelf(ctx);
  return beginReason(ctx, { mode: "self", memberId: ctx.member!.id });
}

/** Button on a rejection: the old request's answers, ready to correct and send again. */
export async function resubmit(ctx: Context, id: number) {
  const old = await resubmittable(ctx.deps.db, ctx.member!.id, id);
  if (!old) return ctx.say("transfers-resubmit-gone");
  await ctx.dialog.start(APPLY, "confirm", {
    mode: "self",
    memberId: ctx.member!.id,
    reason: old.reason,
    ...(old.reasonNote ? { reasonNote: old.reasonNote } : {}),
    toOrgId: old.toOrgId,
    previousId: old.id,
  } satisfies Draft);
  return showSummary(ctx);
}

// ─────────────────────────────── a leader names the member ───────────────────────────────

async function askWhom(ctx: Context, mode: "out" | "in") {
  await ctx.dialog.start(APPLY, "member", { mode } satisfies Draft);
  ctx.say(mode === "out" ? "transfers-ask-member-out" : "transfers-ask-member-in");
}

/** "201901000001 李明": 转出 needs the 编号 of one of the leader's members; 转入 the 编号 and the name to match. */
async function takeMember(ctx: Context, draft: Draft, text: string) {
  const match = /^(\d{12})(?:\s+(\S.{0,30}))?$/.exec(text);
  if (!match && isOtherRequest(ctx)) return "aside" as const;
  if (!match) return ctx.say(draft.mode === "out" ? "transfers-ask-member-out" : "transfers-ask-member-in");
  const [, code, name] = match;
  const { db, audit } = ctx.deps;
  const leaderId = ctx.member!.id;
  const roles = await rolesOf(db, leaderId);
  const target = await db.member.findUnique({
    where: { code },
    include: { org: { select: { name: true, ancestorIds: true } } },
  });
  const inScope = target ? canAct(roles, target.org.ancestorIds, ACT_ROLES) : false;
  const found =
    target && (draft.mode === "out" ? inScope && (!name || name === target.name) : name === target.name)
      ? target
      : null;
  await audit.record({
    actorId: leaderId,
    action: "transfer.member-lookup",
    orgId: scopeOrgIds(roles, ACT_ROLES)[0] ?? null,
    targetType: "member",
    targetId: target?.id ?? code,
    data: { mode: draft.mode, outcome: found ? "found" : target ? "denied" : "not-found" },
  });
  if (!found) return ctx.say(draft.mode === "out" ? "transfers-member-not-found-out" : "transfers-member-not-found-in");
  if (found.id === leaderId) return ctx.say("transfers-member-is-you");
  if (found.status !== "ACTIVE") return ctx.say("transfers-member-inactive", { name: found.name });
  if (await openTransfer(db, found.id)) return ctx.say("transfers-member-has-open", { name: found.name });
  ctx.say("transfers-member-found", { name: found.name, code: maskMemberCode(found.code), org: found.org.name });
  return beginReason(ctx, { ...draft, memberId: found.id });
}

// ─────────────────────────────── reason ───────────────────────────────

async function beginReason(ctx: Context, draft: Draft, said?: string) {
  await ctx.dialog.start(APPLY, "reason", draft as unknown as Record<string, unknown>);
  const fits = said ? reasonsSaid(ctx, said) : [];
  if (fits.length) return takeReasonWords(ctx, fits);
  askReason(ctx);
}

/** `hint`: with the employment question, where to find out (left out right after saying so at length). */
function askReason(ctx: Context, reasons: readonly TransferReason[] = REASONS, hint = true) {
  const rows: Button[][] = [];
  for (let i = 0; i < reasons.length; i += 2) {
    rows.push(
      reasons.slice(i, i + 2).map((r) => ctx.button("transfers-reason-label", `tr-reason:${r}`, { reason: r })),
    );
  }
  if (reasons === REASONS) return ctx.say("transfers-ask-reason", {}, rows);
  const employment = hint && isEmploymentQuestion(reasons) ? "yes" : "no";
  ctx.say("transfers-reason-which", { employment }, rows);
}

const reasonsSaid = (ctx: Context, text: string) =>
  reasonsIn(text, REASONS, (reason) => ctx.deps.i18n.wordsEverywhere("transfers-reason-words", { reason }));

/** Words that fit one reason answer the question; words that fit several ask which of those only. */
async function takeReasonWords(ctx: Context, fits: TransferReason[]) {
  if (fits.length === 1) return chooseReason(ctx, fits[0]!);
  await ctx.dialog.update("reason", { narrowed: fits });
  askReason(ctx, fits);
}

/** Employment with or without a league organisation, the question a short "有的" / "应该没有吧" answers. */
const isEmploymentQuestion = (reasons: readonly TransferReason[]) => reasons.every((r) => r.startsWith("EMPLOYED_"));

/**
 * An answer to "which of these?" in the member's own words: a reason's words among those asked, a plain yes or no
 * to whether the employer has a league organisation, or not knowing (answered with how to find out).
 */
async function answerAmongNarrowed(ctx: Context, narrowed: TransferReason[], text: string): Promise<boolean> {
  const fits = reasonsSaid(ctx, text);
  const among = fits.filter((r) => narrowed.includes(r));
  const employment = isEmploymentQuestion(narrowed);
  if (among.length === 1) await chooseReason(ctx, among[0]!);
  // Words for a reason not asked about ("算了，是升学"): the member changed their mind.
  else if (fits.length && !among.length) await takeReasonWords(ctx, fits);
  else if (employment && isPhraseAmong(text, ctx.deps.i18n.wordsEverywhere("transfers-employer-has-org-words"))) {
    await chooseReason(ctx, "EMPLOYED_WITH_LEAGUE_ORG");
  } else if (employment && isPhraseAmong(text, ctx.deps.i18n.wordsEverywhere("transfers-employer-no-org-words"))) {
    await chooseReason(ctx, "EMPLOYED_WITHOUT_LEAGUE_ORG");
  } else if (isPhraseAmong(text, ctx.deps.i18n.wordsEverywhere("transfers-not-sure-words"))) {
    ctx.say("transfers-reason-not-sure", { employment: employment ? "yes" : "no" });
    askReason(ctx, narrowed, false);
  } else return false;
  return true;
}

/** Button: the reason. */
export async function chooseReason(ctx: Context, reason: TransferReason) {
  const draft = draftOf(ctx);
  if (!draft?.memberId) return ctx.say("transfers-expired");
  if (needsReasonNote(reason)) {
    await ctx.dialog.update("note", { reason });
    return ctx.say("transfers-ask-reason-note");
  }
  await ctx.dialog.update("destination", { reason, reasonNote: undefined });
  return askDestination(ctx, reason);
}

function askDestination(ctx: Context, reason: TransferReason) {
  ctx.say("transfers-ask-destination", { reason, rule: ctx.t("transfers-rule", { reason }) });
}

// ─────────────────────────────── destination ───────────────────────────────

async function search(ctx: Context, draft: Draft, query: string) {
  const reason = draft.reason!;
  const rule = DESTINATION_RULES[reason];
  const { db } = ctx.deps;
  let hits = await searchOrganisations(db, query, {
    limit: MAX_MATCHES,
    kinds: [...rule.kinds],
    levels: [...rule.levels],
  });
  if (draft.mode === "in") hits = await inLeaderScope(ctx, hits);
  // Not in Tuanzhu at all (字节跳动, 北京大学): a way forward besides searching again. Not for 转入.
  const outside = draft.mode === "in" ? [] : [outsideButton(ctx)];
  if (hits.length) {
    return ctx.say("transfers-pick-destination", { count: hits.length }, [
      ...hits.map((h) => [
        {
          label: h.parentName ? ctx.t("transfers-org-with-parent", { name: h.name, parent: h.parentName }) : h.name,
          payload: `tr-dest:${h.id}`,
        },
      ]),
      ...outside,
    ]);
  }
  // Nothing the rules allow: say what was found and why it cannot be chosen, in the rule's own words.
  const any = await searchOrganisations(db, query, { limit: 1 });
  // "我的团籍" typed here is a question, not an organisation: answer it while the application waits.
  if (!any[0] && isClearlyOtherRequest(ctx)) return "aside" as const;
  // "我考上研究生了要转团关系" — back a day later, starting over where a destination was asked: start over too.
  if (!any[0] && ctx.textIntent === "transfer.start" && ctx.textConfidence >= NEAR_CERTAIN) {
    return beginReason(ctx, { mode: draft.mode, memberId: draft.memberId }, query);
  }
  if (any[0]) {
    return ctx.say(
      "transfers-dest-only-disallowed",
      { name: any[0].name, rule: ctx.t("transfers-rule", { reason }), outside: outside.length ? "yes" : "no" },
      outside.length ? outside : undefined,
    );
  }
  return ctx.say(
    "transfers-dest-none",
    { query: query.slice(0, 40), outside: outside.length ? "yes" : "no" },
    outside.length ? outside : undefined,
  );
}

async function inLeaderScope<T extends { id: number }>(ctx: Context, hits: T[]): Promise<T[]> {
  const roles = await rolesOf(ctx.deps.db, ctx.member!.id);
  const orgs = await ctx.deps.db.organisation.findMany({
    where: { id: { in: hits.map((h) => h.id) } },
    select: { id: true, ancestorIds: true },
  });
  const ok = new Set(orgs.filter((o) => canAct(roles, o.ancestorIds, ACT_ROLES)).map((o) => o.id));
  return hits.filter((h) => ok.has(h.id));
}

/** Button: a destination from the matches. The payload could be forged: every rule is checked again. */
export async function chooseDestination(ctx: Context, id: number) {
  const draft = draftOf(ctx);
  if (!draft?.memberId || !draft.reason || stepOf(ctx) !== "destination") return ctx.say("transfers-expired");
  const { db } = ctx.deps;
  const [org, member] = await Promise.all([
    db.organisation.findUnique({ where: { id } }),
    db.member.findUniqueOrThrow({ where: { id: draft.memberId } }),
  ]);
  if (!org) return ctx.say("transfers-expired");
  const refusal = await destinationRefusal(ctx, draft, member.orgId, org);
  if (refusal) return ctx.reply(refusal);
  await ctx.dialog.update("confirm", { toOrgId: org.id, destinationName: undefined });
  return showSummary(ctx);
}

async function destinationRefusal(ctx: Context, draft: Draft, fromOrgId: number, org: Organisation) {
  const verdict = checkDestination(draft.reason!, fromOrgId, org);
  if (!verdict.ok) {
    return ctx.t("transfers-dest-refused", {
      name: org.name,
      problem: verdict.problem,
      rule: ctx.t("transfers-rule", { reason: draft.reason! }),
    });
  }
  if (draft.mode === "in") {
    const roles = await rolesOf(ctx.deps.db, ctx.member!.id);
    if (!canAct(roles, org.ancestorIds, ACT_ROLES)) return ctx.t("transfers-dest-not-yours", { name: org.name });
  }
  return null;
}

// ─────────────────────────────── summary and submission ───────────────────────────────

export async function showSummary(ctx: Context) {
  const draft = draftOf(ctx)!;
  const { db } = ctx.deps;
  const [member, to] = await Promise.all([
    db.member.findUniqueOrThrow({ where: { id: draft.memberId! }, include: { org: true } }),
    db.organisation.findUniqueOrThrow({ where: { id: draft.toOrgId! } }),
  ]);
  const plan = stepPlan(draft.reason!, to.level)
    .map((kind, i) => `${i + 1}. ${ctx.t("transfers-step-kind", { kind })}`)
    .join("\n");
  ctx.say(
    "transfers-summary",
    {
      name: member.name,
      from: member.org.name,
      to: draft.destinationName
        ? ctx.t("transfers-outside-to", { name: draft.destinationName, committee: to.name })
        : to.name,
      reason: draft.reason!,
      note: draft.reasonNote ?? "",
      noted: draft.reasonNote ? "yes" : "no",
      rule: ctx.t("transfers-rule", { reason: draft.reason! }),
      plan,
      resubmit: draft.previousId ? "yes" : "no",
    },
    [
      [ctx.button("transfers-button-submit", "tr-submit:yes")],
      [
        ctx.button("transfers-button-change-dest", "tr-submit:dest"),
        ctx.button("transfers-button-change-reason", "tr-submit:reason"),
      ],
      [ctx.button("transfers-button-drop", "tr-submit:no")],
    ],
  );
}

/** Buttons under the summary: submit, change the destination or the reason, or drop it. */
export async function confirmSubmit(ctx: Context, answer: "yes" | "dest" | "reason" | "no") {
  const draft = draftOf(ctx);
  if (!draft?.memberId || !draft.reason || !draft.toOrgId || stepOf(ctx) !== "confirm") {
    return ctx.say("transfers-expired");
  }
  if (answer === "dest") {
    await ctx.dialog.update("destination", { destinationName: undefined });
    return askDestination(ctx, draft.reason);
  }
  if (answer === "reason") {
    await ctx.dialog.update("reason");
    return askReason(ctx);
  }
  await ctx.dialog.end();
  if (answer !== "yes") return ctx.say("transfers-dropped");
  // Roles may have changed while the draft waited: a leader's scope is checked again.
  if (draft.mode !== "self") {
    const roles = await rolesOf(ctx.deps.db, ctx.member!.id);
    const target = await ctx.deps.db.member.findUniqueOrThrow({
      where: { id: draft.memberId },
      include: { org: { select: { ancestorIds: true } } },
    });
    const to = await ctx.deps.db.organisation.findUniqueOrThrow({ where: { id: draft.toOrgId } });
    const covered = draft.mode === "out" ? target.org.ancestorIds : to.ancestorIds;
    if (!canAct(roles, covered, ACT_ROLES)) return ctx.say("transfers-not-leader");
  }
  const result = await submitTransfer(ctx.deps, {
    memberId: draft.memberId,
    initiatorId: ctx.member!.id,
    toOrgId: draft.toOrgId,
    reason: draft.reason,
    reasonNote: draft.reasonNote ?? null,
    previousId: draft.previousId ?? null,
    destinationName: draft.destinationName ?? null,
  });
  if (!result.ok) return ctx.say("transfers-submit-failed", { problem: result.problem });
  const open = await ctx.deps.db.transferRequest.findUniqueOrThrow({
    where: { id: result.transferId },
    include: {
      fromOrg: { select: { name: true } },
      toOrg: { select: { name: true } },
      steps: {
        orderBy: { seq: "asc" },
        include: {
          org: { select: { name: true } },
          claimedBy: { select: { name: true } },
          decidedBy: { select: { name: true } },
        },
      },
    },
  });
  const key = draft.mode === "self" ? "transfers-submitted" : "transfers-submitted-for";
  const who =
    draft.mode === "self" ? "" : (await ctx.deps.db.member.findUniqueOrThrow({ where: { id: draft.memberId } })).name;
  const handledBy = draft.destinationName
    ? [ctx.t("transfers-outside-handled-by", { name: draft.destinationName, committee: open.toOrg.name })]
    : [];
  const text = [ctx.t(key, { id: open.id, name: who }), ...handledBy, renderTimeline(ctx, open)].join("\n");
  if (open.status === TransferStatus.COMPLETED) return ctx.reply(text);
  return ctx.reply(text, draft.mode === "self" ? memberTimelineButtons(ctx, open.id) : undefined);
}

// ─────────────────────────────── typed text ───────────────────────────────

export const applyDialog: DialogHandler = async (ctx) => {
  const draft = draftOf(ctx);
  const text = ctx.incoming.text?.trim() ?? "";
  if (!draft) return "pass";
  const step = stepOf(ctx);
  // "算了不转了" in the middle of an application withdraws it (nothing has been sent yet) — but not in the note,
  // where the member's own words about the reason are the answer.
  if (step !== "note" && ctx.textIntent === "transfer.cancel") {
    await ctx.dialog.end();
    return ctx.say("transfers-apply-dropped");
  }
  // Asked which of a few reasons: "有的", "应该没有吧", "不清楚" answer that question, whatever else they could mean.
  if (step === "reason" && draft.narrowed?.length) {
    if (await answerAmongNarrowed(ctx, draft.narrowed, text)) return;
  }
  // The reason in the member's own words ("去公司上班了", "单位有团委") answers it, before any request the model
  // reads in them.
  const fits = step === "reason" ? reasonsSaid(ctx, text) : [];
  if (fits.length) return takeReasonWords(ctx, fits);
  // Where only a button answers, words that ask for something else are that request ("我能报名啥活动"),
  // answered while the application waits.
  if (!FREE_TEXT_STEPS.has(step) && isOtherRequest(ctx)) return "aside";
  // "不对，我说错了", "上一步" after the reason was chosen: the reason again, not a search for those words.
  if ((step === "destination" || step === "note") && isPhraseAmong(text, ctx.t("transfers-back-words"))) {
    await ctx.dialog.update("reason", { narrowed: undefined });
    ctx.say("transfers-back-to-reason");
    return askReason(ctx);
  }
  switch (step) {
    case "member":
      return takeMember(ctx, draft, text);
    case "note": {
      const cleaned = cleanNote(text);
      if ("problem" in cleaned) return ctx.say(`transfers-note-${cleaned.problem}`);
      await ctx.dialog.update("destination", { reasonNote: cleaned.note });
      return askDestination(ctx, draft.reason!);
    }
    case "destination":
      if (!text) return askDestination(ctx, draft.reason!);
      if ([...text].length > 60) return ctx.say("transfers-query-too-long");
      return search(ctx, draft, text);
    case "reason":
      ctx.say("transfers-reason-unclear");
      return askReason(ctx, draft.narrowed?.length ? draft.narrowed : REASONS);
    case "outside-name":
      if (!text) return ctx.say("transfers-outside-name-short");
      return takeOutsideName(ctx, text);
    default:
      return ctx.say("transfers-use-buttons");
  }
};
