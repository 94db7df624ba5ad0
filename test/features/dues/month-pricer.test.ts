// A month's price comes from the change of circumstance and the rate table in force that month; the pricer works it
// out once per stretch between those. Checked against pricing every month on its own, for tables that take effect
// on a month's first day and part-way through one, and changes of circumstance before, inside and after the ledger.
import { describe, expect, it } from "vitest";
import { type ConfirmedChange, circumstanceAt } from "../../../bot/features/dues/history.ts";
import { monthPricer } from "../../../bot/features/dues/ledger.ts";
import { addMonths, monthRange } from "../../../bot/features/dues/months.ts";
import { monthlyDuesForMonth, type Rate } from "../../../bot/features/dues/rules.ts";
import type { DuesCategory } from "../../../bot/infra/db.ts";

const categories: DuesCategory[] = ["STUDENT", "NO_INCOME", "SALARIED"];

/** A small deterministic generator, so a failure is the same on every run. */
function random(seed: number) {
  let state = seed;
  return (n: number) => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state % n;
  };
}

function table(pick: (n: number) => number, effectiveFrom: Date): Rate[] {
  return [
    {
      effectiveFrom,
      category: "STUDENT",
      incomeFromFen: null,
      incomeToFen: null,
      fixedFen: 20 * (1 + pick(3)),
      ratePer10k: null,
      capFen: null,
    },
    {
      effectiveFrom,
      category: "NO_INCOME",
      incomeFromFen: null,
      incomeToFen: null,
      fixedFen: 20 + pick(50),
      ratePer10k: null,
      capFen: null,
    },
    {
      effectiveFrom,
      category: "SALARIED",
      incomeFromFen: 0,
      incomeToFen: 300_000,
      fixedFen: null,
      ratePer10k: 50 + pick(50),
      capFen: null,
    },
    {
      effectiveFrom,
      category: "SALARIED",
      incomeFromFen: 300_000,
      incomeToFen: null,
      fixedFen: null,
      ratePer10k: 100,
      capFen: 10_000,
    },
  ];
}

describe("monthPricer", () => {
  it("prices every month as pricing that month alone does", () => {
    for (let seed = 1; seed <= 200; seed++) {
      const pick = random(seed);
      const rates = Array.from({ length: 1 + pick(3) }, () =>
        table(pick, new Date(Date.UTC(2016 + pick(10), pick(12), pick(2) ? 1 : 1 + pick(28), pick(2) ? 0 : pick(24)))),
      ).flat();
      let month = addMonths(201501, pick(60));
      const changes: ConfirmedChange[] = Array.from({ length: pick(4) }, () => {
        month = addMonths(month, 1 + pick(30));
        return {
          memberId: 1,
          effectiveMonth: month,
          fromCategory: categories[pick(3)]!,
          fromIncomeFen: pick(2) ? 100_000 + pick(400_000) : null,
        };
      });
      const member = { duesCategory: categories[pick(3)]!, monthlyIncomeFen: pick(2) ? 100_000 + pick(400_000) : null };
      const price = monthPricer(rates, member, changes);
      // Asked in a jumbled order, as nothing promises the months come oldest first.
      const months = monthRange(201401, 202812).sort((a, b) => ((a * 7919) % 97) - ((b * 7919) % 97));
      for (const m of months) {
        const at = circumstanceAt(member, changes, m);
        const alone = monthlyDuesForMonth(rates, at.duesCategory, at.monthlyIncomeFen, m)?.amountFen ?? null;
        expect([seed, m, price(m)]).toEqual([seed, m, alone]);
      }
    }
  });
});
