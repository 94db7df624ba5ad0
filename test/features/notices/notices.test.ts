// A committee member broadcasts to the subtree; members confirm; the sender follows progress and chases.
import type { Job } from "bullmq";
import { describe, expect, it } from "vitest";
import type { JobData } from "../../../bot/core/queues.ts";
import { createNoticeProcessor } from "../../../workers/notices/notice-processor.ts";
import { chatAs } from "../../helpers/chat.ts";
import { createTestApp } from "../../helpers/test-app.ts";

const app = await createTestApp();
const { db } = app.deps;

async function bindAs(code: string, userId: string) {
  const member = await db.member.findUniqueOrThrow({ where: { code } });
  await db.chatIdentity.create({
    data: { platform: "TELEGRAM", externalUserId: userId, chatId: userId, memberId: member.id, boundAt: new Date() },
  });
  return { member, chat: chatAs(app.core, userId, "telegram") };
}

/** Runs the fan-out job the way the worker would, recording the saved cursors. */
async function runFanout(data: JobData<"notices">, batchSize = 7) {
  const cursors: number[] = [];
  const job = {
    data,
    async updateData(next: JobData<"notices">) {
      job.data = next;
      cursors.push(next.cursor ?? 0);
    },
  } as unknown as Job<JobData<"notices">>;
  await createNoticeProcessor(app.deps, batchSize)(job);
  return cursors;
}

const scut = await db.organisation.findUniqueOrThrow({ where: { code: "GD-GZ-SCUT" } });
const scutMembers = () => db.member.count({ where: { status: "ACTIVE", org: { ancestorIds: { has: scut.id } } } });

