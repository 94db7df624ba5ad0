// The member's side: "我换工作了", "月薪八千", /change. Asks only what the sentence did not say (the situation, the
// pay after tax, the month it starts), shows what would change and who confirms it, and files it on a yes. Every
// question has 取消; a tap on an old question never files anything twice.
import { type Context, otherRequest } from "../../core/feature.ts";
import { DuesCategory, MemberStatus } from "../../infra/db.ts";
import { formatYuan } from "../dues/money.ts";
import { addMonths, type Month, monthOf } from "../dues/months.ts";
import { formatMonthName } from "../membership/format.ts";
import {
  amountAt,
  amountBefore,
  boundsFor,
  pendingChangeOf,
  type Route,
  routeFor,
  submitChange,
  withdrawChange,
} from "./circumstance-service.ts";
import {
  categoryAnswer,
  checkMonth,
  incomeAnswer,
  MAX_NOTE_LENGTH,
  type MonthBounds,
  parseMonth,
  readReport,
} from "./rules.ts";

export const REPORT_DIALOG = "dues.change";
const YES = /^(是|是的|好|好的|对|确认|确定|提交|发送|可以|没错|嗯|yes|y|ok|okay|send|submit|sure|correct)[。.!！]*$/i;
const NO = /^(不|不用|不要|否|算了|先不|no|n|not now)了?[。.!！]*$/i;

interface Draft {
  category?: DuesCategory;
  incomeFen?: number;
  month?: Month;
  note?: string;
}

const draftOf = (ctx: Context): Draft =>
  (ctx.dialog.current?.name === REPORT_DIALOG ? ctx.dialog.current.data : {}) as Draft;
const stopRow = (ctx: Context) => [ctx.button("circumstance-button-stop", "circ-stop:report")];

/**
 * Start (or restart) the report; `text` is what the member said, to take what it already tells, and `preset` what an
 * old message's button already chose.
 */
export async function startReport(ctx: Context, text: string, preset: Draft = {}) {
  const member = ctx.member!;
  if (member.status !== MemberStatus.ACTIVE) return ctx.say("circumstance-not-active");
  const pending = await pendingChangeOf(ctx.deps.db, member.id);
  if (pending) {
    if (ctx.dialog.current?.name === REPORT_DIALOG) await ctx.dialog.end();
    return ctx.say(
      "circumstance-pending-exists",
      {
        month: formatMonthName(pending.month, ctx.locale),
        category: pending.category,
        income: formatYuan(pending.incomeFen ?? 0),
      },
      [
        [ctx.button("circumstance-button-withdraw", `circ-withdraw:${pending.id}`)],
        [ctx.button("dues-button-status", "go:dues.status")],
      ],
    );
  }
  const draft: Draft = { ...readReport(text), ...preset, note: text.trim().slice(0, MAX_NOTE_LENGTH) };
  await ctx.dialog.start(REPORT_DIALOG, "category", { ...draft });
  return next(ctx, draft);
}

/** Asks the first thing still missing, or shows the summary. */
async function next(ctx: Context, draft: Draft) {
  const data = { ...draft };
  if (!draft.category) {
    await ctx.dialog.update("category", data);
    return ctx.say("circumstance-ask-category", {}, [
      [ctx.button("circumstance-category", "circ-cat:SALARIED", { category: "SALARIED" })],
      [ctx.button("circumstance-category", "circ-cat:STUDENT", { category: "STUDENT" })],
      [ctx.button("circumstance-category", "circ-cat:NO_INCOME", { category: "NO_INCOME" })],
      stopRow(ctx),
    ]);
  }
  if (draft.category === DuesCategory.SALARIED && draft.incomeFen === undefined) {
    await ctx.dialog.update("income", data);
    return ctx.say("circumstance-ask-income", {}, [stopRow(ctx)]);
  }
  if (draft.month === undefined) {
    await ctx.dialog.update("month", data);
    return askMonth(ctx);
  }
  await ctx.dialog.update("confirm", data);
  return summary(ctx, draft as Required<Pick<Draft, "category" | "month">> & Draft);
}

async function bounds(ctx: Context): Promise<MonthBounds> {
  return boundsFor(ctx.deps.db, ctx.member!, ctx.deps.now(), ctx.deps.config.TZ);
}

async function askMonth(ctx: Context, problem?: { why: "too-early" | "too-late" | "unread" }) {
  const b = await bounds(ctx);
  const current = monthOf(ctx.deps.now(), ctx.deps.config.TZ);
  // Last month, this month and next month, where allowed.
  const offered = [addMonths(current, -1), current, addMonths(current, 1)].filter((m) => checkMonth(m, b).ok);
  if (offered.length === 0) offered.push(b.earliest);
  const args = {
    earliest: formatMonthName(b.earliest, ctx.locale),
    latest: formatMonthName(b.latest, ctx.locale),
    problem: problem?.why ?? "none",
  };
  ctx.say("circumstance-ask-month", args, [
    offered.map((m) =>
      ctx.button("circumstance-month-label", `circ-month:${m}`, { month: formatMonthName(m, ctx.locale) }),
    ),
    stopRow(ctx),
  ]);
}

function whoText(ctx: Context, route: Route): string {
  if (!route.recipients.length) return ctx.t("circumstance-who-nobody");
  const names = route.recipients.map((r) => r.name).join("、");
  return route.atOwnOrg
    ? ctx.t("circumstance-who-own", { names })
    : ctx.t("circumstance-who-above", { names, org: route.recipients[0]!.orgName });
}

