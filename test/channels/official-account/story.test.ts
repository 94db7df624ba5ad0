// A member on the Official Account: follows it, binds, asks, uses the menu, leaves; and hears from the bot on its
// own — inside WeChat's 48-hour window as customer-service messages, outside it when they next write.
import { afterAll, describe, expect, it } from "vitest";
import { createOaApi } from "../../../bot/channels/official-account/api.ts";
import { createActivity } from "../../../bot/features/activities/activity-service.ts";
import { createNotice, progress } from "../../../bot/features/notices/notice-service.ts";
import { type RunningWorkers, startWorkers } from "../../../workers/start-workers.ts";
import { OA } from "../../helpers/fake-official-account.ts";
import { createTestApp } from "../../helpers/test-app.ts";
import { until } from "../../workers/fake-sender.ts";
import { startOfficialAccount } from "./start-official-account.ts";

const app = await createTestApp();
const { fake, person, channel, config } = await startOfficialAccount(app, {
  config: { WECHAT_OA_TEMPLATE_ID: "TPL-NEW-MESSAGE", WECHAT_OA_TEMPLATE_FIELD: "thing2" },
});
const workerApp = { ...app.deps, config };
const workers: RunningWorkers = await startWorkers(workerApp, new Map([["wechat_oa", channel.sender]]));
afterAll(() => workers.close());
const db = app.deps.db;

async function identity(openId: string) {
  return db.chatIdentity.findUniqueOrThrow({
    where: { platform_externalUserId: { platform: "WECHAT_OA", externalUserId: openId } },
  });
}

/** A proactive message (the welcome-back line, with `name` standing for its content). */
async function tell(openId: string, name: string) {
  const { id } = await identity(openId);
  const rowId = (await app.deps.outbox.toIdentity(db, id, { messageKey: "start-welcome-back", args: { name } }))!;
  await app.deps.outbox.dispatch([rowId]);
  return rowId;
}

describe("a member on the Official Account", () => {
  it("follows, binds with 编号, name and ID digits, and asks for status in plain words", async () => {
    const li = person("o-liming");
    expect((await li.event("subscribe")).passive).toContain("团助");
    const answers: string[] = [];
    for (const text of ["/bind", "201901000001", "李明", "1234", "查一下我的团籍"])
      answers.push((await li.say(text)).passive ?? "");
    expect(answers[0]).toContain("第 1 步：请发送你的发展团员编号");
    expect(answers[4]).toContain("计科2022级1班团支部");
    expect(answers[4]).toContain("2019****0001");
    const member = await db.member.findUniqueOrThrow({
      where: { code: "201901000001" },
      include: { identities: true },
    });
    expect(member.identities.map((i) => i.platform)).toContain("WECHAT_OA");
  });

  it("answers a menu click as its button and a numbered choice typed after it", async () => {
    const li = person("o-liming");
    const status = await li.event("CLICK", "go:membership.status");
    expect(status.passive).toContain("李明 的团籍信息");
    expect(status.passive).toMatch(/\n1\. /);
    const pressed = await li.say("1");
    expect(pressed.passive).toContain("团费");
  });

  it("binds by scanning a leader's code, and stops writing to someone who unfollows", async () => {
    const sun = person("o-sunjing");
    await sun.event("subscribe");
    for (const text of ["/bind", "201901000009", "孙静", "7783"]) await sun.say(text);
    const code = (await sun.say("/code 201801000004")).passive ?? "";
    const oneTime = /[A-Z0-9]{4}-[A-Z0-9]{4}/.exec(code)?.[0];
    expect(oneTime).toBeTruthy();
    const zhang = person("o-zhangwei");
    const scanned = await zhang.event("subscribe", `qrscene_bind_${oneTime}`);
    expect(scanned.passive).toContain("张伟");
    await zhang.event("unsubscribe");
    expect((await identity("o-zhangwei")).blocked).toBe(true);
  });
});