describe("notices", () => {
  const staff = bindAs("201701000003", "tg-chen");
  const liMing = bindAs("201901000001", "tg-li");
  const huangLi = bindAs("202201000007", "tg-huang");

  it("lets committee staff write, preview with counts, and send to the whole subtree", async () => {
    const { chat } = await staff;
    await liMing;
    await huangLi;
    expect((await chat.say("发通知"))[0]!.text).toContain("请发送通知的内容");
    const [askImage] = await chat.say("周六上午九点在体育馆开展志愿服务，请准时参加。");
    expect(askImage!.text).toContain("发送一张图片作为配图");
    // A question typed where the picture is asked for is answered, and the draft waits for the picture still.
    const [progress, kept] = await chat.say("谁没读通知");
    expect(progress!.intent).toBe("notice.progress");
    expect(kept!.text).toContain("刚才没办完的还在");
    const audience = await chat.press("notice-img:skip");
    expect(audience[0]!.intent).toBe("notice.create");
    expect(audience[0]!.buttons!.flat().map((b) => b.label)).toEqual([
      "计算机科学与工程学院团总支",
      "电子与信息学院团总支",
      "选好了",
    ]);
    // One college ticked, then "全部" typed: the whole subtree after all.
    await chat.press(audience[0]!.buttons![0]![0]!.payload);
    const [preview] = await chat.say("全部");
    expect(preview!.text).toMatch(/^通知预览：/);
    expect(preview!.image).toBeUndefined();
    const total = await scutMembers();
    // 陈刚, 李明 and 黄丽 are bound.
    expect(preview!.text).toContain(`收件人：${total} 名团员，其中 3 人已绑定`);
    expect(preview!.text).toContain(`${total - 3} 人未绑定`);

    const [sent] = await chat.press("notice-send:yes");
    expect(sent!.text).toMatch(/通知 #\d+ 正在发送/);
    const notice = await db.notice.findFirstOrThrow({ orderBy: { id: "desc" }, include: { audiences: true } });
    expect(notice.audiences.map((a) => a.orgId)).toEqual([scut.id]);
    expect(await db.auditLog.count({ where: { action: "notice.send", targetId: String(notice.id) } })).toBe(1);

    const cursors = await runFanout({ noticeId: notice.id, mode: "send" });
    expect(cursors.length).toBeGreaterThan(1);
    expect(await db.noticeDelivery.count({ where: { noticeId: notice.id } })).toBe(total);
    expect(await db.noticeDelivery.count({ where: { noticeId: notice.id, status: "UNREACHABLE" } })).toBe(total - 3);
    const outbox = await db.outboxMessage.findMany({ where: { messageKey: "notices-message" } });
    expect(outbox).toHaveLength(3);
    expect((await db.notice.findUniqueOrThrow({ where: { id: notice.id } })).status).toBe("SENT");

    // Running the job again (a retry after a crash) writes nothing twice.
    await runFanout({ noticeId: notice.id, mode: "send" });
    expect(await db.noticeDelivery.count({ where: { noticeId: notice.id } })).toBe(total);
    expect(await db.outboxMessage.count({ where: { messageKey: "notices-message" } })).toBe(3);
  });

  it("records the member's 收到 and shows per-branch progress to the sender", async () => {
    const notice = await db.notice.findFirstOrThrow({ orderBy: { id: "desc" } });
    const { chat: li } = await liMing;
    expect((await li.press(`notice-read:${notice.id}`))[0]!.text).toBe("已确认收到，谢谢！");
    const { chat } = await staff;
    const [progress] = await chat.say("/notice progress");
    expect(progress!.intent).toBe("notice.progress");
    expect(progress!.text).toContain("计科2022级1班团支部");
    expect(progress!.text).toMatch(/合计：\d+ 人，已读 1，未读 2，/);
    expect(progress!.buttons!.flat()[0]!.payload).toBe(`notice-chase:${notice.id}`);
    // Names, not only counts: under 李明's branch, who has not read it (黄丽) and who cannot be reached.
    const block = progress!.text.split("\n");
    const at = block.findIndex((l) => l.startsWith("计科2022级1班团支部："));
    expect(block[at + 1]).toBe("  未读：黄丽");
    expect(block[at + 2]).toMatch(/^ {2}未绑定：\S/);
    expect(progress!.text).not.toMatch(/未读：[^\n]*李明/);
    // One button reminds them all, and the look at the names is audited.
    expect(progress!.buttons!.flat()).toEqual([{ label: "提醒这些未读的人", payload: `notice-chase:${notice.id}` }]);
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "notice.progress" } });
    expect(audit).toMatchObject({ actorId: (await staff).member.id, targetId: String(notice.id) });
  });

  it("chases only those who have not confirmed, at most once a day", async () => {
    const notice = await db.notice.findFirstOrThrow({ orderBy: { id: "desc" } });
    const { chat } = await staff;
    expect((await chat.press(`notice-chase:${notice.id}`))[0]!.text).toContain("已开始提醒");
    await runFanout({ noticeId: notice.id, mode: "chase", chaseStamp: app.clock.now.toISOString() });
    const reminders = await db.outboxMessage.findMany({
      where: { messageKey: "notices-reminder" },
      include: { identity: true },
    });
    expect(reminders.map((r) => r.identity.externalUserId).sort()).toEqual(["tg-chen", "tg-huang"]);
    expect((await chat.press(`notice-chase:${notice.id}`))[0]!.text).toContain("每份通知每天只能提醒一次");
    app.clock.advance(25 * 60 * 60 * 1000);
    expect((await chat.press(`notice-chase:${notice.id}`))[0]!.text).toContain("已开始提醒");
  });

  it("keeps 团支书 inside their branch and members out", async () => {
    const { chat: secretary } = await bindAs("201801000002", "tg-wang");
    await secretary.say("/notice");
    await secretary.say("明晚七点开支部会。");
    // A branch has no child organisations: straight to the preview for the branch itself.
    const [preview] = await secretary.press("notice-img:skip");
    const branch = await db.organisation.findUniqueOrThrow({ where: { code: "GD-GZ-SCUT-CS-2201" } });
    const inBranch = await db.member.count({ where: { status: "ACTIVE", orgId: branch.id } });
    expect(preview!.text).toContain(`收件人：${inBranch} 名团员`);
    expect((await secretary.say("/cancel"))[0]!.text).toBe("已取消。");
    const { chat: li } = await liMing;
    expect((await li.say("/notice"))[0]!.text).toContain("只有团委工作人员和团支书可以发通知");
    const foreign = await db.notice.findFirstOrThrow({ orderBy: { id: "desc" } });
    expect((await li.press(`notice-progress:${foreign.id}`))[0]!.text).toBe("没有找到你可以查看的通知。");
    expect(await db.auditLog.count({ where: { action: "notice.denied" } })).toBe(1);
  });
});
