// An activity moved after its check-in code went out: the code the organiser already shared follows the new time
// (before, it stayed valid around the old time only, and members at the new time were told check-in had closed).
import { describe, expect, it } from "vitest";
import { createActivity } from "../../../bot/features/activities/activity-service.ts";
import { createTestApp } from "../../helpers/test-app.ts";
import { bindAs } from "./helpers.ts";

const app = await createTestApp({ CHAT_RATE_PER_MINUTE: "1000" });
const { db } = app.deps;
const H = 3600_000;
// Monday 1 March 2027, 10:00 in Shanghai; the activity on Saturday 6 March 09:00–11:00, then moved to Sunday 14:00.
app.clock.set(new Date("2027-03-01T02:00:00Z"));
const START = new Date("2027-03-06T01:00:00Z");
const MOVED = new Date("2027-03-07T06:00:00Z");

const chen = await bindAs(app, "201701000003", "tg-chen");
const huang = await bindAs(app, "202201000007", "tg-huang");
const branch = await db.organisation.findUniqueOrThrow({ where: { code: "GD-GZ-SCUT-CS-2201" } });
const created = await createActivity(
  app.deps,
  { memberId: chen.member.id },
  { orgId: branch.id, childIds: [], title: "团日活动", place: "三号楼", startsAt: START, capacity: 10 },
);
if (!created.ok) throw new Error(created.problem);
const activityId = created.activity.id;

describe("a re-timed activity's check-in code", () => {
  it("moves with the new time, and the organiser is told the code still works", async () => {
    expect((await huang.chat.press(`act-join:${activityId}`))[0]!.text).toContain("团日活动");
    const [issued] = await chen.chat.press(`act-code:${activityId}`);
    const code = /签到码：(\d{6})/.exec(issued!.text)![1]!;

    await chen.chat.press(`act-edit:${activityId}`);
    await chen.chat.press(`act-field:${activityId}.when`);
    const [edited] = await chen.chat.say("2027-03-07 14:00-16:00");
    expect(edited!.text).toContain("已修改【团日活动】");
    expect(edited!.text).toContain(
      "已发出的签到码仍然有效，签到时间随之改为 2027年3月7日周日 13:30 至 2027年3月7日周日 16:30",
    );
    const stored = await db.activity.findUniqueOrThrow({ where: { id: activityId } });
    expect(stored.checkinOpensAt).toEqual(new Date(MOVED.getTime() - 0.5 * H));
    expect(stored.checkinClosesAt).toEqual(new Date(MOVED.getTime() + 2.5 * H));

    // At the old time it is too early; at the new time the same code checks her in.
    app.clock.set(new Date(START.getTime() + 10 * 60_000));
    expect((await huang.chat.say(`签到 ${code}`))[0]!.text).toContain("签到还没开始");
    app.clock.set(new Date(MOVED.getTime() + 10 * 60_000));
    expect((await huang.chat.say(`签到 ${code}`))[0]!.text).toContain("签到成功！【团日活动】");
    const signup = await db.activitySignup.findUniqueOrThrow({
      where: { activityId_memberId: { activityId, memberId: huang.member.id } },
    });
    expect(signup.checkedInAt).toEqual(app.clock.now);
  });

  it("says nothing about a code when none was handed out", async () => {
    app.clock.set(new Date("2027-03-01T02:00:00Z"));
    const other = await createActivity(
      app.deps,
      { memberId: chen.member.id },
      { orgId: branch.id, childIds: [], title: "读书会", place: "图书馆", startsAt: START, capacity: 10 },
    );
    if (!other.ok) throw new Error(other.problem);
    await chen.chat.press(`act-field:${other.activity.id}.when`);
    const [edited] = await chen.chat.say("2027-03-07 14:00");
    expect(edited!.text).toContain("已修改【读书会】");
    expect(edited!.text).not.toContain("签到码");
    expect((await db.activity.findUniqueOrThrow({ where: { id: other.activity.id } })).checkinOpensAt).toBeNull();
  });
});
