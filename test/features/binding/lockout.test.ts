// Five failures within an hour lock binding for the chat and for the member; the member's 团支书 is told.
import { describe, expect, it } from "vitest";
import { chatAs } from "../../helpers/chat.ts";
import { createTestApp } from "../../helpers/test-app.ts";
import { auditOf, boundInDb, identityOf, memberByCode } from "./binding-helpers.ts";

// Each attempt is four messages: lift the flood control so twenty of them in a row are not slowed down.
const app = await createTestApp({ CHAT_RATE_PER_MINUTE: "1000" });
const HOUR = 60 * 60 * 1000;

async function tryDetails(chat: ReturnType<typeof chatAs>, answers: [string, string, string]) {
  await chat.say("/bind");
  await chat.say(answers[0]);
  await chat.say(answers[1]);
  return chat.text(answers[2]);
}

describe("lockout after five failures", () => {
  it("locks the chat and 李明, tells 王芳 without the ID number, and lifts after an hour", async () => {
    const { identity: wangFang } = await boundInDb(app, "wang-fang", "201801000002");
    const liMing = await memberByCode(app, "201901000001");
    const attacker = chatAs(app.core, "attacker-1", "telegram");

    const replies: string[] = [];
    for (const guess of ["0000", "1111", "2222", "3333", "4444"]) {
      replies.push(await tryDetails(attacker, ["201901000001", "李明", guess]));
    }
    expect(replies.slice(0, 4).map((r) => /还可以再试 (\d) 次/.exec(r)?.[1])).toEqual(["4", "3", "2", "1"]);
    expect(replies[3]).toContain("之后将暂停绑定 1 小时");
    expect(replies[4]).toContain("尝试次数过多");
    expect(replies[4]).toContain("60 分钟后");

    // While locked, nothing is asked or checked: not even the right answers from this chat.
    expect(await attacker.text("/bind")).toContain("尝试次数过多");
    expect(await attacker.text("绑定")).toContain("尝试次数过多");
    expect(await attacker.text("1234")).not.toContain("绑定成功");
    expect(await app.deps.db.chatIdentity.count({ where: { memberId: liMing.id } })).toBe(0);

    // Another chat trying 李明 is stopped at the 编号, before any further guess.
    const other = chatAs(app.core, "attacker-2", "wechat");
    await other.say("/bind");
    expect(await other.text("201901000001")).toContain("尝试次数过多");
    expect(await other.text("李明")).not.toContain("第 3 步");
    // ...but that chat may still bind someone else.
    expect(await tryDetails(other, ["201801000004", "张伟", "4411"])).toContain("绑定成功！张伟");

    // 王芳, 李明's 团支书, gets one alert through the outbox, naming him but not his ID number.
    const alerts = await app.deps.db.outboxMessage.findMany({ where: { messageKey: "binding-lock-alert" } });
    expect(alerts).toHaveLength(1);
    expect(alerts[0]!.identityId).toBe(wangFang.id);
    expect(alerts[0]!.status).toBe("QUEUED");
    expect(alerts[0]!.args).toEqual({ name: "李明", code: "2019****0001", minutes: 60 });
    expect(JSON.stringify(alerts[0]!.args)).not.toMatch(/440106|1234/);

    const locks = await auditOf(app, "binding.locked");
    expect(locks.map((l) => l.targetType).sort()).toEqual(["chat-identity", "member"]);
    const memberLock = locks.find((l) => l.targetType === "member")!;
    expect(memberLock.targetId).toBe(String(liMing.id));
    expect(memberLock.data).toMatchObject({ scope: "member", alerted: [wangFang.memberId] });

    // The locks live in Redis with a TTL of at most an hour, so they lift by themselves.
    const prefix = app.config.REDIS_PREFIX;
    const attackerIdentity = await identityOf(app, "attacker-1");
    for (const key of [
      `${prefix}:bind-lock:member:${liMing.id}`,
      `${prefix}:bind-lock:identity:${attackerIdentity!.id}`,
    ]) {
      const ttl = await app.deps.redis.pttl(key);
      expect(ttl, key).toBeGreaterThan(0);
      expect(ttl, key).toBeLessThanOrEqual(HOUR);
    }

    // An hour later the real 李明 binds, and the attacker's chat may try again with a fresh count.
    app.clock.advance(HOUR + 60_000);
    const real = chatAs(app.core, "li-ming", "telegram");
    expect(await tryDetails(real, ["201901000001", "李明", "1234"])).toContain("绑定成功！李明");
    expect(await tryDetails(attacker, ["201801000010", "吴昊", "9999"])).toContain("还可以再试 4 次");
  });

  it("locks a chat that guesses five different 编号s, without telling anyone", async () => {
    const chat = chatAs(app.core, "scanner", "telegram");
    const outboxBefore = await app.deps.db.outboxMessage.count();
    const replies: string[] = [];
    for (let i = 0; i < 5; i++) replies.push(await tryDetails(chat, [`20990100000${i}`, "李明", "1234"]));
    expect(replies[4]).toContain("尝试次数过多");
    expect(await chat.text("/bind")).toContain("尝试次数过多");
    expect(await app.deps.db.outboxMessage.count()).toBe(outboxBefore);
  });

  it("lifts a lock when its Redis key expires", async () => {
    const chat = chatAs(app.core, "impatient", "telegram");
    for (let i = 0; i < 5; i++) await tryDetails(chat, ["201801000004", "张伟", "0000"]);
    expect(await chat.text("/bind")).toContain("尝试次数过多");
    const identity = await identityOf(app, "impatient");
    await app.deps.redis.del(`${app.config.REDIS_PREFIX}:bind-lock:identity:${identity!.id}`);
    expect(await chat.text("/bind")).toContain("第 1 步");
  });
});
