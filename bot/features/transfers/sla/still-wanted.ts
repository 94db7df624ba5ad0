// A nudge or escalation held back (quiet hours, a queue pause) is dropped unsent if its step was handled meanwhile:
// its buttons would only answer "already handled".
import type { MessageHooks } from "../../../core/feature.ts";

// Timers' messages, not answers to someone who just acted: broadcasts.
const whileStepWaits: MessageHooks = {
  broadcast: true,
  async stillWanted(db, args) {
    if (typeof args.stepId !== "number") return true;
    const step = await db.transferStep.findUnique({ where: { id: args.stepId }, select: { status: true } });
    return step?.status === "PENDING";
  },
};

export const slaDelivery: Record<string, MessageHooks> = {
  "sla-nudge": whileStepWaits,
  "sla-escalation": whileStepWaits,
};
