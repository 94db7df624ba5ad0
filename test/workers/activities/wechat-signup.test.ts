// End to end on WeChat: the published activity reaches the member through the workers with a numbered choice, and
// replying "1" signs them up.
import { afterAll, describe, expect, it } from "vitest";
import { createActivity } from "../../../bot/features/activities/activity-service.ts";
import { type RunningWorkers, startWorkers } from "../../../workers/start-workers.ts";
import { chatAs } from "../../helpers/chat.ts";
import { createTestApp } from "../../helpers/test-app.ts";
import { createFakeSender, until } from "../fake-sender.ts";

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

describe("an activity on WeChat", () => {
  it("is announced by the workers with a numbered Sign up, and replying 1 signs the member up", async () => {
    const liMing = await db.member.findUniqueOrThrow({ where: { code: "201901000001" } });
    await db.chatIdentity.create({
      data: { platform: "WECHAT", externalUserId: "wx-li", chatId: "wx-li", memberId: liMing.id, boundAt: new Date() },
    });
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

    workers = await startWorkers(app.deps, new Map([["wechat", wechat]]));
    const [delivered] = await until(() => wechat.delivered("wx-li").length > 0 && wechat.delivered("wx-li"), 20_000);
    expect(delivered!.reply.text).toContain("【计科2022级1班团支部活动】支部团日：参观博物馆");
    expect(delivered!.reply.buttons?.flat()).toEqual([{ label: "报名", payload: `act-join:${created.activity.id}` }]);

    const [joined] = await chatAs(app.core, "wx-li", "wechat").say("1");
    expect(joined!.text).toContain("报名成功！【支部团日：参观博物馆】");
    const signup = await db.activitySignup.findUniqueOrThrow({
      where: { activityId_memberId: { activityId: created.activity.id, memberId: liMing.id } },
    });
    expect(signup.status).toBe("CONFIRMED");
  });
});
