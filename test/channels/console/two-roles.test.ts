// Two consoles playing two roles, as the README tells a newcomer: 王芳 (团支书) records cash dues for 李明 (never
// for herself: another leader records hers); each console prints what the bot sent its member on its own, marked
// {"proactive": true}, so a script can follow the whole story — 李明's message waits for his console to open.
import { afterAll, describe, expect, it } from "vitest";
import { consoleJsonl, dropRedisPrefix } from "../../helpers/run-script.ts";
import { cloneTemplate, uniquePrefix } from "../../helpers/test-db.ts";

const db = await cloneTemplate();
// One deployment: both consoles share the database and the Redis prefix. Quiet hours off, so what the bot sends
// goes out now whatever the hour the test runs at.
const env = { REDIS_PREFIX: uniquePrefix(), QUIET_HOURS_START: "00:00", QUIET_HOURS_END: "00:00" };
afterAll(async () => {
  await dropRedisPrefix(env.REDIS_PREFIX);
  await db.drop();
});

describe("two consoles, two roles", () => {
  it("shows each member the messages the bot sent them on its own", async () => {
    // 李明 opens his console once (his console chat exists from now on) and is told nothing unprompted.
    const first = await consoleJsonl(db.url, ["/start"], [], env);
    expect(first.filter((l) => l.proactive)).toEqual([]);

    // 王芳 records a month for 李明; nothing is sent to her own console.
    const wang = await consoleJsonl(
      db.url,
      ["/duescash", JSON.stringify({ text: "201901000001 1" }), '{"button":"dl-cash:yes"}'],
      ["--as", "201801000002"],
      env,
    );
    const replies = wang.filter((l) => !l.proactive);
    expect(replies.every((r) => r.intent === "duesleaders.cash")).toBe(true);
    expect(replies.at(-1)!.text).toMatch(/^已登记 1 人的现金团费/);
    expect(wang.filter((l) => l.proactive)).toEqual([]);

    // 李明's console, opened later, prints his message first, then answers.
    const later = await consoleJsonl(db.url, ["/dues"], [], env);
    expect(later[0]).toMatchObject({ proactive: true });
    expect(later[0]!.text).toMatch(/^【团费】王芳 已为你登记现金团费 1 个月/);
    expect(later[1]!.intent).toBe("dues.status");
    expect(later.filter((l) => l.proactive)).toHaveLength(1);
  }, 120_000);
});
