// The delivery worker's writes to an outbox row. PostgreSQL decides who sends: only the worker whose claim moved
// the row to SENDING may send it, and a row in SENDING is never sent again.
import type { MessageHooks } from "../../bot/core/feature.ts";
import type { Db } from "../../bot/infra/db.ts";
import type { Logger } from "../../bot/infra/logger.ts";

/** Where a send ends; WAITING is final until the person writes again. */
export type FinalStatus = "SENT" | "FAILED" | "BLOCKED" | "WAITING";

export function createOutboxRows(db: Db, logger: Logger, hooks: Map<string, MessageHooks>) {
  async function tell(messageKey: string, id: bigint, status: FinalStatus) {
    const onOutcome = hooks.get(messageKey)?.onOutcome;
    if (!onOutcome) return;
    // The message has its outcome either way; a feature's bookkeeping failing must not resend or fail it.
    await onOutcome(db, id, status).catch((err: unknown) =>
      logger.warn({ err, outboxId: String(id), messageKey }, "delivery outcome hook failed"),
    );
  }

  return {
    /** PENDING/QUEUED → SENDING, counting the try. Null when another worker has it or it is done. */
    async claim(id: bigint): Promise<{ attempts: number } | null> {
      const rows = await db.outboxMessage.updateManyAndReturn({
        where: { id, status: { in: ["PENDING", "QUEUED"] } },
        data: { status: "SENDING", attempts: { increment: 1 } },
        select: { attempts: true },
      });
      return rows[0] ?? null;
    },

    /** SENDING → QUEUED: the try ended without a send; the job will come back. */
    async release(id: bigint, change: { lastError?: string; uncountTry?: boolean }) {
      await db.outboxMessage.updateMany({
        where: { id, status: "SENDING" },
        data: {
          status: "QUEUED",
          ...(change.lastError !== undefined ? { lastError: change.lastError } : {}),
          ...(change.uncountTry ? { attempts: { decrement: 1 } } : {}),
        },
      });
    },

    async sent(id: bigint, messageKey: string, at: Date) {
      // Whatever else was written meanwhile, the platform took the message: SENT is the truth.
      await db.outboxMessage.update({ where: { id }, data: { status: "SENT", sentAt: at, lastError: null } });
      await tell(messageKey, id, "SENT");
    },

    async failed(id: bigint, messageKey: string, reason: string) {
      await db.outboxMessage.update({ where: { id }, data: { status: "FAILED", lastError: reason.slice(0, 500) } });
      await tell(messageKey, id, "FAILED");
    },

    /** The person blocked the bot: this row and every later one to the same identity stop here. */
    async blocked(id: bigint, messageKey: string, identityId: number) {
      await db.$transaction([
        db.chatIdentity.update({ where: { id: identityId }, data: { blocked: true } }),
        db.outboxMessage.update({ where: { id }, data: { status: "BLOCKED", lastError: "blocked by the recipient" } }),
      ]);
      await tell(messageKey, id, "BLOCKED");
    },

    /** SENDING → WAITING: the platform takes it only after the person writes again (outbox.wake). */
    async waiting(id: bigint, messageKey: string, reason: string) {
      await db.outboxMessage.updateMany({
        where: { id, status: "SENDING" },
        data: { status: "WAITING", lastError: reason.slice(0, 500), attempts: { decrement: 1 } },
      });
      await tell(messageKey, id, "WAITING");
    },

    /** Its feature no longer wants it sent (see MessageHooks.stillWanted). */
    async dropped(id: bigint) {
      await db.outboxMessage.updateMany({
        where: { id, status: { in: ["PENDING", "QUEUED"] } },
        data: { status: "DROPPED", lastError: "no longer wanted when its time came" },
      });
    },

    /** A row left in SENDING by a worker that died mid-send: whether the platform got it is unknown. */
    async outcomeUnknown(id: bigint, messageKey: string) {
      const { count } = await db.outboxMessage.updateMany({
        where: { id, status: "SENDING" },
        data: { status: "FAILED", lastError: "outcome unknown: the worker stopped during the send; not resent" },
      });
      if (count) await tell(messageKey, id, "FAILED");
    },

    async moveChat(identityId: number, chatId: string) {
      await db.chatIdentity.update({ where: { id: identityId }, data: { chatId } });
    },
  };
}
export type OutboxRows = ReturnType<typeof createOutboxRows>;
