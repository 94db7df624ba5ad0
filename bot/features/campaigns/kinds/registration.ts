// 团籍注册 (the yearly membership registration) as a campaign kind: each member confirms their details, or says
// what changed (one or two taps); the 团支书 marks 注册 / 暂缓注册 (with a reason) / 不予注册, for several members
// at once. Unpaid dues and no organisational life this year are shown beside names as hints — a person decides.
import { z } from "zod";
import { Prisma, Role } from "../../../infra/db.ts";
import { monthOf } from "../../dues/months.ts";
import { owedCountSql } from "../../dues/owed.ts";
import { localDateOf, toUtcDay } from "../../membership/rules.ts";
import type { AnswerStep, CampaignKind, HintContext, Said } from "../kind.ts";

const CHANGES = ["org", "study", "dues"] as const;

const response = z.union([
  z.object({ status: z.literal("confirmed") }),
  z.object({ status: z.literal("changed"), what: z.enum(CHANGES) }),
]);

function answer(choice: string): AnswerStep | null {
  if (choice === "ok") return { kind: "response", response: { status: "confirmed" } };
  if (choice === "change") {
    return {
      kind: "ask",
      said: { key: "campaigns-registration-ask-change" },
      choices: CHANGES.map((c) => `change-${c}`),
    };
  }
  const what = CHANGES.find((c) => choice === `change-${c}`);
  return what ? { kind: "response", response: { status: "changed", what } } : null;
}

/** Months owed (the dues rule, owed.ts) and no activity check-in since 1 January, for the members named. */
async function hints({ db, today, timeZone }: HintContext, memberIds: number[]) {
  const month = monthOf(today, timeZone);
  const yearStart = toUtcDay({ year: localDateOf(today, timeZone).year, month: 1, day: 1 });
  const rows = await db.$queryRaw<{ id: number; owed: number; no_life: boolean }[]>(Prisma.sql`
    SELECT m.id, ${owedCountSql(month)} AS owed,
           (m.last_org_life_at IS NULL OR m.last_org_life_at < ${yearStart}) AS no_life
    FROM members m WHERE m.id IN (${Prisma.join(memberIds)})`);
  const out = new Map<number, Said[]>();
  for (const r of rows) {
    const said: Said[] = [];
    if (r.owed > 0) said.push({ key: "campaigns-registration-hint-owed", args: { months: r.owed } });
    if (r.no_life) said.push({ key: "campaigns-registration-hint-no-org-life" });
    if (said.length) out.set(r.id, said);
  }
  return out;
}

export const registrationKind: CampaignKind = {
  name: "registration",
  openRoles: [Role.COMMITTEE_STAFF, Role.ADMIN],
  decideRoles: [Role.BRANCH_SECRETARY, Role.COMMITTEE_STAFF, Role.ADMIN],
  doneWhen: "decision",
  response,
  firstChoices: ["ok", "change"],
  answer,
  choiceWords: {
    ok: ["确认", "无误", "没变化", "没有变化", "信息无误", "对的", "正确", "confirm", "correct", "no change"],
    change: ["有变化", "有变动", "变了", "不对", "信息有误", "changed", "something changed", "wrong"],
    "change-org": ["组织变了", "换组织", "所在组织", "转学", "换单位", "organisation", "org"],
    "change-study": ["学习工作状态", "毕业", "工作了", "就业", "状态变了", "study", "work", "status"],
    "change-dues": ["团费", "团费不对", "dues"],
  },
  decisions: ["register", "defer", "refuse"],
  reasonRequired: ["defer"],
  decisionWords: {
    register: ["注册", "予以注册", "通过", "register", "registered"],
    defer: ["暂缓", "暂缓注册", "defer", "postpone"],
    refuse: ["不予注册", "不注册", "refuse", "reject"],
  },
  hints,
  describeResponse(r) {
    return r.status === "confirmed"
      ? { key: "campaigns-registration-response-ok" }
      : { key: `campaigns-registration-response-change-${String(r.what)}` };
  },
};
