// Monday 09:00: every committee whose subtree was active last week gets its league table, with the chart, once.
import type { Job } from "bullmq";
import { PNG } from "pngjs";
import { afterAll, describe, expect, it } from "vitest";
import { renderForTerminal } from "../../../bot/channels/console/render.ts";
import type { JobData } from "../../../bot/core/queues.ts";
import { NAMED_CHART_WIDTH, namedChartHeight } from "../../../bot/features/reports/named-chart.ts";
import { createReportProcessor, reportJobId } from "../../../workers/reports/report-processor.ts";
import { REPORT_CRON, REPORT_SCHEDULER_ID, upsertReportSchedule } from "../../../workers/reports/schedule.ts";
import { type RunningWorkers, startWorkers } from "../../../workers/start-workers.ts";
import { createStepWriter, local, REPORT_AT, WEEK_KEY, writeScutWeek } from "../../features/reports/week-fixture.ts";
import { createTestApp } from "../../helpers/test-app.ts";
import { createFakeSender, until } from "../fake-sender.ts";

const app = await createTestApp({ QUIET_HOURS_START: "00:00", QUIET_HOURS_END: "00:00" });
const { db } = app.deps;
let workers: RunningWorkers | undefined;
afterAll(async () => {
  await workers?.close();
});

await writeScutWeek(db);
const writer = createStepWriter(db);
// 天河 (staff: 吴昊) had one late step; 中大 had one too but has no committee staff to tell.
await writer.step({ org: "GD-GZ-TH-XH", startedAt: local("2026-11-12T10:00:00"), decidedAfterHours: 90 });
await writer.step({ org: "GD-GZ-SYSU-CS-M26", startedAt: local("2026-11-12T10:00:00"), decidedAfterHours: 1 });
const scut = await writer.orgId("GD-GZ-SCUT");
const tianhe = await writer.orgId("GD-GZ-TH");

async function bind(code: string, platform: "TELEGRAM" | "CONSOLE", userId: string) {
  const member = await db.member.findUniqueOrThrow({ where: { code } });
  await db.chatIdentity.create({
    data: { platform, externalUserId: userId, chatId: userId, memberId: member.id, boundAt: new Date() },
  });
  return member;
}
const chen = await bind("201701000003", "TELEGRAM", "tg-chen");
const wu = await bind("201801000010", "CONSOLE", "console-wu");

const processor = createReportProcessor(app.deps, 1);
async function run(data: JobData<"reports">) {
  const saved: JobData<"reports">[] = [];
  const job = {
    data,
    async updateData(next: JobData<"reports">) {
      job.data = next;
      saved.push(next);
    },
  } as unknown as Job<JobData<"reports">>;
  return { result: await processor(job), saved };
}

/** Runs the weekly job, then every committee job it queued, the way the worker would. */
async function mondayMorning() {
  const weekly = await run({ task: "weekly" });
  const queued = await app.deps.queues.reports.getJobs(["waiting", "prioritized", "delayed"]);
  for (const job of queued) {
    await run(job.data);
    await job.remove();
  }
  return { weekly, queued };
}

const reportRows = () =>
  db.outboxMessage.findMany({
    where: { messageKey: "reports-table" },
    include: { identity: true },
    orderBy: { id: "asc" },
  });

