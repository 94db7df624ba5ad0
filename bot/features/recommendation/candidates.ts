// The facts about 推优 candidates, read from the database: age from the birth date on the injected clock's day,
// and this year's 团籍注册 result (注册 in a registration campaign that opened this calendar year).
import type { Db, Prisma } from "../../infra/db.ts";
import type { HintContext, Said } from "../campaigns/kind.ts";
import { registrationKind } from "../campaigns/kinds/registration.ts";
import { birthdayAt, dayOf, type LocalDate, localDateOf, toUtcDay } from "../membership/rules.ts";
import { type CandidateProblem, candidateProblems, PARTY_MIN_AGE } from "./rules.ts";

type Tx = Prisma.TransactionClient | Db;

/** The registration decision that counts as registered (团籍注册 result 注册). */
export const REGISTERED = "register";

/** Members among `memberIds` registered in a registration campaign that opened in `year`. */
export async function registeredIn(db: Tx, memberIds: number[], year: number): Promise<Set<number>> {
  if (!memberIds.length) return new Set();
  const rows = await db.campaignEntry.findMany({
    where: {
      memberId: { in: memberIds },
      decision: REGISTERED,
      campaign: {
        kind: registrationKind.name,
        opensOn: { gte: toUtcDay({ year, month: 1, day: 1 }), lt: toUtcDay({ year: year + 1, month: 1, day: 1 }) },
      },
    },
    select: { memberId: true },
  });
  return new Set(rows.map((r) => r.memberId));
}

export interface CandidateCheck {
  memberId: number;
  name: string;
  problems: CandidateProblem[];
  /** The day they turn 18 (stated in an under-18 refusal). */
  turns18: LocalDate;
}

/** Each member's problems as a candidate of `branchId` on `today`. */
export async function checkCandidates(
  db: Tx,
  branchId: number,
  memberIds: number[],
  today: LocalDate,
): Promise<CandidateCheck[]> {
  const members = await db.member.findMany({
    where: { id: { in: memberIds } },
    select: { id: true, name: true, birthDate: true, orgId: true, status: true },
  });
  const registered = await registeredIn(
    db,
    members.map((m) => m.id),
    today.year,
  );
  const byId = new Map(members.map((m) => [m.id, m]));
  return memberIds.flatMap((id) => {
    const m = byId.get(id);
    if (!m) return [];
    const birth = dayOf(m.birthDate);
    return [
      {
        memberId: id,
        name: m.name,
        turns18: birthdayAt(birth, PARTY_MIN_AGE),
        problems: candidateProblems({
          birth,
          today,
          registeredThisYear: registered.has(id),
          activeInBranch: m.status === "ACTIVE" && m.orgId === branchId,
        }),
      },
    ];
  });
}

/** Hints beside names for deciders: under 18, not registered this year (facts, never decisions). */
export async function candidateHints({ db, today, timeZone }: HintContext, memberIds: number[]) {
  const day = localDateOf(today, timeZone);
  const members = await db.member.findMany({ where: { id: { in: memberIds } }, select: { id: true, orgId: true } });
  const out = new Map<number, Said[]>();
  const byBranch = new Map<number, number[]>();
  for (const m of members) byBranch.set(m.orgId, [...(byBranch.get(m.orgId) ?? []), m.id]);
  for (const [branchId, ids] of byBranch) {
    for (const check of await checkCandidates(db, branchId, ids, day)) {
      const said = check.problems
        .filter((p) => p !== "not-member")
        .map((p) => ({ key: `campaigns-recommendation-hint-${p}` }));
      if (said.length) out.set(check.memberId, said);
    }
  }
  return out;
}

/** Whether every member has a vote recorded at a meeting of this campaign with this outcome. */
export async function meetingDecisionsMatch(tx: Tx, campaignId: number, memberIds: number[], passed: boolean) {
  const found = await tx.recommendationVote.count({
    where: { memberId: { in: memberIds }, passed, meeting: { campaignId } },
  });
  return found === new Set(memberIds).size;
}
