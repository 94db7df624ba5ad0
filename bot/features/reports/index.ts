// Numbers for committees (数据治团): weekly transfer league tables, on demand (/report) and every Monday (workers/reports).
import type { Action, Feature } from "../../core/feature.ts";
import { REPORT_MESSAGE } from "./report-service.ts";
import { showReport } from "./report-view.ts";

const report: Action = { intent: "report.league", handler: showReport, needsMember: true };

export const reportsFeature: Feature = {
  name: "reports",
  commands: { report },
  buttons: { "report-org": report },
  intents: { "report.league": report },
  delivery: { [REPORT_MESSAGE]: { broadcast: true } },
};
