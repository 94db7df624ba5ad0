// "我的转接到哪一步了": each step, who holds it, since when, its deadline; and a rejected request to fix.
import type { Context } from "../../core/feature.ts";
import type { Button } from "../../core/types.ts";
import { formatInstant } from "../membership/format.ts";
import { destinationText } from "./rules.ts";
import type { OpenTransfer } from "./transfer-service.ts";

type Timeline = Pick<OpenTransfer, "id" | "reason" | "createdAt" | "steps"> & {
  fromOrg: { name: string };
  toOrg: { name: string };
  destinationName?: string | null;
};

export function renderTimeline(ctx: Context, transfer: Timeline): string {
  const tz = ctx.deps.config.TZ;
  const at = (d: Date) => formatInstant(d, ctx.locale, tz);
  const now = ctx.deps.now();
  const lines = [
    ctx.t("transfers-status-title"),
    ctx.t("transfers-status-summary", {
      from: transfer.fromOrg.name,
      to: destinationText(transfer.toOrg.name, transfer.destinationName),
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
            claimed: step.claimedBy ? "yes" : "no",
            claimer: step.claimedBy?.name ?? "",
          })
        : ctx.t("transfers-status-step-done", {
            ...common,
            status: step.status,
            since: at(step.startedAt),
            at: at(step.decidedAt ?? step.startedAt),
            by: step.decidedBy?.name ?? "",
          }),
    );
    if (step.status === "REJECTED") lines.push(rejectionLine(ctx, step.rejectCode ?? "OTHER", step.note));
  }
  if (transfer.steps.every((s) => s.status !== "PENDING")) lines.push(ctx.t("transfers-status-next"));
  return lines.join("\n");
}

export function rejectionLine(ctx: Context, code: string, note: string | null): string {
  return ctx.t("transfers-rejection", { code, note: note ?? "", noted: note ? "yes" : "no" });
}

export function memberTimelineButtons(ctx: Context, transferId: number): Button[][] {
  return [
    [
      ctx.button("transfers-button-cancel", `tr-cancel:${transferId}`),
      ctx.button("transfers-button-me", "go:membership.status"),
    ],
  ];
}
