// The dues picture in words: the monthly amount and why, paid-through month, what is owed, the last payment.
import type { Locale, Translate } from "../../core/i18n.ts";
import { formatDate, formatMonthName } from "../membership/format.ts";
import type { DuesPicture } from "./dues-service.ts";
import { formatDecimal, formatYuan } from "./money.ts";
import type { DuesExplanation } from "./rules.ts";

/** "2026年10月", "2026年12月（已预缴）" or "none paid yet". */
export function paidThroughText(t: Translate, locale: Locale, dues: DuesPicture): string {
  const through = dues.position.paidThrough;
  if (through === null) return t("dues-paid-none");
  return t("dues-paid-through-month", {
    month: formatMonthName(through, locale),
    ahead: through > dues.current ? "yes" : "no",
  });
}

/** "欠缴 4 个月（2026年8月 至 2026年11月），共 12.00 元" or "无欠缴". */
export function owedText(t: Translate, locale: Locale, dues: DuesPicture): string {
  const owed = dues.position.owedMonths;
  if (owed.length === 0) return t("dues-owed-nothing");
  if (!dues.monthly) return t("dues-owed-months-only", { months: owed.length });
  return t("dues-owed", {
    months: owed.length,
    from: formatMonthName(owed[0]!, locale),
    to: formatMonthName(owed[owed.length - 1]!, locale),
    amount: formatYuan(dues.position.owedFen),
  });
}

/** A confirmed change that starts later, and a reported one waiting for a leader (/me and /dues). */
export function changeLines(t: Translate, locale: Locale, dues: DuesPicture): string[] {
  const lines: string[] = [];
  if (dues.upcoming) {
    lines.push(
      t("circumstance-dues-upcoming", {
        month: formatMonthName(dues.upcoming.month, locale),
        amount: formatYuan(dues.upcoming.amountFen),
      }),
    );
  }
  const p = dues.pendingChange;
  if (p) {
    lines.push(
      t("circumstance-dues-pending", {
        month: formatMonthName(p.month, locale),
        category: p.category,
        income: formatYuan(p.incomeFen ?? 0),
      }),
    );
  }
  return lines;
}

export function explanationText(t: Translate, e: DuesExplanation): string {
  if (e.kind === "fixed") {
    return t("dues-why-fixed", {
      category: e.category,
      amount: formatYuan(e.amountFen),
      income: formatDecimal(e.incomeFen ?? 0, 2),
      below: formatDecimal(e.incomeBelowFen ?? 0, 2),
    });
  }
  return t("dues-why-share", {
    income: formatDecimal(e.incomeFen, 2),
    from: formatDecimal(e.incomeFromFen ?? 0, 2),
    percent: formatDecimal(e.ratePer10k, 2),
    share: formatDecimal(e.shareMicroYuan, 6),
    floored: formatDecimal(e.flooredFen, 2),
    cap: e.capFen === null ? "-" : formatDecimal(e.capFen, 2),
    capped: e.capped ? "yes" : "no",
    amount: formatYuan(e.amountFen),
  });
}

export function renderDues(
  t: Translate,
  locale: Locale,
  timeZone: string,
  name: string,
  dues: DuesPicture,
  contact: string,
): string {
  const lines = [t("dues-view-title", { name })];
  if (dues.monthly && dues.explanation) {
    lines.push(t("dues-view-monthly", { amount: formatYuan(dues.monthly.amountFen) }));
    lines.push(t("dues-view-why", { why: explanationText(t, dues.explanation) }));
  } else {
    lines.push(t("dues-view-no-rate", { contact }));
  }
  lines.push(...changeLines(t, locale, dues));
  lines.push(t("dues-view-start", { month: formatMonthName(dues.startMonth, locale) }));
  lines.push(t("dues-view-paid-through", { through: paidThroughText(t, locale, dues) }));
  lines.push(t("dues-view-owed", { owed: owedText(t, locale, dues) }));
  const last = dues.lastPayment;
  lines.push(
    last
      ? t("dues-view-last-payment", {
          date: formatDate(last.at, locale, timeZone),
          amount: formatYuan(last.amountFen),
          months: last.months,
        })
      : t("dues-view-last-payment-none"),
  );
  const pending = dues.pending;
  if (pending) {
    lines.push(
      t("dues-view-pending", {
        reference: pending.reference,
        months: pending.months,
        amount: formatYuan(pending.amountFen),
        proof: pending.hasProof ? "yes" : "no",
      }),
    );
  } else if (dues.position.owedMonths.length > 0) {
    lines.push(t("dues-view-how-to-pay", { contact }));
  }
  return lines.join("\n");
}
