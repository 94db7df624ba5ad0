// The same picture stored by several writers at once (two committees' identical weekly charts drawn by two workers
// at the same moment) is one `media` row that they all share, never a unique-key error for the one that lost.
import { afterAll, describe, expect, it } from "vitest";
import { storeImage } from "../../bot/core/images.ts";
import { createDb } from "../../bot/infra/db.ts";
import { createTestApp } from "../helpers/test-app.ts";

const app = await createTestApp();
const { db } = app.deps;
// A second process's connection pool: the workers of a scaled-out deployment.
const other = createDb(app.config.DATABASE_URL, 4);
afterAll(() => other.$disconnect());

const chart = (n: number) => Buffer.concat([Buffer.from("89504e470d0a1a0a", "hex"), Buffer.alloc(2000, n)]);

describe("storing an image by its content", () => {
  it("gives every concurrent writer of the same bytes the one row", async () => {
    for (let round = 0; round < 10; round++) {
      const bytes = chart(round);
      const ids = await Promise.all(
        Array.from({ length: 8 }, (_, i) => storeImage(i % 2 ? other : db, bytes, "image/png")),
      );
      expect(new Set(ids).size).toBe(1);
      const rows = await db.media.findMany({ where: { id: ids[0] }, select: { size: true, mime: true } });
      expect(rows).toEqual([{ size: bytes.length, mime: "image/png" }]);
    }
    expect(await db.media.count({ where: { size: 2008 } })).toBe(10);
  });

  it("stores different bytes as different rows and the same bytes later as the same row", async () => {
    const a = await storeImage(db, chart(100), "image/png");
    const b = await storeImage(db, chart(101), "image/png");
    expect(a).not.toBe(b);
    expect(await storeImage(other, chart(100), "image/png")).toBe(a);
  });
});
