// The member's transfer (组织关系转接) progress as a timeline. Applying online is a later feature: until then
// /transfer says so plainly and names whom to ask, and submits nothing.
import type { Action, Context, Feature } from "../../core/feature.ts";
import { askerContact } from "../membership/contact-phrase.ts";
import { formatInstant } from "../membership/format.ts";
import { type OpenTransfer, openTransfer } from "./transfer-service.ts";

const STATUS_WORDS = new Set(["status", "progress", "进度", "状态", "查询"]);

function buttons(ctx: Context) {
  return [
    [
      ctx.button("transfers-button-progress", "go:transfer.status"),
      ctx.button("transfers-button-me", "go:membership.status"),
    ],
  ];
}

async function showProgress(ctx: Context) {
  if (!ctx.member) return ctx.say("transfers-bind-first");
  const transfer = await openTransfer(ctx.deps.db, ctx.member.id);
  if (!transfer) {
    return ctx.say("transfers-status-none", { contact: await askerContact(ctx) }, [
      [ctx.button("transfers-button-me", "go:membership.status")],
    ]);
  }
  ctx.reply(renderTimeline(ctx, transfer), [[ctx.button("transfers-button-me", "go:membership.status")]]);
}

function renderTimeline(ctx: Context, transfer: OpenTransfer): string {
  const tz = ctx.deps.config.TZ;
  const at = (d: Date) => formatInstant(d, ctx.locale, tz);
  const now = ctx.deps.now();
  const lines = [
    ctx.t("transfers-status-title"),
    ctx.t("transfers-status-summary", {
      from: transfer.fromOrg.name,
      to: transfer.toOrg.name,
      reason: transfer.reason,
      since: at(transfer.createdAt),
    }),
  ];
  for (const step of transfer.steps) {
    const common = { seq: step.seq, kind: ctx.t("transfers-step-kind", { kind: step.kind }), org: step.org.name };
    lines.push(
      step.status === "PENDING"
        ? ctx.t("transfers-status-step-pending", {
            ...common,
            since: at(step.startedAt),
            due: at(step.dueAt),
            overdue: step.dueAt < now ? "yes" : "no",
            claimed: step.claimedAt ? "yes" : "no",
          })
        : ctx.t("transfers-status-step-done", {
            ...common,
            status: step.status,
            since: at(step.startedAt),
            at: at(step.decidedAt ?? step.startedAt),
          }),
    );
  }
  if (transfer.steps.every((s) => s.status !== "PENDING")) lines.push(ctx.t("transfers-status-next"));
  return lines.join("\n");
}

async function notOpenYet(ctx: Context) {
  ctx.say("transfers-start-not-open", { contact: await askerContact(ctx) }, buttons(ctx));
}

/** `/transfer` is the (not yet open) application; `/transfer status` the progress. */
async function transferCommand(ctx: Context) {
  if (STATUS_WORDS.has(ctx.arg.trim().toLowerCase())) {
    ctx.intent = "transfer.status";
    if (!ctx.member) return ctx.say("transfers-bind-first");
    return showProgress(ctx);
  }
  return notOpenYet(ctx);
}

const progress: Action = { intent: "transfer.status", handler: showProgress, needsMember: true };
const start: Action = { intent: "transfer.start", handler: notOpenYet };

export const transfersFeature: Feature = {
  name: "transfers",
  commands: { transfer: { intent: "transfer.start", handler: transferCommand } },
  intents: { "transfer.start": start, "transfer.status": progress },
};