describe("the Monday league tables", () => {
  it("queue a job per active committee with staff, in batches, and fix the week on the first try", async () => {
    app.clock.set(REPORT_AT);
    const { weekly, queued } = await mondayMorning();
    expect(weekly.result).toEqual({ week: WEEK_KEY, queued: 2 });
    expect(queued.map((j) => j.id).sort()).toEqual([reportJobId(WEEK_KEY, scut), reportJobId(WEEK_KEY, tianhe)].sort());
    // Batches of one: the cursor moved after each.
    expect(weekly.saved.map((d) => (d.task === "weekly" ? d.cursor : -1))).toEqual(
      [0, scut, tianhe].sort((a, b) => a - b),
    );
    expect(weekly.saved.every((d) => d.task === "weekly" && d.week === WEEK_KEY)).toBe(true);
  });

  it("write one message with the chart to each committee's staff, and nothing twice on a re-run", async () => {
    const rows = await reportRows();
    expect(rows.map((r) => r.identity.memberId).sort()).toEqual([chen.id, wu.id].sort());
    const forChen = rows.find((r) => r.identity.memberId === chen.id)!;
    expect(forChen.dedupeKey).toBe(`report:${WEEK_KEY}:org:${scut}:member:${chen.id}:identity:${forChen.identityId}`);
    expect(forChen.args).toMatchObject({ org: "华南理工大学团委", received: 10, within: 7, rate: "70%", breaches: 2 });
    const images = await db.media.findMany({ where: { id: { in: rows.map((r) => r.imageId!) } } });
    expect(images).toHaveLength(2);
    // Two committees: 华工 with three rows, 天河区 with one; a named bar each.
    const sizes = images.map((image) => {
      expect(image.mime).toBe("image/png");
      const png = PNG.sync.read(Buffer.from(image.bytes));
      return [png.width, png.height];
    });
    expect(sizes.sort((a, b) => a[1]! - b[1]!)).toEqual([
      [NAMED_CHART_WIDTH, namedChartHeight(1)],
      [NAMED_CHART_WIDTH, namedChartHeight(3)],
    ]);

    // The scheduler fires again (or a job is retried): no new rows, no new images.
    const mediaBefore = await db.media.count();
    app.clock.advance(3600_000);
    await mondayMorning();
    await run({ task: "committee", orgId: scut, week: WEEK_KEY });
    expect((await reportRows()).map((r) => r.id)).toEqual(rows.map((r) => r.id));
    expect(await db.media.count()).toBe(mediaBefore);
  });

  it("deliver the photo with the table on Telegram, and the whole table as text where no picture can be shown", async () => {
    const telegram = createFakeSender("telegram");
    const console = createFakeSender("console");
    workers = await startWorkers(
      app.deps,
      new Map([
        ["telegram", telegram],
        ["console", console],
      ]),
      { background: false },
    );
    const [photo] = await until(() => telegram.delivered("tg-chen").length > 0 && telegram.delivered("tg-chen"));
    expect(PNG.sync.read(Buffer.from(photo!.reply.image!)).width).toBe(NAMED_CHART_WIDTH);
    expect(photo!.reply.text).toContain("【转接周报】华南理工大学团委，2026-11-09 至 2026-11-15");
    expect(photo!.reply.text).toContain("2. 计算机科学与工程学院团总支 | 66.7% | 4/6 | 10 小时 | 60 小时 | 2 | 1");

    // The console cannot show a picture: it says one is attached and prints the full table.
    const [plain] = await until(() => console.delivered("console-wu").length > 0 && console.delivered("console-wu"));
    const shown = renderForTerminal(plain!.reply, "[图片]");
    expect(shown.split("\n")).toEqual([
      "[图片]",
      "【转接周报】共青团广州市天河区委员会，2026-11-09 至 2026-11-15",
      "全辖：收到 1 件，按时办理 0 件，响应率 0%；一半在 90 小时 内办理，九成在 90 小时 内办理；超时 1 件；被升级 0 次。",
      "各下级组织（最差在前，图中序号相同）：",
      "序号. 组织 | 响应率 | 按时/收到 | 一半在…内 | 九成在…内 | 超时 | 被升级",
      "1. 广州星河科技有限公司团支部 | 0% | 0/1 | 90 小时 | 90 小时 | 1 | 0",
      "1 个下级组织本周没有转接。",
    ]);
    expect(telegram.calls).toHaveLength(1);
    expect(console.calls).toHaveLength(1);
  });

  it("send nothing for a week without transfers", async () => {
    app.clock.set(new Date("2026-12-07T01:00:00Z"));
    const { weekly } = await mondayMorning();
    expect(weekly.result).toEqual({ week: "2026-11-30", queued: 0 });
    expect(await reportRows()).toHaveLength(2);
  });

  it("are scheduled for Monday 09:00 in the configured time zone", async () => {
    await upsertReportSchedule(app.deps.queues, app.config.TZ);
    await upsertReportSchedule(app.deps.queues, app.config.TZ);
    const schedulers = await app.deps.queues.reports.getJobSchedulers();
    expect(schedulers).toHaveLength(1);
    const scheduler = (await app.deps.queues.reports.getJobScheduler(REPORT_SCHEDULER_ID))!;
    expect(scheduler).toMatchObject({ pattern: REPORT_CRON, tz: "Asia/Shanghai" });
    const next = new Date(scheduler.next!);
    const local = new Intl.DateTimeFormat("en-GB", {
      timeZone: "Asia/Shanghai",
      weekday: "short",
      hour: "2-digit",
      minute: "2-digit",
    }).format(next);
    expect(local).toBe("Mon 09:00");
    await app.deps.queues.reports.removeJobScheduler(REPORT_SCHEDULER_ID);
  });
});
