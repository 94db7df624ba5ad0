// /duescash: a leader records cash collected from several members. They type "编号 月数" lines, see a preview
// (names, months, amounts, totals; bad lines explained, nothing saved), and confirm; only then is it saved, in one
// transaction, through the ledger, audited, and each member is told.
import type { Context, DialogHandler } from "../../../core/feature.ts";
import { formatMonthName } from "../../membership/format.ts";
import { formatYuan } from "../money.ts";
import { CashChanged, type CashEntry, type CashProblem, previewCash, recordCash } from "./cash-service.ts";
import { branchCollection } from "./collection-service.ts";
import { type CashLineProblem, MAX_CASH_LINES, parseCashLines } from "./rules.ts";
import { leaderScope } from "./scope.ts";

export const CASH_DIALOG = "duesleaders.cash";
/** Owing members offered as ready-made lines. */
const MAX_PICK_LINES = 20;

interface CashDraft {
  entries?: CashEntry[];
}

export async function startCash(ctx: Context) {
  const scope = await leaderScope(ctx.deps.db, ctx.member!.id);
  if (scope.orgs.length === 0) {
    await ctx.deps.audit.record({
      actorId: ctx.member!.id,
      action: "duesleaders.cash",
      data: { outcome: "not-leader" },
    });
    return ctx.say("duesleaders-not-leader");
  }
  await ctx.dialog.start(CASH_DIALOG, "lines", {});
  ctx.say("duesleaders-cash-ask");
  // One organisation in scope: its members who owe, as lines ready to copy (the months owed), to pick from.
  if (scope.orgs.length !== 1) return;
  const { members } = await branchCollection(ctx.deps.db, scope.orgs[0]!.id, ctx.deps.now(), ctx.deps.config.TZ);
  const owing = members
    .filter((m) => m.owedMonths > 0)
    .sort((a, b) => b.owedMonths - a.owedMonths || a.code.localeCompare(b.code))
    .slice(0, MAX_PICK_LINES);
  if (owing.length === 0) return;
  ctx.say("duesleaders-cash-owing", {
    lines: owing.map((m) => `${m.code} ${m.owedMonths}`).join("\n"),
    names: owing.map((m) => m.name).join(ctx.t("duesleaders-list-separator")),
  });
}

/** Typed lines (the first time, or again to correct them after a preview). */
export const cashDialog: DialogHandler = async (ctx) => {
  const text = ctx.incoming.text?.trim();
  if (!text) return ctx.say("duesleaders-cash-ask");
  // A request typed instead of lines ("我的团籍") is answered as that request.
  if (!/\d/.test(text) && ctx.textIntent !== "unknown") return "pass";
  const parsed = parseCashLines(text);
  if (parsed.lines.length + parsed.errors.length === 0) return ctx.say("duesleaders-cash-empty");
  if (parsed.lines.length + parsed.errors.length > MAX_CASH_LINES) {
    return ctx.say("duesleaders-cash-too-many-lines", { max: MAX_CASH_LINES });
  }
  const scope = await leaderScope(ctx.deps.db, ctx.member!.id);
  const preview = await previewCash(
    ctx.deps.db,
    ctx.member!.id,
    scope.roles,
    parsed.lines,
    ctx.deps.now(),
    ctx.deps.config.TZ,
  );
  const problems = [
    ...parsed.errors.map((e) => ({ line: e.line, text: e.text, reason: lineReason(ctx, e.problem) })),
    ...preview.problems.map((p) => ({ line: p.line, text: p.text, reason: memberReason(ctx, p.problem) })),
  ].sort((a, b) => a.line - b.line);
  if (problems.length > 0) {
    // Nothing is kept from a batch with a bad line: the leader sends the whole corrected list again.
    await ctx.dialog.update("lines", { entries: undefined });
    ctx.reply(
      [ctx.t("duesleaders-cash-errors"), ...problems.map((p) => ctx.t("duesleaders-cash-error", { ...p }))].join("\n"),
    );
    return;
  }
  await showPreview(ctx, preview.entries);
};

async function showPreview(ctx: Context, entries: CashEntry[]) {
  await ctx.dialog.update("confirm", { entries });
  const month = (m: number) => formatMonthName(m, ctx.locale);
  const lines = entries.map((e) =>
    ctx.t("duesleaders-cash-preview-line", {
      code: e.code,
      name: e.name,
      months: e.months,
      from: month(e.from),
      to: month(e.to),
      amount: formatYuan(e.amountFen),
    }),
  );
  ctx.reply(
    [
      ctx.t("duesleaders-cash-preview"),
      ...lines,
      ctx.t("duesleaders-cash-preview-total", {
        people: entries.length,
        months: entries.reduce((s, e) => s + e.months, 0),
        amount: formatYuan(entries.reduce((s, e) => s + e.amountFen, 0)),
      }),
    ].join("\n"),
    [[ctx.button("duesleaders-cash-confirm", "dl-cash:yes"), ctx.button("duesleaders-cash-cancel", "dl-cash:no")]],
  );
}

