// On WeChat the notice's "收到" button is a numbered choice: the member confirms by replying "1".
import { afterAll, describe, expect, it } from "vitest";
import { createNotice } from "../../../bot/features/notices/notice-service.ts";
import { type RunningWorkers, startWorkers } from "../../../workers/start-workers.ts";
import { chatAs } from "../../helpers/chat.ts";
import { createTestApp } from "../../helpers/test-app.ts";
import { createFakeSender, until } from "../../workers/fake-sender.ts";

// No quiet hours, so the test runs at any time of day.
const app = await createTestApp({
  QUIET_HOURS_START: "00:00",
  QUIET_HOURS_END: "00:00",
  WECHAT_SEND_INTERVAL_MS: "500",
});
const { db } = app.deps;
const wechat = createFakeSender("wechat");
let workers: RunningWorkers | undefined;
afterAll(async () => {
  await workers?.close();
});

describe("a notice received on WeChat", () => {
  it("is delivered with a numbered 收到 and confirmed by replying 1", async () => {
    const liMing = await db.member.findUniqueOrThrow({ where: { code: "201901000001" } });
    await db.chatIdentity.create({
      data: { platform: "WECHAT", externalUserId: "wx-li", chatId: "wx-li", memberId: liMing.id, boundAt: new Date() },
    });
    const branch = await db.organisation.findUniqueOrThrow({ where: { code: "GD-GZ-SCUT-CS-2201" } });
    const secretary = await db.member.findUniqueOrThrow({ where: { code: "201801000002" } });
    const notice = await createNotice(
      app.deps,
      secretary.id,
      { orgId: branch.id, childIds: [] },
      "周五下午三点团日活动。",
    );

    workers = await startWorkers(app.deps, new Map([["wechat", wechat]]));
    const [delivered] = await until(() => wechat.delivered("wx-li").length > 0 && wechat.delivered("wx-li"));
    expect(delivered!.reply.text).toContain("【计科2022级1班团支部通知】\n周五下午三点团日活动。");
    expect(delivered!.reply.buttons?.flat()).toEqual([{ label: "收到", payload: `notice-read:${notice.id}` }]);

    const [answer] = await chatAs(app.core, "wx-li", "wechat").say("1");
    expect(answer!.text).toBe("已确认收到，谢谢！");
    const delivery = await db.noticeDelivery.findUniqueOrThrow({
      where: { noticeId_memberId: { noticeId: notice.id, memberId: liMing.id } },
    });
    expect(delivery.status).toBe("READ");
  });
});
