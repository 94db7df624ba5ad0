// An import's outcome in the operator's language: one line per bad row and column, then the counts.
import type { Translate } from "../../core/i18n.ts";
import type { ImportReport } from "./import-service.ts";
import type { Problem } from "./validate.ts";

export function describeProblem(t: Translate, p: Problem): string {
  const args = { line: p.line, column: p.column, reason: t(p.reason) };
  return p.value ? t("import-problem-line-value", { ...args, value: p.value }) : t("import-problem-line", args);
}

export function describeReport(t: Translate, report: ImportReport, dryRun = false): string[] {
  const lines = report.problems.map((p) => describeProblem(t, p));
  const counts = {
    rows: report.rows,
    created: report.created,
    updated: report.updated,
    unchanged: report.unchanged,
    bad: new Set(report.problems.map((p) => p.line)).size,
  };
  if (dryRun) lines.push(t("import-summary-dry-run", counts));
  else if (!report.written) lines.push(t("import-summary-nothing-written", counts));
  else lines.push(t("import-summary-written", counts));
  return lines;
}
