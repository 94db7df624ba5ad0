// Proactive messages: written as outbox rows in the same transaction as the change that causes them, then handed
// to the delivery queue after commit. If the process dies in between, the reconciler finds the PENDING rows.
// A broadcast's fan-out (a notice, dues reminders, a campaign: up to a million rows) writes its rows HELD instead:
// PostgreSQL keeps them and `feed` hands Redis only what the platform can send in the next minute or two. The
// platform sends a million messages in hours, so queueing them all at once would only cost the fan-out most of its
// time and Redis a gigabyte, and a Redis that loses its data would lose a million jobs instead of a window.
import { type Db, directStatements, Platform, type Prisma } from "../infra/db.ts";
import { PREPARED } from "../infra/statement-names.ts";
import { deliveryQueueName, enqueueDeliveries, outboxJobId, type Queues } from "./queues.ts";

/** Rows per addBulk call and status update: large fan-outs go out in chunks. */
const DISPATCH_CHUNK = 1000;

const DISPATCHED = `${PREPARED}SELECT o.id, o.message_key AS "messageKey", ci.platform
  FROM outbox_messages o JOIN chat_identities ci ON ci.id = o.identity_id WHERE o.id = ANY($1::bigint[])`;
const QUEUED = `${PREPARED}UPDATE outbox_messages SET status = 'QUEUED' WHERE id = ANY($1::bigint[]) AND status = 'PENDING'`;

/**
 * BullMQ's priority for broadcasts' delivery jobs. A job without a priority is taken before any prioritized one, so
 * a reply (none) never waits behind a broadcast backlog for a worker, as it never waits for the platform's budget
 * (workers/delivery/pacer.ts lanes).
 */
export const BROADCAST_PRIORITY = 10;

type Tx = Prisma.TransactionClient | Db;

/** The row of one message to one chat identity, due from `now` (the app's clock, as the feeder and settle read it). */
function rowData(identityId: number, message: OutgoingMessage, now: Date): Prisma.OutboxMessageCreateManyInput {
  return {
    identityId,
    messageKey: message.messageKey,
    args: message.args ?? {},
    ...(message.buttons ? { buttons: message.buttons } : {}),
    ...(message.imageId ? { imageId: message.imageId } : {}),
    urgent: message.urgent ?? false,
    dedupeKey: message.dedupeKey ?? null,
    notBefore: message.notBefore ?? now,
    createdAt: now,
  };
}

/** A member's message as one of their chats gets it: the dedupe key names the chat. */
const forIdentity = (message: OutgoingMessage, identityId: number): OutgoingMessage =>
  message.dedupeKey ? { ...message, dedupeKey: `${message.dedupeKey}:identity:${identityId}` } : message;

export interface OutgoingMessage {
  /** Fluent message id, rendered in the recipient's language when sent. */
  messageKey: string;
  args?: Record<string, string | number>;
  /** Rows of buttons: label as a message id, payload as sent back. */
  buttons?: { labelKey: string; payload: string }[][];
  /** A picture stored in `media` (a notice's image, a payment proof, a chart), sent with the text. */
  imageId?: number;
  /** Urgent messages are sent during quiet hours too. */
  urgent?: boolean;
  /** Makes a repeated write a no-op (campaigns, retries of the causing action). */
  dedupeKey?: string;
  notBefore?: Date;
}

/** Which message ids are broadcasts (the features' `MessageHooks.broadcast`); everything else is a reply. */
export type IsBroadcast = (messageKey: string) => boolean;

/**
 * Broadcast jobs a platform's delivery queue may hold (waiting, delayed or running) before `feed` stops adding:
 * what the fastest platform sends in two minutes, so the queue never runs dry between two feeds (every 10 s).
 */
export function feedWindow(sendsPerSecond: number): number {
  return Math.ceil(sendsPerSecond * 120);
}

/** How far ahead of its time a HELD row is queued (the delivery worker waits out the rest itself). */
const FEED_LEAD_MS = 60_000;

