// The Monday table's second part: for each open campaign, completion per child organisation of the committee,
// worst first, in the text and in the chart; a committee running one gets its table in a week without transfers.
import { existsSync } from "node:fs";
import type { Job } from "bullmq";
import { PNG } from "pngjs";
import { describe, expect, it } from "vitest";
import type { JobData } from "../../../bot/core/queues.ts";
import { decide, openCampaign, respond } from "../../../bot/features/campaigns/campaign-service.ts";
import { registrationKind } from "../../../bot/features/campaigns/kinds/registration.ts";
import { campaignChartSections, campaignParts } from "../../../bot/features/campaigns/report-part.ts";
import { leagueSvg, NAMED_CHART_WIDTH, namedChartHeight } from "../../../bot/features/reports/named-chart.ts";
import { createReportProcessor } from "../../../workers/reports/report-processor.ts";
import { createTestApp } from "../../helpers/test-app.ts";
import { campaignJobs } from "./helpers.ts";
import { registrationFixture } from "./story-fixture.ts";

const app = await createTestApp();
const { db, i18n } = app.deps;
const f = await registrationFixture(app);
await db.chatIdentity.create({
  data: {
    platform: "CONSOLE",
    externalUserId: "c-zhao",
    chatId: "c-zhao",
    memberId: f.zhao.id,
    boundAt: app.clock.now,
  },
});

async function runReport(data: JobData<"reports">) {
  const job = {
    data,
    async updateData(next: JobData<"reports">) {
      job.data = next;
    },
  } as unknown as Job<JobData<"reports">>;
  return createReportProcessor(app.deps)(job);
}

describe("the Monday table's campaign part", () => {
  it("lists completion per branch worst first, in text and chart, for a committee without transfers", async () => {
    const today = { year: 2026, month: 11, day: 18 };
    const opened = await openCampaign(
      app.deps,
      f.zhao.id,
      {
        kind: "registration",
        orgId: f.committee.id,
        childIds: [f.a.id, f.b.id],
        label: "2026",
        opensOn: today,
        closesOn: { year: 2026, month: 12, day: 10 },
        remindEveryDays: 0,
      },
      today,
    );
    if (opened.kind !== "opened") throw new Error(opened.kind);
    const campaignId = opened.campaign.id;
    await campaignJobs(app).open(campaignId);
    // A: 周一 and 郑二 registered (2 of 4); B: 褚四 answered only (0 of 2). Chosen branches: 赵敏 is not in it.
    await respond(app.deps, f.chu.id, campaignId, registrationKind, { status: "confirmed" });
    await decide(app.deps, f.qian.id, campaignId, [f.zhou.id, f.zheng.id], "register", null);

    app.clock.set(new Date("2026-11-23T09:00:00+08:00"));
    await runReport({ task: "weekly" });
    const queued = await app.deps.queues.reports.getJobs(["waiting", "prioritized", "delayed"]);
    const ours = queued.filter((j) => j.data.task === "committee" && j.data.orgId === f.committee.id);
    expect(ours).toHaveLength(1);
    await runReport(ours[0]!.data);

    const row = await db.outboxMessage.findFirstOrThrow({
      where: { messageKey: "reports-table", identity: { memberId: f.zhao.id } },
    });
    const zh = i18n.t("zh-CN", "reports-table", row.args as Record<string, string>);
    expect(zh).toContain(
      [
        "第二部分：进行中的工作（完成率最低在前，图中同样）",
        "【2026 年度团籍注册】2026-12-10 截止，全辖已办结 2/6（33.3%）",
        "1. 乙班团支部：0/2（0.0%）",
        "2. 甲班团支部：2/4（50.0%）",
      ].join("\n"),
    );
    expect(i18n.t("en", "reports-table", row.args as Record<string, string>)).toContain(
      "[2026 membership registration] closes 2026-12-10; whole subtree 2/6 done (33.3%)",
    );
    // The chart carries the same part: a caption and a bar per organisation under the transfer bars.
    const parts = await campaignParts(db, f.committee);
    const sections = campaignChartSections(parts, i18n.translator("zh-CN"));
    expect(sections).toEqual([
      {
        caption: "2026 年度团籍注册",
        bars: [
          { name: "乙班团支部", share: 0 },
          { name: "甲班团支部", share: 0.5 },
        ],
      },
    ]);
    const svg = leagueSvg("2026-11-16 ~ 2026-11-22", [], "sans", sections);
    expect(svg).toContain(">2026 年度团籍注册</text>");
    expect(svg).toContain(">2. 甲班团支部</text>");
    expect(svg).toContain(">50%</text>");
    const media = await db.media.findUniqueOrThrow({ where: { id: row.imageId! } });
    const png = PNG.sync.read(Buffer.from(media.bytes));
    // Named bars need the CJK font file; without it the numbered chart stands in (transfer bars only).
    if (existsSync(app.config.CHART_FONT_FILE)) {
      expect([png.width, png.height]).toEqual([NAMED_CHART_WIDTH, namedChartHeight(0, sections)]);
    } else {
      expect(png.width).toBeGreaterThan(0);
    }
  });
});
