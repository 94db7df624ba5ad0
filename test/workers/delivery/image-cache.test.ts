// A notice's picture is read from the database once, not once per recipient, and the cache stays bounded.
import { describe, expect, it } from "vitest";
import { storeImage } from "../../../bot/core/images.ts";
import { createImageCache } from "../../../workers/delivery/image-cache.ts";
import { createTestApp } from "../../helpers/test-app.ts";

const app = await createTestApp();
const { db } = app.deps;
const png = (n: number) => Buffer.concat([Buffer.from("89504e470d0a1a0a", "hex"), Buffer.alloc(1000, n)]);

describe("the delivery worker's image cache", () => {
  it("reads each image once for many copies sent at the same time", async () => {
    const id = await storeImage(db, png(1), "image/png");
    const cache = createImageCache(db);
    const copies = await Promise.all(Array.from({ length: 50 }, () => cache.get(id)));
    expect(copies.every((c) => Buffer.from(c!).equals(png(1)))).toBe(true);
    expect(cache.reads).toBe(1);
    expect(await cache.get(999_999)).toBeNull();
  });

  it("keeps at most its bound, dropping the least recently used", async () => {
    const ids = [];
    for (let n = 10; n < 14; n++) ids.push(await storeImage(db, png(n), "image/png"));
    const cache = createImageCache(db, { maxEntries: 2 });
    await cache.get(ids[0]!);
    await cache.get(ids[1]!);
    await cache.get(ids[0]!); // ids[0] is now the most recent
    await cache.get(ids[2]!); // drops ids[1]
    expect(cache.size.entries).toBe(2);
    const reads = cache.reads;
    await cache.get(ids[0]!);
    expect(cache.reads).toBe(reads);
    await cache.get(ids[1]!);
    expect(cache.reads).toBe(reads + 1);

    const small = createImageCache(db, { maxBytes: 2500 });
    for (const id of ids) await small.get(id);
    expect(small.size.bytes).toBeLessThanOrEqual(2500);
  });
});
