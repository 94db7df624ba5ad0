// The story of story-sla.test.ts on Telegram, over real HTTP to the fake Bot API with all the workers running: the
// service-level timers are the delayed BullMQ jobs the workflow queued, promoted when the app's clock has moved on
// and run by the real transfer-sla worker (one not due yet by the step's own timetable goes back to wait); nudges and
// the escalation arrive through the delivery worker in each leader's own chat, and they press the buttons there.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningWorkers, startWorkers } from "../../../workers/start-workers.ts";
import type { SlaOutcome } from "../../../workers/transfers/sla-processor.ts";
import { startTelegram } from "../../channels/telegram/start-telegram.ts";
import type { SentMessage, TgUser } from "../../helpers/fake-telegram.ts";
import { telegramPeople } from "../../helpers/telegram-people.ts";
import { createTestApp } from "../../helpers/test-app.ts";
import { until } from "../../workers/fake-sender.ts";
import { transferHelpers } from "./transfer-helpers.ts";

// Default quiet hours (22:00–08:00): every timer here fires in the Guangzhou morning, so nothing waits for them.
const app = await createTestApp({ CHAT_RATE_PER_MINUTE: "500" });
const { db } = app.deps;
const h = transferHelpers(app);
const HOUR = 3_600_000;
// Monday 23 November 2026, 10:00 in Guangzhou.
const t0 = new Date("2026-11-23T02:00:00Z");
app.clock.set(t0);
const at = (hours: number) => new Date(t0.getTime() + hours * HOUR);
const { fake, channel } = await startTelegram(app);
const { bound, messageWith, say, pressExpecting } = telegramPeople(db, fake);
const timers = app.deps.queues["transfer-sla"];

/** What the transfer-sla worker returned for each timer it finished (early ones go back to wait and finish later). */
const outcomes: { id: string; outcome: SlaOutcome }[] = [];
let workers: RunningWorkers;
beforeAll(async () => {
  workers = await startWorkers(app.deps, new Map([["telegram", channel.sender]]));
  workers.workers.get("transfer-sla")!.on("completed", (job, outcome: SlaOutcome) => {
    outcomes.push({ id: job.id!, outcome });
  });
});
afterAll(async () => {
  await workers.close();
});

const li = await bound(950_001, "李明", "201901000001", t0);
const wang = await bound(950_002, "王芳", "201801000002", t0);
const chen = await bound(950_003, "陈刚", "201701000003", t0);
const wu = await bound(950_004, "吴昊", "201801000010", t0);

/**
 * The clock has moved on: every waiting timer is promoted, as if its delay had run out, and the worker runs it. Waits
 * until each has either finished (its outcome recorded, the job removed) or gone back to wait for its own time, and
 * nothing is left to run. Returns the outcomes of the timers that finished, by step and stage.
 */
async function fireTimers(): Promise<{ id: string; outcome: SlaOutcome }[]> {
  const from = outcomes.length;
  const delayed = await timers.getJobs(["delayed"]);
  const tries = new Map(delayed.map((job) => [job.id!, job.attemptsStarted]));
  for (const job of delayed) await job.promote();
  await until(async () => {
    for (const [id, before] of tries) {
      const job = await timers.getJob(id);
      const state = await job?.getState();
      if (state === "failed") throw new Error(`timer ${id} failed: ${job?.failedReason}`);
      const settled = job
        ? job.attemptsStarted > before && state === "delayed"
        : outcomes.slice(from).some((o) => o.id === id);
      if (!settled) return false;
    }
    const counts = await timers.getJobCounts("waiting", "active", "prioritized");
    return Object.values(counts).every((n) => n === 0);
  });
  // The worker runs timers side by side: ordered by step and stage for the assertions.
  const key = (id: string) => id.split("-").slice(1).map(Number) as [number, number];
  return outcomes.slice(from).sort((a, b) => {
    const [x, y] = [key(a.id), key(b.id)];
    return x[0] - y[0] || x[1] - y[1];
  });
}

