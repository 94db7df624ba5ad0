// The delivery worker's writes to an outbox row. PostgreSQL decides who sends: only the worker whose claim moved
// the row to SENDING may send it, the claim is made right before the platform is called and records when
// (`sendBeganAt`), and a row in SENDING is never sent again unless its own worker, told by the platform that nothing
// was delivered, moves it back. A final outcome and the owning
// feature's bookkeeping (a notice's delivery row) commit in one transaction, so they never disagree, whatever dies
// between them.
import type { MessageHooks } from "../../bot/core/feature.ts";
import { IDENTITY } from "../../bot/core/identity-rows.ts";
import { type ChatIdentity, type Db, directStatements, type OutboxMessage, type Prisma } from "../../bot/infra/db.ts";
import { PREPARED } from "../../bot/infra/statement-names.ts";

// Every field of the row and its column: `satisfies` makes a field added to the schema a compile error here.
const OUTBOX = {
  id: "id",
  identityId: "identity_id",
  messageKey: "message_key",
  args: "args",
  buttons: "buttons",
  imageId: "image_id",
  urgent: "urgent",
  dedupeKey: "dedupe_key",
  status: "status",
  attempts: "attempts",
  notBefore: "not_before",
  lastError: "last_error",
  sendBeganAt: "send_began_at",
  sentAt: "sent_at",
  createdAt: "created_at",
} as const satisfies Record<keyof OutboxMessage, string>;

const outboxFields = Object.entries(OUTBOX);
const identityFields = Object.entries(IDENTITY);

// The reads and writes every delivery makes, straight through pg: Prisma's read with the identity, claim and
// outcome were four statements of its work per message sent (bench:chat).
const READ = `${PREPARED}SELECT ${[
  ...outboxFields.map(([, column], i) => `o."${column}" AS o${i}`),
  ...identityFields.map(([, column], i) => `ci."${column}" AS i${i}`),
].join(", ")}
FROM outbox_messages o JOIN chat_identities ci ON ci.id = o.identity_id WHERE o.id = $1`;
const CLAIM = `${PREPARED}UPDATE outbox_messages SET status = 'SENDING', attempts = attempts + 1, send_began_at = $2
  WHERE id = $1 AND status IN ('PENDING', 'QUEUED') RETURNING attempts, send_began_at AS "sendBeganAt"`;
const SENT = `${PREPARED}UPDATE outbox_messages SET status = 'SENT', sent_at = $2, last_error = NULL
  WHERE id = $1 AND status <> 'SENT'`;

export type OutboxRowWithIdentity = OutboxMessage & { identity: ChatIdentity };

/** Where a send ends; WAITING is final until the person writes again. */
export type FinalStatus = "SENT" | "FAILED" | "BLOCKED" | "WAITING";

