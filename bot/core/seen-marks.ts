// When each chat identity was last seen, written behind. Nothing decides anything on `lastSeenAt` more precisely
// than SEEN_REFRESH_MS, yet a person's first message in a minute used to write it: one UPDATE (and one commit) per
// message in bench:chat, where most messages come from someone new. Marks are gathered here and written together,
// at most a second later, in one statement; a mark lost with a crashed process only leaves `lastSeenAt` a little older.
import type { Db } from "../infra/db.ts";
import type { Logger } from "../infra/logger.ts";

export interface SeenMarks {
  /** `identityId` was seen at `at` (the later mark wins; the row never goes back in time). */
  mark(identityId: number, at: Date): void;
  /** Writes what is gathered now (also on close). */
  flush(): Promise<void>;
}

export const SEEN_FLUSH_MS = 1_000;
/** A batch this large is written at once, so one statement stays small. */
export const SEEN_BATCH_MAX = 2_000;

export function createSeenMarks(
  db: Db,
  logger: Logger,
  { flushMs = SEEN_FLUSH_MS, batchMax = SEEN_BATCH_MAX } = {},
): SeenMarks {
  let pending = new Map<number, Date>();
  let timer: NodeJS.Timeout | undefined;
  let writing: Promise<void> = Promise.resolve();

  const write = async (marks: Map<number, Date>) => {
    const ids = [...marks.keys()];
    const times = ids.map((id) => marks.get(id)!.toISOString());
    // `timestamp(3)` columns hold UTC without a zone, as Prisma writes them.
    await db.$executeRaw`
      UPDATE chat_identities c SET last_seen_at = v.at::timestamptz AT TIME ZONE 'UTC'
      FROM unnest(${ids}::int[], ${times}::text[]) AS v(id, at)
      WHERE c.id = v.id AND c.last_seen_at < v.at::timestamptz AT TIME ZONE 'UTC'`;
  };

  const flush = () => {
    if (timer) clearTimeout(timer);
    timer = undefined;
    if (pending.size === 0) return writing;
    const marks = pending;
    pending = new Map();
    // One write at a time, in order; a failed write is logged and dropped (the next message marks again).
    writing = writing.then(() =>
      write(marks).catch((err: unknown) => logger.warn({ err, marks: marks.size }, "seen marks not written")),
    );
    return writing;
  };

  return {
    mark(identityId, at) {
      const known = pending.get(identityId);
      if (!known || known < at) pending.set(identityId, at);
      if (pending.size >= batchMax) void flush();
      else timer ??= setTimeout(() => void flush(), flushMs).unref();
    },
    flush,
  };
}
