// Images of outbox rows, kept in memory for a while: a notice to ten thousand members sends the same picture ten
// thousand times, and it should be read from PostgreSQL once, not per copy. Bounded by entries and by bytes;
// the least recently used go first.
import type { Db } from "../../bot/infra/db.ts";

export interface ImageCacheOptions {
  maxEntries?: number;
  maxBytes?: number;
}

export type ImageCache = ReturnType<typeof createImageCache>;

export function createImageCache(db: Db, { maxEntries = 16, maxBytes = 32 * 1024 * 1024 }: ImageCacheOptions = {}) {
  // Promises, so copies rendered at the same moment share one read.
  const entries = new Map<number, { bytes: Promise<Uint8Array | null>; size: number }>();
  let total = 0;
  let reads = 0;

  function evict() {
    for (const [id, entry] of entries) {
      if (entries.size <= maxEntries && total <= maxBytes) return;
      entries.delete(id);
      total -= entry.size;
    }
  }

  return {
    /** The bytes of a stored image, or null when there is no such image. */
    get(id: number): Promise<Uint8Array | null> {
      const hit = entries.get(id);
      if (hit) {
        entries.delete(id);
        entries.set(id, hit);
        return hit.bytes;
      }
      reads++;
      const entry = { bytes: Promise.resolve(null as Uint8Array | null), size: 0 };
      entry.bytes = db.media.findUnique({ where: { id }, select: { bytes: true } }).then(
        (media) => {
          // Not found is not cached: the row may be written yet (it never is deleted while referenced).
          if (!media) entries.delete(id);
          else if (entries.get(id) === entry) {
            entry.size = media.bytes.length;
            total += entry.size;
            evict();
          }
          return media?.bytes ?? null;
        },
        (error: unknown) => {
          if (entries.get(id) === entry) entries.delete(id);
          throw error;
        },
      );
      entries.set(id, entry);
      evict();
      return entry.bytes;
    },
    /** Database reads so far (for tests and metrics). */
    get reads() {
      return reads;
    },
    get size() {
      return { entries: entries.size, bytes: total };
    },
  };
}
