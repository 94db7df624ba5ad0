// A leader hands a member a one-time code; only members in the leader's own subtree, only once, only for 7 days.
import { describe, expect, it } from "vitest";
import { keyedHash } from "../../../bot/infra/keyed-hash.ts";
import { chatAs } from "../../helpers/chat.ts";
import { createTestApp } from "../../helpers/test-app.ts";
import { auditOf, boundInDb, identityOf, memberByCode } from "./binding-helpers.ts";

const app = await createTestApp({ CHAT_RATE_PER_MINUTE: "1000" });
const DAY = 24 * 60 * 60 * 1000;
const CODE = /\b([A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4})\b/;

function codeIn(text: string): string {
  const match = CODE.exec(text);
  if (!match) throw new Error(`no code in: ${text}`);
  return match[1]!;
}

const wangFang = await boundInDb(app, "wang-fang", "201801000002");
const leader = chatAs(app.core, "wang-fang", "telegram");

describe("one-time binding codes", () => {
  it("王芳 creates a code for 李明, shown once and stored only as a keyed hash; another chat binds with it once", async () => {
    const liMing = await memberByCode(app, "201901000001");
    const [reply] = await leader.say("/code 201901000001");
    expect(reply!.text).toContain("已为 李明（201901000001）生成绑定码");
    expect(reply!.text).toContain("7 天内有效，只能使用一次");
    const code = codeIn(reply!.text);

    const rows = await app.deps.db.bindingCode.findMany();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      memberId: liMing.id,
      createdById: wangFang.member.id,
      usedAt: null,
      codeHash: keyedHash(app.config.ID_HASH_SECRET, code.replace("-", "")),
    });
    expect(JSON.stringify(rows[0])).not.toContain(code.replace("-", ""));
    expect(rows[0]!.expiresAt.getTime() - app.clock.now.getTime()).toBe(7 * DAY);
    const [created] = await auditOf(app, "binding.code-created");
    expect(created).toMatchObject({ actorId: wangFang.member.id, targetType: "member", targetId: String(liMing.id) });
    expect(JSON.stringify(created!.data)).not.toContain(code.replace("-", ""));

    // 李明 types it in lower case without the dash; it works.
    const member = chatAs(app.core, "li-ming", "telegram");
    expect(await member.text(`/bind ${code.replace("-", "").toLowerCase()}`)).toContain("绑定成功！李明");
    expect((await identityOf(app, "li-ming"))!.memberId).toBe(liMing.id);
    expect((await app.deps.db.bindingCode.findFirstOrThrow()).usedAt).toEqual(app.clock.now);
    const [bound] = await auditOf(app, "binding.bound");
    expect(bound!.data).toMatchObject({ method: "code", codeId: rows[0]!.id });

    // The same code a second time is refused, and counts as a failure.
    const second = chatAs(app.core, "someone-else", "telegram");
    expect(await second.text(`/bind ${code}`)).toContain("这个绑定码已经使用过了");
    expect((await identityOf(app, "someone-else"))!.memberId).toBeNull();
    expect(await auditOf(app, "binding.failed")).toHaveLength(1);
  });

  it("refuses an expired code given through the 'I have a code' button", async () => {
    // 黄丽 is in 王芳's branch too.
    await leader.say("/code");
    const code = codeIn(await leader.text("202201000007"));
    app.clock.advance(7 * DAY + 60_000);

    const member = chatAs(app.core, "huang-li-phone", "telegram");
    const [ask] = await member.say("/bind");
    expect(ask!.buttons?.flat().map((b) => b.payload)).toContain("bind:code");
    expect(await member.text("我有绑定码")).toContain("8 位绑定码");
    expect(await member.text(code)).toContain("这个绑定码已过期");
    expect((await identityOf(app, "huang-li-phone"))!.memberId).toBeNull();
    // Still waiting for a code: a malformed one is explained, a wrong one counted.
    expect(await member.text("ABC")).toContain("绑定码是 8 位字母和数字");
    expect(await member.text("ZZZZ-ZZZZ")).toContain("这个绑定码无效");
    expect(await member.text("ZZZZ-ZZZY")).toContain("还可以再试 2 次");
  });

  it("refuses 孙静 a code for 李明, who is outside her branch, storing nothing but the audit entry", async () => {
    const sunJing = await boundInDb(app, "sun-jing", "201901000009");
    const before = await app.deps.db.bindingCode.count();
    const reply = await chatAs(app.core, "sun-jing", "telegram").text("/code 201901000001");
    expect(reply).toContain("在你负责的组织里找不到编号为 201901000001 的团员");
    expect(reply).not.toMatch(CODE);
    expect(await app.deps.db.bindingCode.count()).toBe(before);
    const denied = (await auditOf(app, "binding.code-denied")).filter((a) => a.actorId === sunJing.member.id);
    expect(denied).toHaveLength(1);
    expect(denied[0]!.data).toEqual({ reason: "out-of-scope" });
  });

  it("refuses 王芳 a code for her own 编号, typed or through the dialog, storing nothing but the audit entry", async () => {
    const before = await app.deps.db.bindingCode.count();
    const refusal =
      "不能为自己生成绑定码，未生成。要在另一个聊天应用里使用团助，请在那里发送 /bind，按提示核对你的身份信息。";
    expect(await leader.text("/code 201801000002")).toBe(refusal);
    await leader.say("/code");
    // With spaces, as people copy it; and a second try.
    expect(await leader.text("2018 0100 0002")).toBe(refusal);
    expect(await leader.text("/code 201801000002")).toBe(refusal);
    expect(await app.deps.db.bindingCode.count()).toBe(before);
    const denied = (await auditOf(app, "binding.code-denied")).filter((a) => a.actorId === wangFang.member.id);
    expect(denied.map((a) => a.data)).toEqual(Array(3).fill({ reason: "own-record" }));
    expect(denied[0]).toMatchObject({ targetType: "member", targetId: String(wangFang.member.id) });
  });

  it("lets committee staff issue codes across their subtree", async () => {
    await boundInDb(app, "chen-gang", "201701000003");
    // 陈刚 is staff at 华南理工大学团委, above 李明's branch.
    expect(await chatAs(app.core, "chen-gang", "telegram").text("/code 201901000001")).toMatch(CODE);
  });

  it("refuses members who lead nothing, and treasurers, with or without a 编号", async () => {
    const zhangWei = (await boundInDb(app, "zhang-wei", "201801000004")).member.id;
    const plain = chatAs(app.core, "zhang-wei", "telegram");
    const treasurer = (await boundInDb(app, "huang-li", "202201000007")).member;
    const before = await app.deps.db.bindingCode.count();

    expect(await plain.text("/code")).toContain("只有团支书、团委工作人员或管理员可以生成绑定码");
    expect(await plain.text("201901000001")).not.toMatch(CODE);
    expect(await chatAs(app.core, "huang-li", "telegram").text("/code 201901000001")).toContain("只有团支书");
    expect(await app.deps.db.bindingCode.count()).toBe(before);
    const denied = await auditOf(app, "binding.code-denied");
    expect(denied.filter((a) => a.actorId === zhangWei).map((a) => a.data)).toEqual([{ reason: "not-leader" }]);
    expect(denied.filter((a) => a.actorId === treasurer.id).map((a) => a.data)).toEqual([{ reason: "not-leader" }]);
  });

  it("explains a malformed 编号 to a leader and keeps asking", async () => {
    await leader.say("/code");
    expect(await leader.text("李明")).toContain("发展团员编号应为 12 位数字");
    expect(await leader.text("201901000001")).toMatch(CODE);
  });
});