export function createOutboxRows(db: Db, hooks: Map<string, MessageHooks>) {
  const direct = directStatements(db);
  if (!direct) throw new Error("outbox rows need a client made by createDb");

  /** Writes the row's outcome and, in the same transaction, tells its feature. Returns how many rows changed. */
  async function finish(
    id: bigint,
    messageKey: string,
    status: FinalStatus,
    write: (tx: Prisma.TransactionClient) => Promise<number>,
  ): Promise<number> {
    const onOutcome = hooks.get(messageKey)?.onOutcome;
    if (!onOutcome) return write(db);
    return db.$transaction(async (tx) => {
      const changed = await write(tx);
      if (changed) await onOutcome(tx, id, status);
      return changed;
    });
  }

  return {
    /** The row with the chat it goes to, or null. */
    async read(id: bigint): Promise<OutboxRowWithIdentity | null> {
      const [row] = await direct.query<Record<string, unknown>>(READ, [id]);
      if (!row) return null;
      const message = Object.fromEntries(outboxFields.map(([field], i) => [field, row[`o${i}`]])) as OutboxMessage;
      const identity = Object.fromEntries(identityFields.map(([field], i) => [field, row[`i${i}`]])) as ChatIdentity;
      return { ...message, identity };
    },

    /**
     * PENDING/QUEUED → SENDING, counting the try, right before the send: from here on the platform may have the
     * message. `began` (the machine's own clock, not the app's: a test's fixed one) names this claim and times it.
     * Null when another worker has it or it is done.
     */
    async claim(id: bigint, began: Date): Promise<{ attempts: number; sendBeganAt: Date } | null> {
      const [row] = await direct.query<{ attempts: number; sendBeganAt: Date | null }>(CLAIM, [id, began]);
      return row?.sendBeganAt ? { attempts: row.attempts, sendBeganAt: row.sendBeganAt } : null;
    },

    /** SENDING → QUEUED: the platform took nothing (its refusal, or a release before the send); the job comes back. */
    async release(id: bigint, change: { lastError?: string; uncountTry?: boolean }) {
      await db.outboxMessage.updateMany({
        where: { id, status: "SENDING" },
        data: {
          status: "QUEUED",
          sendBeganAt: null,
          ...(change.lastError !== undefined ? { lastError: change.lastError } : {}),
          ...(change.uncountTry ? { attempts: { decrement: 1 } } : {}),
        },
      });
    },

    async sent(id: bigint, messageKey: string, at: Date) {
      // Whatever else was written meanwhile, the platform took the message: SENT is the truth. A row already SENT
      // (an outcome written back twice) is left as it is, and its feature is not told twice.
      if (!hooks.get(messageKey)?.onOutcome) {
        await direct.query(SENT, [id, at]);
        return;
      }
      await finish(id, messageKey, "SENT", async (tx) => {
        const { count } = await tx.outboxMessage.updateMany({
          where: { id, status: { not: "SENT" } },
          data: { status: "SENT", sentAt: at, lastError: null },
        });
        return count;
      });
    },

    async failed(id: bigint, messageKey: string, reason: string) {
      await finish(id, messageKey, "FAILED", async (tx) => {
        await tx.outboxMessage.update({ where: { id }, data: { status: "FAILED", lastError: reason.slice(0, 500) } });
        return 1;
      });
    },

    /** The person blocked the bot: this row and every later one to the same identity stop here. */
    async blocked(id: bigint, messageKey: string, identityId: number) {
      await finish(id, messageKey, "BLOCKED", async (tx) => {
        await tx.chatIdentity.update({ where: { id: identityId }, data: { blocked: true } });
        await tx.outboxMessage.update({
          where: { id },
          data: { status: "BLOCKED", lastError: "blocked by the recipient" },
        });
        return 1;
      });
    },

    /** SENDING → WAITING: the platform takes it only after the person writes again (outbox.wake). */
    async waiting(id: bigint, messageKey: string, reason: string) {
      await finish(id, messageKey, "WAITING", async (tx) => {
        const { count } = await tx.outboxMessage.updateMany({
          where: { id, status: "SENDING" },
          data: { status: "WAITING", lastError: reason.slice(0, 500), attempts: { decrement: 1 }, sendBeganAt: null },
        });
        return count;
      });
    },

    /** Its feature no longer wants it sent (see MessageHooks.stillWanted). */
    async dropped(id: bigint) {
      await db.outboxMessage.updateMany({
        where: { id, status: { in: ["PENDING", "QUEUED"] } },
        data: { status: "DROPPED", lastError: "no longer wanted when its time came" },
      });
    },

    /**
     * A row left in SENDING whose worker never recorded the platform's answer (it died, or lost it with Redis's
     * data): whether the platform got it is unknown.
     */
    async outcomeUnknown(id: bigint, messageKey: string) {
      await finish(id, messageKey, "FAILED", async (tx) => {
        const { count } = await tx.outboxMessage.updateMany({
          where: { id, status: "SENDING" },
          data: {
            status: "FAILED",
            lastError: "outcome unknown: the platform's answer to the send was never recorded; not resent",
          },
        });
        return count;
      });
    },

    async moveChat(identityId: number, chatId: string) {
      await db.chatIdentity.update({ where: { id: identityId }, data: { chatId } });
    },
  };
}
export type OutboxRows = ReturnType<typeof createOutboxRows>;
