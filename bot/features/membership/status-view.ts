// One status message for one member: who, where, since when, dues, any open transfer, and warnings that say
// what to do. The member sees it with /me; a leader sees the same text (marked as a leader's look-up).
import type { Locale, Translate } from "../../core/i18n.ts";
import { changeLines, owedText, paidThroughText } from "../dues/dues-view.ts";
import { formatYuan } from "../dues/money.ts";
import { completedLine, sentBackLines } from "../transfers/history.ts";
import { currentStep } from "../transfers/transfer-service.ts";
import { formatHours } from "../volunteer/rules.ts";
import { contactPhrase } from "./contact-phrase.ts";
import { formatDate, formatDay, formatInstant } from "./format.ts";
import { maskMemberCode } from "./member-code.ts";
import { type MembershipWarning, toUtcDay } from "./rules.ts";
import type { StatusView } from "./status-service.ts";

export type Viewer = "self" | "leader";

export function renderStatus(t: Translate, locale: Locale, timeZone: string, view: StatusView, viewer: Viewer): string {
  const { member, dues } = view;
  const lines = [
    t("membership-status-title", { name: member.name, viewer }),
    t("membership-status-org", { path: view.orgPath.join(" › ") }),
    t("membership-status-code", { code: maskMemberCode(member.code) }),
    t("membership-status-joined", { date: formatDay(member.joinedAt, locale), years: view.leagueYears }),
    t("membership-status-state", { status: member.status }),
    t("membership-status-dues", {
      through: paidThroughText(t, locale, dues),
      owed: owedText(t, locale, dues),
      monthly: dues.monthly ? formatYuan(dues.monthly.amountFen) : "-",
    }),
    ...changeLines(t, locale, dues),
    ...transferLines(t, locale, timeZone, view),
  ];
  // An activity check-in counts as organisational life (the six-month rule).
  if (member.lastOrgLifeAt) {
    lines.push(t("activities-status-org-life", { date: formatDate(member.lastOrgLifeAt, locale, timeZone) }));
  }
  lines.push(
    t("volunteer-status-line", {
      year: String(view.hours.year),
      yearHours: formatHours(view.hours.yearMinutes),
      totalHours: formatHours(view.hours.totalMinutes),
    }),
  );
  if (view.warnings.length > 0) {
    lines.push("", t("membership-warnings-title"));
    const contact = contactPhrase(t, view.contact);
    for (const w of view.warnings) lines.push(warningText(t, locale, w, contact, formatYuan(dues.position.owedFen)));
  }
  return lines.join("\n");
}

/** The open transfer (or a sent-back one with its reason, or none), then the last completed one if any. */
function transferLines(t: Translate, locale: Locale, timeZone: string, view: StatusView): string[] {
  const { open, sentBack, lastCompleted } = view.transfers;
  const lines: string[] = [];
  if (open) {
    const step = currentStep(open.steps);
    lines.push(
      step
        ? t("membership-status-transfer-open", {
            to: open.toOrg.name,
            step: t("transfers-step-kind", { kind: step.kind }),
            org: step.org.name,
            since: formatInstant(step.startedAt, locale, timeZone),
          })
        : t("membership-status-transfer-open-idle", { to: open.toOrg.name }),
    );
  } else if (sentBack) {
    const [returned, reason] = sentBackLines(t, sentBack);
    lines.push(t("membership-status-transfer-sent-back", { returned: returned!, reason: reason! }));
  } else {
    lines.push(t("membership-status-transfer-none"));
  }
  if (lastCompleted) lines.push(completedLine(t, locale, timeZone, lastCompleted));
  return lines;
}

function warningText(t: Translate, locale: Locale, w: MembershipWarning, contact: string, owed: string): string {
  switch (w.kind) {
    case "age-soon":
      return t("membership-warn-age-soon", {
        date: formatDay(toUtcDay(w.turnsOn), locale),
        // monthsLeft counts whole months, so the day is always less than one more month away.
        within: w.monthsLeft + 1,
        contact,
      });
    case "age-soon-post":
      return t("membership-warn-age-soon-post", { date: formatDay(toUtcDay(w.turnsOn), locale) });
    case "age-over":
      return t("membership-warn-age-over", { age: w.age, contact });
    case "age-over-post":
      return t("membership-warn-age-over-post", { age: w.age });
    case "dues-overdue":
      return t("membership-warn-dues-overdue", { months: w.months, amount: owed, contact });
    case "lapse-risk":
      return t("membership-warn-lapse-risk", { months: w.months, amount: owed, contact });
  }
}
