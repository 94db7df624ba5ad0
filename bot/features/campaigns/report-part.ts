// The campaigns' part of a committee's Monday table: each open campaign that reaches into the committee's subtree,
// with completion per child organisation of the committee (worst first), as text and as chart sections.
import type { Translate } from "../../core/i18n.ts";
import type { Db } from "../../infra/db.ts";
import { liveCompletion } from "./campaign-service.ts";
import { type Completion, donePermille, percent, totals } from "./rules.ts";

/** Rows per campaign in the table and the chart. */
export const REPORT_CAMPAIGN_ROWS = 10;
/** Campaigns in one table. */
const MAX_CAMPAIGNS = 5;

export interface CampaignPart {
  campaignId: number;
  kind: string;
  label: string;
  closes: string;
  rows: Completion[];
  total: Omit<Completion, "orgId" | "name">;
}

/** Open campaigns opened at or above the committee with members in its subtree, oldest first. */
export async function campaignParts(db: Db, org: { id: number; ancestorIds: number[] }): Promise<CampaignPart[]> {
  const campaigns = await db.campaign.findMany({
    where: { status: "OPEN", orgId: { in: org.ancestorIds }, openedAt: { not: null } },
    orderBy: { id: "asc" },
    take: MAX_CAMPAIGNS * 4,
  });
  const parts: CampaignPart[] = [];
  for (const c of campaigns) {
    const rows = await liveCompletion(db, c.id, org.id);
    if (!rows.length) continue;
    parts.push({
      campaignId: c.id,
      kind: c.kind,
      label: c.label,
      closes: c.closesOn.toISOString().slice(0, 10),
      rows,
      total: totals(rows),
    });
    if (parts.length === MAX_CAMPAIGNS) break;
  }
  return parts;
}

/** The text of the part in one language, starting on a new line; "" when there is none. */
export function formatCampaignParts(parts: readonly CampaignPart[], t: Translate): string {
  if (!parts.length) return "";
  const lines = [t("reports-campaigns-header")];
  for (const p of parts) {
    lines.push(
      t("reports-campaign-title", {
        title: t(`campaigns-${p.kind}-title`, { label: p.label }),
        closes: p.closes,
        done: p.total.done,
        total: p.total.total,
        percent: percent(donePermille(p.total)),
      }),
    );
    p.rows.slice(0, REPORT_CAMPAIGN_ROWS).forEach((r, i) => {
      lines.push(
        t("reports-campaign-row", {
          n: i + 1,
          name: r.name,
          done: r.done,
          total: r.total,
          percent: percent(donePermille(r)),
        }),
      );
    });
    if (p.rows.length > REPORT_CAMPAIGN_ROWS)
      lines.push(t("reports-campaign-more", { n: p.rows.length - REPORT_CAMPAIGN_ROWS }));
  }
  return `\n${lines.join("\n")}`;
}

/** Chart sections: a caption (the campaign, in the committee's first language) and a bar per organisation. */
export function campaignChartSections(parts: readonly CampaignPart[], t: Translate) {
  return parts.map((p) => ({
    caption: t(`campaigns-${p.kind}-title`, { label: p.label }),
    bars: p.rows.slice(0, REPORT_CAMPAIGN_ROWS).map((r) => ({ name: r.name, share: donePermille(r) / 1000 })),
  }));
}