export function createOutbox(
  db: Db,
  queues: Queues,
  isBroadcast: IsBroadcast = () => false,
  window = 3_600,
  now: () => Date = () => new Date(),
) {
  const direct = directStatements(db);
  if (!direct) throw new Error("the outbox needs a client made by createDb");

  /** Queues rows in their lanes: broadcasts prioritized behind replies. */
  async function enqueueByLane(rows: { id: bigint; platform: Platform; messageKey: string }[]) {
    const broadcasts = rows.filter((r) => isBroadcast(r.messageKey));
    const replies = rows.filter((r) => !isBroadcast(r.messageKey));
    if (replies.length) await enqueueDeliveries(queues, replies);
    if (broadcasts.length) await enqueueDeliveries(queues, broadcasts, { priority: BROADCAST_PRIORITY });
  }

  /** One row for one chat identity; returns its id, or null when the dedupe key was already used. */
  async function toIdentity(tx: Tx, identityId: number, message: OutgoingMessage): Promise<bigint | null> {
    const data = rowData(identityId, message, now());
    if (message.dedupeKey) {
      const rows = await tx.outboxMessage.createManyAndReturn({
        data: [data],
        skipDuplicates: true,
        select: { id: true },
      });
      return rows[0]?.id ?? null;
    }
    return (await tx.outboxMessage.create({ data, select: { id: true } })).id;
  }

  let feeding: Promise<number> | undefined;
  async function feedOnce(now: Date): Promise<number> {
    let fed = 0;
    for (const platform of Object.values(Platform)) {
      const queue = queues[deliveryQueueName(platform)];
      const counts = await queue.getJobCounts("waiting", "prioritized", "delayed", "active");
      const room = window - Object.values(counts).reduce((a, b) => a + b, 0);
      if (room <= 0) continue;
      const rows = await db.$queryRaw<{ id: bigint }[]>`
        WITH picked AS (
          SELECT o.id FROM outbox_messages o JOIN chat_identities ci ON ci.id = o.identity_id
          WHERE o.status = 'HELD' AND o.not_before <= ${new Date(now.getTime() + FEED_LEAD_MS)}
            AND ci.platform = ${platform}::"Platform"
          ORDER BY o.not_before LIMIT ${room}
          FOR UPDATE OF o SKIP LOCKED
        )
        UPDATE outbox_messages o SET status = 'QUEUED' FROM picked
        WHERE o.id = picked.id AND o.status = 'HELD' RETURNING o.id`;
      if (!rows.length) continue;
      rows.sort((a, b) => (a.id < b.id ? -1 : 1));
      for (let i = 0; i < rows.length; i += DISPATCH_CHUNK) {
        const chunk = rows.slice(i, i + DISPATCH_CHUNK).map((r) => ({ id: r.id, platform }));
        await enqueueDeliveries(queues, chunk, { priority: BROADCAST_PRIORITY });
      }
      fed += rows.length;
    }
    return fed;
  }

  return {
    toIdentity,

    /** One row per chat identity of the member that has not blocked the bot (a member may use several apps). */
    async toMember(tx: Tx, memberId: number, message: OutgoingMessage): Promise<bigint[]> {
      const identities = await tx.chatIdentity.findMany({ where: { memberId, blocked: false }, select: { id: true } });
      const ids: bigint[] = [];
      for (const identity of identities) {
        const id = await toIdentity(tx, identity.id, forIdentity(message, identity.id));
        if (id !== null) ids.push(id);
      }
      return ids;
    },

    /**
     * `toMember` for a batch of members (a reminder day's hundreds), in two statements whatever its size: their chats
     * in one read, every row in one INSERT that skips the dedupe keys already used. Needs no interactive transaction
     * (one INSERT is atomic), and so holds no connection while the batch is built; two round trips per member inside
     * one passed Prisma's 5 s transaction limit under load. Returns the ids of the rows written.
     */
    async toMembers(tx: Tx, messages: { memberId: number; message: OutgoingMessage }[]): Promise<bigint[]> {
      if (!messages.length) return [];
      const identities = await tx.chatIdentity.findMany({
        where: { memberId: { in: [...new Set(messages.map((m) => m.memberId))] }, blocked: false },
        select: { id: true, memberId: true },
        orderBy: { id: "asc" },
      });
      const chats = new Map<number, number[]>();
      for (const i of identities)
        if (i.memberId !== null) chats.set(i.memberId, [...(chats.get(i.memberId) ?? []), i.id]);
      const at = now();
      const data = messages.flatMap(({ memberId, message }) =>
        (chats.get(memberId) ?? []).map((id) => rowData(id, forIdentity(message, id), at)),
      );
      if (!data.length) return [];
      const rows = await tx.outboxMessage.createManyAndReturn({ data, skipDuplicates: true, select: { id: true } });
      return rows.map((r) => r.id);
    },

    /**
     * The person wrote again: rows that waited for that (an Official Account may write only within 48 hours of
     * the person's last message) go out now.
     */
    async wake(identity: { platform: Platform; externalUserId: string }) {
      const rows = await db.outboxMessage.updateManyAndReturn({
        where: { status: "WAITING", identity },
        data: { status: "QUEUED" },
        select: { id: true },
      });
      // Each row's last job finished ("waiting") and keeps its id: it has to go before the id can be queued again.
      const queue = queues[deliveryQueueName(identity.platform)];
      for (const row of rows) await queue.remove(outboxJobId(row.id));
      await enqueueDeliveries(
        queues,
        rows.map((r) => ({ id: r.id, platform: identity.platform })),
      );
      return rows.length;
    },

    /**
     * Queues rows already marked QUEUED whose platform is known (a broadcast's fan-out, a timer's batch): no
     * database round trip. They are broadcasts.
     */
    async enqueue(rows: { id: bigint; platform: Platform }[]) {
      for (let i = 0; i < rows.length; i += DISPATCH_CHUNK) {
        await enqueueDeliveries(queues, rows.slice(i, i + DISPATCH_CHUNK), { priority: BROADCAST_PRIORITY });
      }
    },

    /**
     * Tops up each platform's delivery queue with HELD rows, oldest first, up to `window` jobs held by the queue.
     * The rows move HELD → QUEUED and are queued in one breath; a crash in between leaves QUEUED rows without a
     * job, which the reconciler finds. Within a process a feed asked for while one runs joins it (two lanes of a
     * fan-out would both see room and fill the window twice); across processes two feeds take different rows
     * (SKIP LOCKED). Returns rows queued.
     */
    feed(now: Date): Promise<number> {
      feeding ??= feedOnce(now).finally(() => {
        feeding = undefined;
      });
      return feeding;
    },

    /** Queues rows again (the reconciler), each in its lane. */
    requeue: enqueueByLane,

    /**
     * After commit: queue the rows for delivery. Job id = row id, so queueing twice sends once. Straight through pg:
     * a transfer's every change ends here, and Prisma's read with the identity and its update were three
     * statements of its work (bench:chat).
     */
    async dispatch(ids: bigint[]) {
      for (let i = 0; i < ids.length; i += DISPATCH_CHUNK) {
        const chunk = ids.slice(i, i + DISPATCH_CHUNK);
        // Each platform has its own delivery queue (its own rate limit).
        const rows = await direct.query<{ id: bigint; platform: Platform; messageKey: string }>(DISPATCHED, [chunk]);
        await enqueueByLane(rows);
        await direct.query(QUEUED, [chunk]);
      }
    },
  };
}
export type Outbox = ReturnType<typeof createOutbox>;
