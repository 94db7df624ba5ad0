// An import's outcome in the operator's language: one line per bad row and column, then the counts.
import type { Translate } from "../../core/i18n.ts";
import type { ImportReport } from "./import-service.ts";
import type { Problem } from "./validate.ts";

// An ID number, new (18, the last maybe X) or old (15), in any column, also written in groups (6-8-4, 6-6-3); any
// longer run of digits is hidden too, since no column of an import holds one for a good reason.
const ID_NUMBER_LIKE = /(?<!\d)(?:\d{6}[\s-]?\d{8}[\s-]?\d{3}[\dXx]|\d{6}[\s-]?\d{6}[\s-]?\d{3})(?!\d)|\d{14,}[\dXx]/g;

/**
 * Hides anything shaped like a full ID number, keeping its last four: a number typed into the wrong column (or the
 * 身份证后四位 one) comes back in a problem's value, and a report must never repeat it.
 */
export function maskIdNumbers(text: string): string {
  return text.replace(ID_NUMBER_LIKE, (id) => `…${id.replace(/[\s-]/g, "").slice(-4)}`);
}

export function describeProblem(t: Translate, p: Problem): string {
  // A file without a header row makes its first data row the headers: columns are masked as well as values.
  const args = { line: p.line, column: maskIdNumbers(p.column), reason: t(p.reason) };
  return p.value
    ? t("import-problem-line-value", { ...args, value: maskIdNumbers(p.value) })
    : t("import-problem-line", args);
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