/** Waits for a message in the person's chat whose text starts with `start`, and contains `part` when given. */
const arrives = (user: TgUser, start: string, part = "") =>
  until(() => fake.sent(user.id).find((m) => m.text?.startsWith(start) && m.text.includes(part)));

async function pressPayload(user: TgUser, payload: string, messageId: number): Promise<SentMessage> {
  const before = fake.sent(user.id).length;
  fake.userPresses(payload, messageId, { from: user });
  return (await fake.waitForMessages(user.id, before + 1)).at(-1)!;
}

async function press(user: TgUser, prefix: string): Promise<SentMessage> {
  const { message, payload } = await messageWith(user, prefix);
  return pressPayload(user, payload, message.message_id);
}

const buttonsOf = (message: SentMessage) =>
  message.buttons.map((row) => row.map((b) => `${b.text} ${b.callback_data}`));

describe("a transfer nobody answers, on Telegram", () => {
  it("is applied for, nudged twice, escalated to 华工团委, approved there and finished by the receiving side", async () => {
    const shipai = await h.org("GD-GZ-TH-SP");
    expect((await say(li, "/transfer")).text).toBe("组织关系转接的原因是？");
    await press(li, "tr-reason:EMPLOYED_WITHOUT_LEAGUE_ORG");
    await say(li, "石牌");
    expect((await press(li, `tr-dest:${shipai.id}`)).text).toContain("3. 分配团支部");
    expect((await press(li, "tr-submit:yes")).text).toMatch(/转接申请 #\d+ 已提交/);
    const transfer = await db.transferRequest.findFirstOrThrow({
      where: { memberId: (await h.member("201901000001")).id },
    });
    const [step1] = await h.steps(transfer.id);
    await messageWith(wang, `tr-approve:${step1!.id}`);

    // 23 h: the first timer is promoted, found early by the step's timetable and put back; nothing reaches anyone.
    app.clock.set(at(23));
    expect(await fireTimers()).toEqual([]);
    expect(await (await timers.getJob(`sla-${step1!.id}-1`))!.getState()).toBe("delayed");

    app.clock.set(at(24));
    expect(await fireTimers()).toEqual([
      { id: `sla-${step1!.id}-1`, outcome: { status: "sent", stage: 1, recipients: 1 } },
    ]);
    const first = await arrives(wang, "⏰", "24 小时");
    expect(first.text).toBe(
      "⏰ 转接待办提醒：李明 的组织关系转接（转出组织审批）在 计科2022级1班团支部 已等待 24 小时，请在 2026-11-26 10:00 前办理。",
    );
    expect(buttonsOf(first)).toEqual([
      [`同意 tr-approve:${step1!.id}`, `退回 tr-reject:${step1!.id}`],
      [`我来处理 tr-claim:${step1!.id}`],
    ]);

    app.clock.set(at(48));
    expect((await fireTimers()).map((o) => o.id)).toEqual([`sla-${step1!.id}-2`]);
    expect(buttonsOf(await arrives(wang, "⏰", "48 小时"))).toEqual(buttonsOf(first));
    expect(fake.sent(chen.id)).toEqual([]);

    // 72 h: up past the 团总支, where nobody holds a role, to the 华工团委 staff.
    app.clock.set(at(72));
    expect(await fireTimers()).toEqual([
      {
        id: `sla-${step1!.id}-3`,
        outcome: { status: "sent", stage: 3, recipients: 1, escalatedTo: (await h.org("GD-GZ-SCUT")).id },
      },
    ]);
    const escalation = await arrives(chen, "⚠️");
    expect(escalation.text).toBe(
      "⚠️ 转接超时督办：李明 的组织关系转接（转出组织审批）在 计科2022级1班团支部 已等待 72 小时，超过办理时限（2026-11-26 10:00）仍未办理。请 华南理工大学团委 督促办理，或直接办理。",
    );
    expect(buttonsOf(escalation)[0]).toEqual([`同意 tr-approve:${step1!.id}`, `退回 tr-reject:${step1!.id}`]);
    expect(fake.sent(wang.id).filter((m) => m.text?.startsWith("⏰"))).toHaveLength(2);

    // 陈刚 approves in his chat; 王芳's nudge button then tells her who did.
    app.clock.set(at(73));
    expect((await pressPayload(chen, `tr-approve:${step1!.id}`, escalation.message_id)).text).toBe(
      "已同意。 已转入下一步。",
    );
    expect((await press(wang, `tr-approve:${step1!.id}`)).text).toBe(
      "这一步已由 陈刚 于 2026年11月26日 11:00 办理通过，不需要你再操作。",
    );
    await arrives(li, "你的转接申请：转出组织审批已由 计科2022级1班团支部 通过");

    // The receiving side: 天河团区委's 吴昊 approves at once, then leaves the assignment a day.
    app.clock.set(at(74));
    // His answer, and the assignment step's card: his organisation holds that step too.
    expect(await pressExpecting(wu, "tr-approve:", 2)).toContain("已同意。 已转入下一步。");
    const [, step2, step3] = await h.steps(transfer.id);
    await messageWith(wu, `tr-assign:${step3!.id}`);

    app.clock.set(at(98));
    expect(await fireTimers()).toEqual([
      { id: `sla-${step1!.id}-4`, outcome: { status: "skipped", stage: 4 } },
      { id: `sla-${step2!.id}-1`, outcome: { status: "skipped", stage: 1 } },
      { id: `sla-${step3!.id}-1`, outcome: { status: "sent", stage: 1, recipients: 1 } },
    ]);
    const nudge = await arrives(wu, "⏰");
    expect(nudge.text).toContain("（分配团支部）在 石牌街道团工委 已等待 24 小时");
    expect(buttonsOf(nudge)[0]).toEqual([`分配团支部 tr-assign:${step3!.id}`, `退回 tr-reject:${step3!.id}`]);

    app.clock.set(at(99));
    const choose = await pressPayload(wu, `tr-assign:${step3!.id}`, nudge.message_id);
    expect(choose.buttons.flat().map((b) => b.text)).toEqual(["石牌街道社区团支部"]);
    expect((await press(wu, "tr-branch:")).text).toBe("已分配团支部。转接已完成，团员和双方组织都会收到通知。");

    expect((await arrives(li, "你的组织关系转接已完成")).text).toBe(
      "你的组织关系转接已完成：从 计科2022级1班团支部 转入 石牌街道社区团支部。",
    );
    expect((await arrives(wang, "李明 的组织关系转接已完成")).text).toBe(
      "李明 的组织关系转接已完成：从 计科2022级1班团支部 转入 石牌街道社区团支部。",
    );
    expect((await h.member("201901000001")).orgId).toBe((await h.org("GD-GZ-TH-SP-01")).id);
    expect(await h.events(transfer.id)).toEqual([
      "SUBMITTED",
      "STEP_STARTED",
      "NUDGED",
      "NUDGED",
      "ESCALATED",
      "APPROVED",
      // Nobody at the street committee uses Tuanzhu: both its steps go to the district at once.
      "STEP_STARTED",
      "ESCALATED",
      "APPROVED",
      "STEP_STARTED",
      "ESCALATED",
      "NUDGED",
      "BRANCH_ASSIGNED",
      "COMPLETED",
    ]);
    await until(async () => (await db.outboxMessage.count({ where: { status: { not: "SENT" } } })) === 0);

    // A month later the one timer left finds the transfer finished: nothing is written, nothing reaches any chat.
    const sent = fake.sent().length;
    const rows = await db.outboxMessage.count();
    app.clock.set(at(30 * 24));
    expect(await fireTimers()).toEqual([{ id: `sla-${step3!.id}-2`, outcome: { status: "skipped", stage: 2 } }]);
    expect(await timers.getJobs(["delayed", "waiting", "active"])).toEqual([]);
    expect(await db.outboxMessage.count()).toBe(rows);
    expect(fake.sent()).toHaveLength(sent);
  });
});
