// One chat per platform per member: binding a new phone unlinks the old one (and tells it); /unbind asks first.
import { describe, expect, it } from "vitest";
import { chatAs } from "../../helpers/chat.ts";
import { createTestApp } from "../../helpers/test-app.ts";
import { auditOf, identityOf, memberByCode } from "./binding-helpers.ts";

const app = await createTestApp({ CHAT_RATE_PER_MINUTE: "1000" });

async function bindLiMing(chat: ReturnType<typeof chatAs>) {
  await chat.say("/bind 201901000001");
  await chat.say("李明");
  return chat.text("1234");
}

describe("rebinding and unbinding", () => {
  it("moves 李明 to his new Telegram account, unlinking and telling the old one, and leaves WeChat alone", async () => {
    const liMing = await memberByCode(app, "201901000001");
    const wechat = chatAs(app.core, "li-ming-wx", "wechat");
    const oldPhone = chatAs(app.core, "old-phone", "telegram");
    const newPhone = chatAs(app.core, "new-phone", "telegram");
    expect(await bindLiMing(wechat)).toContain("绑定成功");
    expect(await bindLiMing(oldPhone)).toContain("绑定成功");
    expect(await bindLiMing(newPhone)).toContain("绑定成功");

    const old = await identityOf(app, "old-phone");
    expect(old!.memberId).toBeNull();
    expect(old!.boundAt).toBeNull();
    expect((await identityOf(app, "new-phone"))!.memberId).toBe(liMing.id);
    expect((await identityOf(app, "li-ming-wx", "wechat"))!.memberId).toBe(liMing.id);

    const notices = await app.deps.db.outboxMessage.findMany({ where: { messageKey: "binding-revoked" } });
    expect(notices.map((n) => n.identityId)).toEqual([old!.id]);
    expect(notices[0]!.urgent).toBe(true);
    const last = (await auditOf(app, "binding.bound")).at(-1)!;
    expect(last.data).toMatchObject({ method: "details", revokedIdentityId: old!.id });

    // The old chat is a stranger again.
    expect(await oldPhone.text("/start")).toContain("第一次使用请先绑定");
  });

  it("tells a bound chat to unbind before binding someone else", async () => {
    const chat = chatAs(app.core, "new-phone", "telegram");
    expect(await chat.text("绑定")).toBe("这个聊天账号已绑定为 李明。如需绑定其他身份，请先发送 /unbind 解除绑定。");
    expect(await chat.text("/bind ABCD-EFGH")).toContain("请先发送 /unbind");
    expect(await chat.text("201801000002")).not.toContain("第 2 步");
  });

  it("unbinds after confirmation, and keeps the binding when told to", async () => {
    const liMing = await memberByCode(app, "201901000001");
    const chat = chatAs(app.core, "new-phone", "telegram");

    const [ask] = await chat.say("/unbind");
    expect(ask!.text).toContain("确定要解除 李明 与这个聊天账号的绑定吗");
    expect(ask!.buttons).toEqual([
      [
        { label: "解除绑定", payload: `unbind:${liMing.id}` },
        { label: "保留绑定", payload: "unbind:keep" },
      ],
    ]);
    expect(await chat.text("2")).toBe("好的，绑定保持不变。");
    expect((await identityOf(app, "new-phone"))!.memberId).toBe(liMing.id);

    // The question's buttons are still on offer (no newer choices replaced them): typing one's words answers it.
    expect(await chat.text("解除绑定")).toContain("已解除绑定");
    const identity = await identityOf(app, "new-phone");
    expect(identity!.memberId).toBeNull();
    const [audit] = await auditOf(app, "binding.unbound");
    expect(audit).toMatchObject({ actorId: liMing.id, targetType: "chat-identity", targetId: String(identity!.id) });

    // The old confirmation button does nothing now, and /unbind says there is nothing to unbind.
    expect(await chat.press(`unbind:${liMing.id}`).then((r) => r[0]!.text)).toBe("这个聊天账号没有绑定团员身份。");
    expect(await chat.text("/unbind")).toBe("这个聊天账号没有绑定团员身份。");
    expect(await auditOf(app, "binding.unbound")).toHaveLength(1);
  });

  it("does not let a forged confirmation unbind someone else's member id", async () => {
    const wechat = chatAs(app.core, "li-ming-wx", "wechat");
    expect((await wechat.press("unbind:999999"))[0]!.text).toBe("这个聊天账号没有绑定团员身份。");
    expect((await identityOf(app, "li-ming-wx", "wechat"))!.memberId).not.toBeNull();
  });

  it("understands unbind words in English too", async () => {
    const wechat = chatAs(app.core, "li-ming-wx", "wechat");
    expect(await wechat.text("unlink")).toContain("确定要解除 李明");
  });
});