function lineReason(ctx: Context, p: CashLineProblem): string {
  switch (p.reason) {
    case "bad-format":
      return ctx.t("duesleaders-cash-bad-format");
    case "bad-code":
      return ctx.t("duesleaders-cash-bad-code");
    case "bad-months":
      return ctx.t("duesleaders-cash-bad-months", { max: p.max });
    case "duplicate":
      return ctx.t("duesleaders-cash-duplicate", { first: p.first });
  }
}

function memberReason(ctx: Context, p: CashProblem): string {
  switch (p.reason) {
    case "not-found":
      return ctx.t("duesleaders-cash-not-found");
    case "out-of-scope":
      return ctx.t("duesleaders-cash-out-of-scope");
    case "own":
      return ctx.t("duesleaders-cash-own");
    case "not-active":
      return ctx.t("duesleaders-cash-not-active");
    case "too-many":
      return ctx.t("duesleaders-cash-too-many", { max: p.max });
    case "no-rate":
      return ctx.t("duesleaders-cash-no-rate");
  }
}

/** Buttons `dl-cash:yes` / `dl-cash:no` under the preview. */
export async function confirmCash(ctx: Context, answer: "yes" | "no") {
  const current = ctx.dialog.current;
  const entries =
    current?.name === CASH_DIALOG && current.step === "confirm" ? (current.data as CashDraft).entries : null;
  if (!entries?.length) return ctx.say("duesleaders-cash-expired");
  if (answer !== "yes") {
    await ctx.dialog.end();
    return ctx.say("duesleaders-cash-cancelled");
  }
  const { db, outbox, audit } = ctx.deps;
  const leader = ctx.member!;
  const now = ctx.deps.now();
  // Scope is checked again at saving: a role may have been taken away since the preview.
  const scope = await leaderScope(db, leader.id);
  const lines = entries.map((e, i) => ({ line: i + 1, text: `${e.code} ${e.months}`, code: e.code, months: e.months }));
  const again = await previewCash(db, leader.id, scope.roles, lines, now, ctx.deps.config.TZ);
  if (again.problems.length > 0 || !sameEntries(again.entries, entries)) {
    ctx.say("duesleaders-cash-changed");
    if (again.problems.length > 0) {
      await ctx.dialog.update("lines", { entries: undefined });
      return ctx.say("duesleaders-cash-ask");
    }
    return showPreview(ctx, again.entries);
  }
  let saved: { outboxIds: bigint[]; payments: number[] };
  try {
    saved = await db.$transaction(async (tx) => {
      const result = await recordCash(
        tx,
        outbox,
        { id: leader.id, name: leader.name, orgId: leader.orgId },
        entries,
        now,
      );
      await audit.record(
        {
          actorId: leader.id,
          action: "duesleaders.cash",
          orgId: scope.orgs[0]?.id ?? null,
          targetType: "DuesPayment",
          targetId: result.payments.join(","),
          data: {
            outcome: "saved",
            entries: entries.map((e) => ({ memberId: e.memberId, months: e.months, amountFen: e.amountFen })),
          },
        },
        tx,
      );
      return result;
    });
  } catch (error) {
    if (!(error instanceof CashChanged)) throw error;
    ctx.say("duesleaders-cash-changed");
    const fresh = await previewCash(db, ctx.member!.id, scope.roles, lines, ctx.deps.now(), ctx.deps.config.TZ);
    return fresh.problems.length ? ctx.say("duesleaders-cash-ask") : showPreview(ctx, fresh.entries);
  }
  await ctx.dialog.end();
  await outbox.dispatch(saved.outboxIds);
  ctx.say("duesleaders-cash-saved", {
    people: entries.length,
    months: entries.reduce((s, e) => s + e.months, 0),
    amount: formatYuan(entries.reduce((s, e) => s + e.amountFen, 0)),
  });
}

function sameEntries(a: CashEntry[], b: CashEntry[]): boolean {
  return (
    a.length === b.length &&
    a.every((x, i) => {
      const y = b[i]!;
      return x.memberId === y.memberId && x.months === y.months && x.amountFen === y.amountFen && x.from === y.from;
    })
  );
}