async function summary(ctx: Context, draft: Draft & { category: DuesCategory; month: Month }) {
  const { db } = ctx.deps;
  const to = { category: draft.category, incomeFen: draft.incomeFen ?? null };
  const [newFen, oldFen, route] = [
    await amountAt(db, to, draft.month),
    await amountBefore(db, ctx.member!, draft.month),
    await routeFor(db, ctx.member!),
  ];
  ctx.say(
    "circumstance-summary",
    {
      month: formatMonthName(draft.month, ctx.locale),
      category: draft.category,
      income: formatYuan(draft.incomeFen ?? 0),
      amount: newFen === null ? "-" : formatYuan(newFen),
      before: oldFen === null ? "-" : formatYuan(oldFen),
      who: whoText(ctx, route),
    },
    [[ctx.button("circumstance-button-send", "circ-send:yes")], stopRow(ctx)],
  );
}

async function send(ctx: Context) {
  const draft = draftOf(ctx);
  if (ctx.dialog.current?.step !== "confirm" || !draft.category || draft.month === undefined) {
    // A second tap after sending, or a tap on an old summary: say what is on file, file nothing.
    const pending = await pendingChangeOf(ctx.deps.db, ctx.member!.id);
    if (pending) {
      const route = await routeFor(ctx.deps.db, ctx.member!);
      return ctx.say("circumstance-already-sent", { who: whoText(ctx, route) });
    }
    return ctx.say("circumstance-expired", {}, [[ctx.button("circumstance-button-start", "go:dues.change")]]);
  }
  const outcome = await submitChange(
    ctx.deps,
    ctx.member!,
    {
      category: draft.category,
      incomeFen: draft.category === DuesCategory.SALARIED ? (draft.incomeFen ?? null) : null,
    },
    draft.month,
    draft.note ?? "",
  );
  switch (outcome.kind) {
    case "not-active":
      await ctx.dialog.end();
      return ctx.say("circumstance-not-active");
    case "bad-month":
      // Paid months moved on while the member was deciding: ask the month again.
      await ctx.dialog.update("month", { ...draft, month: undefined });
      return askMonth(ctx, { why: outcome.why });
    case "sent":
      await ctx.dialog.end();
      if (outcome.again) return ctx.say("circumstance-already-sent", { who: whoText(ctx, outcome.route) });
      return ctx.say(outcome.route.recipients.length ? "circumstance-sent" : "circumstance-sent-nobody", {
        who: whoText(ctx, outcome.route),
      });
  }
}

/** Button: the situation. Starts the report when no question is open (an old message's button still works). */
export async function chooseCategory(ctx: Context, category: DuesCategory) {
  if (ctx.dialog.current?.name !== REPORT_DIALOG) return startReport(ctx, "", { category });
  const draft = draftOf(ctx);
  return next(ctx, { ...draft, category, incomeFen: category === DuesCategory.SALARIED ? draft.incomeFen : undefined });
}

/** Button: the month it starts. */
export async function chooseMonth(ctx: Context, month: Month) {
  const draft = draftOf(ctx);
  if (ctx.dialog.current?.name !== REPORT_DIALOG || !draft.category) {
    return ctx.say("circumstance-expired", {}, [[ctx.button("circumstance-button-start", "go:dues.change")]]);
  }
  const check = checkMonth(month, await bounds(ctx));
  if (!check.ok) return askMonth(ctx, { why: check.why });
  return next(ctx, { ...draft, month });
}

export async function sendButton(ctx: Context) {
  return send(ctx);
}

export async function stopButton(ctx: Context) {
  if (ctx.dialog.current?.name === REPORT_DIALOG) await ctx.dialog.end();
  ctx.say("circumstance-stopped");
}

export async function withdrawButton(ctx: Context, id: number) {
  const done = await withdrawChange(ctx.deps, ctx.member!, id);
  ctx.say(done ? "circumstance-withdrawn" : "circumstance-withdraw-none");
}

/** Typed answers to the open question. */
export async function onReportText(ctx: Context) {
  const text = ctx.incoming.text?.trim() ?? "";
  const step = ctx.dialog.current?.step;
  const draft = draftOf(ctx);
  // A sentence that is clearly another request is answered while the report waits.
  const elsewhere = otherRequest(ctx, "dues.change");
  if (step === "category") {
    const category = categoryAnswer(text);
    if (!category) return elsewhere ? "aside" : next(ctx, draft);
    const income = readReport(text).incomeFen;
    return next(ctx, { ...draft, category, incomeFen: category === DuesCategory.SALARIED ? income : undefined });
  }
  if (step === "income") {
    const income = incomeAnswer(text);
    if (income === null) {
      if (elsewhere) return "aside";
      return ctx.say("circumstance-income-unread", {}, [stopRow(ctx)]);
    }
    return next(ctx, { ...draft, incomeFen: income });
  }
  if (step === "month") {
    const month = parseMonth(text, monthOf(ctx.deps.now(), ctx.deps.config.TZ));
    if (month === null) return elsewhere ? "aside" : askMonth(ctx, { why: "unread" });
    const check = checkMonth(month, await bounds(ctx));
    if (!check.ok) return askMonth(ctx, { why: check.why });
    return next(ctx, { ...draft, month });
  }
  if (YES.test(text)) return send(ctx);
  if (NO.test(text)) return stopButton(ctx);
  if (elsewhere) return "aside";
  return next(ctx, draft);
}
