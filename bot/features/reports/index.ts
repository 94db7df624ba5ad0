// Numbers for committees (数据治团): weekly transfer league tables, on demand (/report) and every Monday (workers/reports).
import { idArg, optionalIdArg } from "../../core/args.ts";
import { type Action, buttonAction, type Feature } from "../../core/feature.ts";
import { REPORT_MESSAGE } from "./report-service.ts";
import { showReport } from "./report-view.ts";

// `/report [org id]`, "转接统计", and the drill-down buttons `report-org:<id>`.
const report: Action<number | null> = {
  intent: "report.league",
  arg: optionalIdArg,
  handler: showReport,
  needsMember: true,
};

export const reportsFeature: Feature = {
  name: "reports",
  commands: { report },
  buttons: { "report-org": buttonAction("report.league", idArg, showReport) },
  intents: { "report.league": report },
  delivery: { [REPORT_MESSAGE]: { broadcast: true } },
};
