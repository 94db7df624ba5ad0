// `npm run db:seed`: reference data (the dues table) and the demo subtree. Idempotent: run it as often as you like.
import type { Config } from "../../bot/config.ts";
import { addMonths, monthOf, monthRange } from "../../bot/features/dues/months.ts";
import { monthlyDues } from "../../bot/features/dues/rules.ts";
import { createOrganisation } from "../../bot/features/orgs/org-service.ts";
import type { Db } from "../../bot/infra/db.ts";
import { keyedHash } from "../../bot/infra/keyed-hash.ts";
import { type DemoMember, demoPeople, generatedMembers } from "./demo-members.ts";
import { demoOrgs } from "./demo-orgs.ts";
import { duesRates, duesRatesEffectiveFrom } from "./dues-rates.ts";
import { seedWorkCalendar } from "./work-calendar.ts";

export async function seedReferenceData(db: Db) {
  await seedWorkCalendar(db);
  if ((await db.duesRate.count()) > 0) return;
  await db.duesRate.createMany({
    data: duesRates.map((r) => ({ effectiveFrom: duesRatesEffectiveFrom, ...r })),
  });
}

function yearsAgo(now: Date, years: number, months = 0): Date {
  return new Date(Date.UTC(now.getUTCFullYear() - years, now.getUTCMonth() - months, 15));
}

export async function seedDemo(db: Db, config: Pick<Config, "ID_HASH_SECRET" | "TZ">, now = new Date()) {
  await seedReferenceData(db);
  const orgIds = new Map<string, number>();
  for (const o of demoOrgs) {
    const existing = await db.organisation.findUnique({ where: { code: o.code } });
    const org =
      existing ??
      (await createOrganisation(db, {
        code: o.code,
        name: o.name,
        level: o.level,
        kind: o.kind,
        ...(o.shortName ? { shortName: o.shortName } : {}),
        parentId: o.parent ? orgIds.get(o.parent)! : null,
      }));
    orgIds.set(o.code, org.id);
  }

  const rates = await db.duesRate.findMany();
  const current = monthOf(now, config.TZ);
  for (const m of [...demoPeople, ...generatedMembers()]) {
    await seedMember(db, config, m, orgIds, rates, current, now);
  }
}

async function seedMember(
  db: Db,
  config: Pick<Config, "ID_HASH_SECRET">,
  m: DemoMember,
  orgIds: Map<string, number>,
  rates: Awaited<ReturnType<Db["duesRate"]["findMany"]>>,
  current: number,
  now: Date,
) {
  if (await db.member.findUnique({ where: { code: m.code } })) return;
  const joinedAt = new Date(Date.UTC(m.joinedYear, 4, 4));
  const incomeFen = m.incomeYuan === undefined ? null : m.incomeYuan * 100;
  await db.$transaction(async (tx) => {
    const member = await tx.member.create({
      data: {
        code: m.code,
        name: m.name,
        idHash: keyedHash(config.ID_HASH_SECRET, m.idNumber),
        idLast4: m.idNumber.slice(-4),
        birthDate: yearsAgo(now, m.birth.yearsAgo, m.birth.monthsAgo),
        joinedAt,
        duesCategory: m.category,
        monthlyIncomeFen: incomeFen,
        hasLeaguePost: m.hasLeaguePost ?? false,
        orgId: orgIds.get(m.branch)!,
      },
    });
    for (const r of m.roles ?? []) {
      await tx.roleAssignment.create({ data: { memberId: member.id, orgId: orgIds.get(r.org)!, role: r.role } });
    }
    // Dues paid before Tuanzhu came along, as one imported payment up to `owedMonths` before now.
    const paidMonths = monthRange(m.joinedYear * 100 + 5, addMonths(current, -m.owedMonths));
    if (paidMonths.length === 0) return;
    const monthly = monthlyDues(rates, m.category, incomeFen, now)?.amountFen ?? 0;
    const payment = await tx.duesPayment.create({
      data: {
        memberId: member.id,
        reference: `SEED-${m.code}`,
        method: "CASH",
        status: "CONFIRMED",
        months: paidMonths.length,
        amountFen: monthly * paidMonths.length,
        note: "imported",
        settledAt: now,
      },
    });
    await tx.duesMonth.createMany({
      data: paidMonths.map((month) => ({ memberId: member.id, month, amountFen: monthly, paymentId: payment.id })),
    });
  });
}
