// 赵磊's branch (石牌街道社区团支部) and everything above it up to 广东团省委 have nobody using Tuanzhu: his step is
// sent to no one, and he is told so in true words, with whom to contact offline. When 吴昊 (天河团区委) starts using
// Tuanzhu, the step's next nudge (the app's clock at 24 h) reaches him and he approves from it. The next member of
// that branch who applies has the step go straight to 吴昊, with both told why. On the console.
import type { Job } from "bullmq";
import { describe, expect, it } from "vitest";
import type { JobData } from "../../../bot/core/queues.ts";
import { renderRow } from "../../../workers/delivery/render.ts";
import { createSlaProcessor } from "../../../workers/transfers/sla-processor.ts";
import { createTestApp } from "../../helpers/test-app.ts";
import { chatAsMember } from "../membership/member-chat.ts";
import { transferHelpers } from "./transfer-helpers.ts";

const app = await createTestApp();
const { db, i18n } = app.deps;
const h = transferHelpers(app);
const HOUR = 3_600_000;
// Monday 7 December 2026, 10:00 in Guangzhou.
const t0 = new Date("2026-12-07T02:00:00Z");
app.clock.set(t0);
const at = (hours: number) => new Date(t0.getTime() + hours * HOUR);

const zhao = await chatAsMember(app, "202101000006");
const shipaiBranch = await h.org("GD-GZ-TH-SP-01");
const tianhe = await h.org("GD-GZ-TH");
const sysuCs = await h.org("GD-GZ-SYSU-CS");
const processSla = (stepId: number, stage: number) =>
  createSlaProcessor(app.deps)({ data: { stepId, stage } } as unknown as Job<JobData<"transfer-sla">>);

async function inbox(memberId: number) {
  const rows = await h.outboxFor(memberId);
  return Promise.all(
    rows.map(async (row) => ({ key: row.messageKey, ...(await renderRow(row, "zh-CN", { i18n, db }, undefined)) })),
  );
}

async function apply(chat: typeof zhao.chat, memberId: number) {
  await chat.say("我要转团关系");
  await chat.press("tr-reason:FURTHER_STUDY");
  await chat.say("中山大学计算机");
  await chat.press(`tr-dest:${sysuCs.id}`);
  await chat.press("tr-submit:yes");
  return db.transferRequest.findFirstOrThrow({ where: { memberId } });
}

describe("a step nobody can act on", () => {
  let stepId = 0;

  it("is sent to nobody, and 赵磊 is told so and whom to contact", async () => {
    const transfer = await apply(zhao.chat, zhao.member.id);
    const [step] = await h.steps(transfer.id);
    stepId = step!.id;
    expect(step).toMatchObject({ orgId: shipaiBranch.id, status: "PENDING", escalationLevel: 0 });
    expect(await db.outboxMessage.count({ where: { messageKey: { startsWith: "transfers-step-waiting" } } })).toBe(0);
    expect((await inbox(zhao.member.id)).map((m) => m.text)).toEqual([
      "你的转接申请：转出组织审批应由 石牌街道社区团支部 办理，但 石牌街道社区团支部 及其上级团组织（到团省委为止）目前都没有其他负责人使用团助，暂时没有人能在这里办理。请直接联系 石牌街道社区团支部 的团干部线下办理；那里的负责人一开始使用团助，就能在「待审批」里看到并办理。",
    ]);
    expect(await h.events(transfer.id)).toEqual(["SUBMITTED", "STEP_STARTED"]);
    // The same warning for someone who reads English.
    const [row] = await h.outboxFor(zhao.member.id);
    expect((await renderRow(row!, "en", { i18n, db }, undefined)).text).toBe(
      "Your transfer: approval by the sending organisation belongs to 石牌街道社区团支部, but nobody else at 石牌街道社区团支部 or above it (up to the provincial committee) uses Tuanzhu yet, so nobody can act on it here for now. Please contact 石牌街道社区团支部's league officers offline; as soon as a leader there starts using Tuanzhu, they will find it in their pending list.",
    );
  });

  it("reaches 吴昊 with its 24 h nudge once he uses Tuanzhu, and he approves from it", async () => {
    app.clock.set(at(5));
    const wu = await chatAsMember(app, "201801000010");
    app.clock.set(at(24));
    expect(await processSla(stepId, 1)).toMatchObject({ status: "sent", stage: 1, recipients: 1 });
    const [nudge] = await inbox(wu.member.id);
    expect(nudge!.key).toBe("sla-nudge");
    expect(nudge!.text).toBe(
      "⏰ 转接待办提醒：赵磊 的组织关系转接（转出组织审批）在 石牌街道社区团支部 已等待 24 小时，请在 2026-12-10 10:00 前办理。",
    );
    const approve = nudge!.buttons!.flat().find((b) => b.payload.startsWith("tr-approve:"))!;
    expect((await wu.chat.press(approve.payload))[0]!.text).toBe("已同意。 已转入下一步。");
    expect(await db.transferStep.findUniqueOrThrow({ where: { id: stepId } })).toMatchObject({
      status: "APPROVED",
      decidedById: wu.member.id,
    });
  });

  it("the next applicant's step goes straight to 吴昊; both are told why", async () => {
    const other = await db.member.findFirstOrThrow({
      where: { orgId: shipaiBranch.id, id: { not: zhao.member.id }, roles: { none: {} } },
      orderBy: { id: "asc" },
    });
    const mate = await chatAsMember(app, other.code);
    const wu = await h.member("201801000010");
    const before = (await h.outboxFor(wu.id)).length;
    const transfer = await apply(mate.chat, other.id);
    const [step] = await h.steps(transfer.id);
    expect(step).toMatchObject({ orgId: shipaiBranch.id, escalationLevel: 2 });
    const toWu = (await inbox(wu.id)).slice(before);
    expect(toWu.map((m) => m.key)).toEqual(["transfers-step-waiting-above"]);
    expect(toWu[0]!.text).toMatch(/前办理。 石牌街道社区团支部 还没有负责人使用团助，所以直接交给你办理。$/);
    const waitingRow = (await h.outboxFor(wu.id)).at(-1)!;
    expect((await renderRow(waitingRow, "en", { i18n, db }, undefined)).text).toMatch(
      /\. Nobody at 石牌街道社区团支部 uses Tuanzhu yet, so it came straight to you\.$/,
    );
    expect((await inbox(other.id)).map((m) => m.text)).toEqual([
      "你的转接申请：转出组织审批本应由 石牌街道社区团支部 办理，但 石牌街道社区团支部 还没有负责人使用团助，已直接交给 共青团广州市天河区委员会 办理。你不需要做什么，可以随时查看进度。",
    ]);
    const escalated = await db.transferEvent.findFirstOrThrow({
      where: { transferId: transfer.id, type: "ESCALATED" },
    });
    expect(escalated).toMatchObject({ stepId: step!.id, orgId: tianhe.id });
    // Its 72 h escalation starts above 天河团区委: 广州团市委 and 广东团省委 have nobody, so it ends there, silently.
    app.clock.set(new Date(step!.startedAt.getTime() + 72 * HOUR));
    await processSla(step!.id, 1);
    await processSla(step!.id, 2);
    expect(await processSla(step!.id, 3)).toMatchObject({ status: "sent", recipients: 0, escalatedTo: null });
  });
});
