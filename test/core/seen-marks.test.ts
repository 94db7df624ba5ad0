// When a person was last seen is written behind, in one statement for many people; where to write to them is not.
import { describe, expect, it, vi } from "vitest";
import { createSeenMarks } from "../../bot/core/seen-marks.ts";
import { chatAs } from "../helpers/chat.ts";
import { createTestApp } from "../helpers/test-app.ts";

const app = await createTestApp();
const M = 60_000;
const seenAt = async (externalUserId: string) =>
  (await app.deps.db.chatIdentity.findFirstOrThrow({ where: { externalUserId } })).lastSeenAt;

describe("seen marks", () => {
  it("writes a returning person's visit after the answer, within a second, without being asked", async () => {
    const start = app.clock.now;
    const person = chatAs(app.core, "tg-seen-back", "telegram");
    await person.say("/help");
    expect(await seenAt("tg-seen-back")).toEqual(start);

    app.clock.advance(5 * M);
    const back = app.clock.now;
    expect((await person.say("你好"))[0]!.text.length).toBeGreaterThan(0);
    expect(await seenAt("tg-seen-back")).toEqual(start);
    await vi.waitFor(async () => expect(await seenAt("tg-seen-back")).toEqual(back), { timeout: 3_000 });

    // Within the minute nothing more is marked.
    app.clock.advance(10_000);
    await person.say("谢谢");
    await app.deps.seen.flush();
    expect(await seenAt("tg-seen-back")).toEqual(back);
  });

  it("writes a new private chat, or a chat that unblocked the bot, at once", async () => {
    const person = chatAs(app.core, "tg-seen-moved", "telegram");
    await person.say("/help");
    await app.deps.db.chatIdentity.updateMany({ where: { externalUserId: "tg-seen-moved" }, data: { blocked: true } });
    app.clock.advance(2 * M);
    const now = app.clock.now;
    await person.say("/help");
    const row = await app.deps.db.chatIdentity.findFirstOrThrow({ where: { externalUserId: "tg-seen-moved" } });
    expect(row).toMatchObject({ blocked: false, lastSeenAt: now });
  });

  it("keeps the later of two marks, never moves a row back, and writes a full batch at once", async () => {
    const seen = createSeenMarks(app.deps.db, app.deps.logger, { batchMax: 3, flushMs: 60_000 });
    const made = await Promise.all(
      ["a", "b", "c"].map((x) =>
        app.deps.db.chatIdentity.create({
          data: {
            platform: "TELEGRAM",
            externalUserId: `tg-seen-${x}`,
            chatId: `tg-seen-${x}`,
            lastSeenAt: app.clock.now,
          },
        }),
      ),
    );
    const [a, b, c] = made.map((m) => m.id) as [number, number, number];
    const t = app.clock.now.getTime();
    seen.mark(a, new Date(t + 2 * M));
    seen.mark(a, new Date(t + M));
    seen.mark(b, new Date(t - M));
    expect(await seenAt("tg-seen-a")).toEqual(app.clock.now);
    seen.mark(c, new Date(t + 3 * M));
    await vi.waitFor(async () => expect(await seenAt("tg-seen-c")).toEqual(new Date(t + 3 * M)));
    expect(await seenAt("tg-seen-a")).toEqual(new Date(t + 2 * M));
    expect(await seenAt("tg-seen-b")).toEqual(app.clock.now);
  });

  it("drops a batch the database refused with a warning, and keeps marking", async () => {
    const warn = vi.spyOn(app.deps.logger, "warn").mockImplementation(() => undefined);
    const seen = createSeenMarks(app.deps.db, app.deps.logger, { flushMs: 60_000 });
    seen.mark(2 ** 31, app.clock.now); // beyond an int column
    await seen.flush();
    expect(warn).toHaveBeenCalledWith(expect.objectContaining({ marks: 1 }), "seen marks not written");
    warn.mockRestore();
    const row = await app.deps.db.chatIdentity.findFirstOrThrow({ where: { externalUserId: "tg-seen-back" } });
    const later = new Date(row.lastSeenAt.getTime() + 9 * M);
    seen.mark(row.id, later);
    await seen.flush();
    expect(await seenAt("tg-seen-back")).toEqual(later);
  });
});