describe("league business on the Official Account", () => {
  it("applies for a transfer by typing the numbers of the choices", async () => {
    const li = person("o-liming");
    expect((await li.say("我毕业了想转团关系")).passive).toContain("3. 就业（单位无团组织）");
    expect((await li.say("3")).passive).toContain("乡镇/街道");
    expect((await li.say("石牌")).passive).toContain("1. 石牌街道团工委");
    expect((await li.say("1")).passive).toContain("请确认转接申请");
    await li.say("1");
    const member = await db.member.findUniqueOrThrow({ where: { code: "201901000001" } });
    const transfer = await db.transferRequest.findFirstOrThrow({ where: { memberId: member.id } });
    expect(transfer.status).toBe("IN_PROGRESS");
    // Cancelled again (a click carries a button payload), so the rest of the file has no transfer under way.
    await li.event("CLICK", `tr-cancel:${transfer.id}`);
    await li.event("CLICK", `tr-cancel-yes:${transfer.id}`);
    expect((await db.transferRequest.findUniqueOrThrow({ where: { id: transfer.id } })).status).toBe("CANCELLED");
  });

  it("hears of an activity, signs up with 1, and confirms a committee notice with 1", async () => {
    const li = person("o-liming");
    const branch = await db.organisation.findUniqueOrThrow({ where: { code: "GD-GZ-SCUT-CS-2201" } });
    const secretary = await db.member.findUniqueOrThrow({ where: { code: "201801000002" } });
    const created = await createActivity(
      app.deps,
      { memberId: secretary.id },
      {
        orgId: branch.id,
        childIds: [],
        title: "支部团日：参观博物馆",
        place: "广东省博物馆",
        startsAt: new Date(app.clock.now.getTime() + 5 * 24 * 3600_000),
        capacity: 20,
      },
    );
    if (!created.ok) throw new Error(created.problem);
    const announced = await until(() => fake.textsTo("o-liming").find((t) => t.includes("参观博物馆")));
    expect(announced).toContain("1. 报名");
    expect((await li.say("1")).passive).toContain("报名成功！【支部团日：参观博物馆】");

    const notice = await createNotice(
      app.deps,
      secretary.id,
      { orgId: branch.id, childIds: [] },
      "周五下午三点团日活动。",
    );
    const delivered = await until(() => fake.textsTo("o-liming").find((t) => t.includes("周五下午三点团日活动")));
    expect(delivered).toContain("1. 收到");
    expect((await li.say("1")).passive).toBe("已确认收到，谢谢！");
    const member = await db.member.findUniqueOrThrow({ where: { code: "201901000001" } });
    const delivery = await db.noticeDelivery.findUniqueOrThrow({
      where: { noticeId_memberId: { noticeId: notice.id, memberId: member.id } },
    });
    expect(delivery.status).toBe("READ");
  });
});

describe("messages the bot sends on its own", () => {
  it("go as customer-service messages inside the 48-hour window", async () => {
    const id = await tell("o-liming", "周五下午团日活动");
    await until(async () => (await db.outboxMessage.findUniqueOrThrow({ where: { id } })).status === "SENT");
    expect(fake.textsTo("o-liming").at(-1)).toContain("周五下午团日活动");
  });

  it("outside it: wait for the member (shown in the notice's progress), ring once, and go when they write", async () => {
    fake.refuse("o-liming", { errcode: 45015, errmsg: "response out of time limit or subscription is canceled" });
    const branch = await db.organisation.findUniqueOrThrow({ where: { code: "GD-GZ-SCUT-CS-2201" } });
    const secretary = await db.member.findUniqueOrThrow({ where: { code: "201801000002" } });
    const notice = await createNotice(
      app.deps,
      secretary.id,
      { orgId: branch.id, childIds: [] },
      "第一条通知：团费收缴",
    );
    const second = await tell("o-liming", "第二条");
    const status = async (rowId: bigint) => (await db.outboxMessage.findUniqueOrThrow({ where: { id: rowId } })).status;
    await until(async () => (await status(second)) === "WAITING");
    await until(async () => (await progress(db, notice.id))[0]?.waiting === 1);
    const row = (await progress(db, notice.id))[0]!;
    expect(app.deps.i18n.t("zh-CN", "notices-progress-row", { ...row })).toContain("等成员发消息后送达 1");
    const templates = fake.sent.filter((s) => s.touser === "o-liming" && s.kind === "template");
    expect(templates).toHaveLength(1);

    fake.refuse("o-liming", undefined);
    const before = fake.textsTo("o-liming").length;
    await person("o-liming").say("在吗");
    await until(async () => (await status(second)) === "SENT" && (await progress(db, notice.id))[0]?.delivered === 1);
    const texts = fake.textsTo("o-liming").slice(before);
    expect(texts.some((t) => t.includes("第一条通知：团费收缴"))).toBe(true);
    expect(texts.some((t) => t.includes("第二条，欢迎回来"))).toBe(true);
  });

  it("marks someone WeChat says no longer follows the account as blocked", async () => {
    fake.refuse("o-sunjing", { errcode: 43004, errmsg: "require subscribe" });
    const id = await tell("o-sunjing", "提醒");
    await until(async () => (await db.outboxMessage.findUniqueOrThrow({ where: { id } })).status === "BLOCKED");
    expect((await identity("o-sunjing")).blocked).toBe(true);
  });
});

describe("the access token", () => {
  it("is fetched once for every process, and refreshed once when WeChat stops accepting it", async () => {
    const processes = Array.from({ length: 4 }, () =>
      createOaApi({
        root: fake.apiRoot,
        appId: OA.appId,
        secret: OA.secret,
        redis: app.deps.redis,
        prefix: `${config.REDIS_PREFIX}-tok`,
      }),
    );
    const before = fake.tokenRequests.length;
    const tokens = await Promise.all(processes.map((p) => p.accessToken()));
    expect(new Set(tokens).size).toBe(1);
    expect(fake.tokenRequests.length - before).toBe(1);

    fake.expireTokens();
    await Promise.all(
      processes.map((p) => p.sendCustom("o-liming", { msgtype: "text", text: { content: "令牌测试" } })),
    );
    expect(fake.tokenRequests.slice(before + 1)).toEqual([{ force: true }]);
    expect(fake.textsTo("o-liming").filter((t) => t === "令牌测试")).toHaveLength(4);
  });
});
