// The transfer rules per reason, the step plan per destination, and the moves the workflow allows.
import { describe, expect, it } from "vitest";
import {
  actionFits,
  checkDestination,
  checkOutsideDestination,
  cleanDestinationName,
  cleanNote,
  destinationText,
  nextMove,
  ownCommittee,
  REASONS,
  stepPlan,
  stepStatusAfter,
} from "../../../bot/features/transfers/rules.ts";
import type { OrgKind, OrgLevel, TransferReason } from "../../../bot/infra/db.ts";

const FROM = 1;
let nextId = 100;
const org = (kind: OrgKind, level: OrgLevel = "GRASSROOTS_COMMITTEE") => ({ id: nextId++, kind, level });
const verdict = (reason: TransferReason, kind: OrgKind, level?: OrgLevel) =>
  checkDestination(reason, FROM, org(kind, level));

const KINDS: OrgKind[] = ["SCHOOL", "ENTERPRISE", "STREET", "GOVERNMENT", "MILITARY", "COMMITTEE", "OTHER"];

/** Which kinds of grassroots organisation each reason accepts. */
const allowedKinds: Record<TransferReason, OrgKind[]> = {
  FURTHER_STUDY: ["SCHOOL"],
  EMPLOYED_WITH_LEAGUE_ORG: ["SCHOOL", "ENTERPRISE", "GOVERNMENT", "OTHER"],
  EMPLOYED_WITHOUT_LEAGUE_ORG: ["STREET"],
  ABROAD_PUBLIC: ["SCHOOL", "ENTERPRISE", "GOVERNMENT"],
  ABROAD_PRIVATE: ["STREET", "OTHER"],
  UNEMPLOYED: ["STREET", "OTHER"],
  MILITARY: [],
  OTHER: ["SCHOOL", "ENTERPRISE", "STREET", "GOVERNMENT", "OTHER"],
};

describe("where each reason may send a membership", () => {
  it.each(REASONS.map((r) => [r]))("%s: grassroots destinations of the allowed kinds only", (reason) => {
    const accepted = KINDS.filter((k) => verdict(reason, k).ok);
    expect(accepted).toEqual(allowedKinds[reason]);
    for (const k of KINDS.filter((k) => !allowedKinds[reason].includes(k))) {
      expect(verdict(reason, k).ok, `${reason} ${k}`).toBe(false);
    }
  });

  it("升学 goes to the new school, never to the 户籍地 (a street or a local committee)", () => {
    expect(verdict("FURTHER_STUDY", "SCHOOL", "BRANCH")).toEqual({ ok: true });
    expect(verdict("FURTHER_STUDY", "SCHOOL", "GENERAL_BRANCH")).toEqual({ ok: true });
    expect(verdict("FURTHER_STUDY", "STREET")).toEqual({ ok: false, problem: "kind" });
    expect(verdict("FURTHER_STUDY", "COMMITTEE", "COUNTY")).toEqual({ ok: false, problem: "kind" });
  });

  it("就业 without a league organisation goes to the 乡镇/街道, not to the company", () => {
    expect(verdict("EMPLOYED_WITHOUT_LEAGUE_ORG", "STREET")).toEqual({ ok: true });
    expect(verdict("EMPLOYED_WITHOUT_LEAGUE_ORG", "ENTERPRISE", "BRANCH")).toEqual({ ok: false, problem: "kind" });
    expect(verdict("EMPLOYED_WITH_LEAGUE_ORG", "ENTERPRISE", "BRANCH")).toEqual({ ok: true });
  });

  it("参军 needs the provincial committee: not a city committee, not an army unit directly", () => {
    expect(verdict("MILITARY", "COMMITTEE", "PROVINCE")).toEqual({ ok: true });
    expect(verdict("MILITARY", "COMMITTEE", "CITY")).toEqual({ ok: false, problem: "level" });
    expect(verdict("MILITARY", "MILITARY", "BRANCH")).toEqual({ ok: false, problem: "kind" });
  });

  it("keeps memberships out of the higher committees for every other reason", () => {
    for (const reason of REASONS.filter((r) => r !== "MILITARY")) {
      for (const level of ["CENTRAL", "PROVINCE", "CITY", "COUNTY"] as OrgLevel[]) {
        expect(verdict(reason, allowedKinds[reason][0]!, level), `${reason} ${level}`).toEqual({
          ok: false,
          problem: "level",
        });
      }
    }
  });

  it("refuses the organisation the member is already in", () => {
    expect(checkDestination("FURTHER_STUDY", 7, { id: 7, kind: "SCHOOL", level: "BRANCH" })).toEqual({
      ok: false,
      problem: "same",
    });
  });
});

describe("the steps a destination needs", () => {
  it("a 团支部 needs the two approvals; a 团委 or 团总支 also assigns a branch", () => {
    expect(stepPlan("FURTHER_STUDY", "BRANCH")).toEqual(["SENDER_APPROVAL", "RECEIVER_APPROVAL"]);
    for (const level of ["GRASSROOTS_COMMITTEE", "GENERAL_BRANCH"] as OrgLevel[]) {
      expect(stepPlan("UNEMPLOYED", level)).toEqual(["SENDER_APPROVAL", "RECEIVER_APPROVAL", "BRANCH_ASSIGNMENT"]);
    }
  });

  it("参军 ends at the provincial committee, which hands the member to the army", () => {
    expect(stepPlan("MILITARY", "PROVINCE")).toEqual(["SENDER_APPROVAL", "RECEIVER_APPROVAL"]);
  });
});

describe("the state machine", () => {
  const plan = stepPlan("UNEMPLOYED", "GRASSROOTS_COMMITTEE");

  it("moves through the plan on approvals and completes after the last step", () => {
    expect(nextMove(plan, 1, "APPROVED")).toEqual({ next: "RECEIVER_APPROVAL" });
    expect(nextMove(plan, 2, "APPROVED")).toEqual({ next: "BRANCH_ASSIGNMENT" });
    expect(nextMove(plan, 3, "APPROVED")).toEqual({ close: "COMPLETED" });
    expect(nextMove(["SENDER_APPROVAL", "RECEIVER_APPROVAL"], 2, "APPROVED")).toEqual({ close: "COMPLETED" });
  });

  it("closes on a rejection or a cancellation at any step", () => {
    for (const seq of [1, 2, 3]) {
      expect(nextMove(plan, seq, "REJECTED")).toEqual({ close: "REJECTED" });
      expect(nextMove(plan, seq, "CANCELLED")).toEqual({ close: "CANCELLED" });
    }
  });

  it("approves approval steps, assigns on the assignment step, rejects and claims anywhere", () => {
    expect(actionFits("SENDER_APPROVAL", "approve")).toBe(true);
    expect(actionFits("BRANCH_ASSIGNMENT", "approve")).toBe(false);
    expect(actionFits("BRANCH_ASSIGNMENT", "assign")).toBe(true);
    expect(actionFits("RECEIVER_APPROVAL", "assign")).toBe(false);
    for (const kind of ["SENDER_APPROVAL", "RECEIVER_APPROVAL", "BRANCH_ASSIGNMENT"] as const) {
      expect(actionFits(kind, "reject")).toBe(true);
      expect(actionFits(kind, "claim")).toBe(true);
    }
    expect(stepStatusAfter("assign")).toBe("APPROVED");
    expect(stepStatusAfter("reject")).toBe("REJECTED");
  });

  it("accepts notes of 1–300 characters", () => {
    expect(cleanNote("  请补充毕业证明 ")).toEqual({ note: "请补充毕业证明" });
    expect(cleanNote("   ")).toEqual({ problem: "empty" });
    expect(cleanNote("说".repeat(301))).toEqual({ problem: "too-long" });
    expect(cleanNote("说".repeat(300))).toEqual({ note: "说".repeat(300) });
  });
});

describe("a destination not in Tuanzhu", () => {
  it("goes to a committee (province to grassroots), never to a branch or the member's own organisation", () => {
    expect(checkOutsideDestination(1, { id: 2, kind: "COMMITTEE", level: "CITY" })).toEqual({ ok: true });
    expect(checkOutsideDestination(1, { id: 2, kind: "SCHOOL", level: "GRASSROOTS_COMMITTEE" })).toEqual({ ok: true });
    expect(checkOutsideDestination(1, { id: 2, kind: "SCHOOL", level: "BRANCH" })).toEqual({
      ok: false,
      problem: "level",
    });
    expect(checkOutsideDestination(1, { id: 2, kind: "COMMITTEE", level: "CENTRAL" })).toMatchObject({ ok: false });
    expect(checkOutsideDestination(2, { id: 2, kind: "COMMITTEE", level: "CITY" })).toEqual({
      ok: false,
      problem: "same",
    });
  });

  it("finds the member's own committee above the 团总支, nearest first", () => {
    const above = [
      { id: 5, level: "GENERAL_BRANCH" as const },
      { id: 4, level: "GRASSROOTS_COMMITTEE" as const },
      { id: 3, level: "CITY" as const },
    ];
    expect(ownCommittee(above)?.id).toBe(4);
    expect(ownCommittee([{ id: 5, level: "GENERAL_BRANCH" as const }])).toBeUndefined();
  });

  it("takes a typed name of 2 to 60 characters on one line", () => {
    expect(cleanDestinationName("  北京字节跳动\n科技有限公司 ")).toEqual({ name: "北京字节跳动 科技有限公司" });
    expect(cleanDestinationName("腾")).toEqual({ problem: "short" });
    expect(cleanDestinationName("腾".repeat(61))).toEqual({ problem: "long" });
    expect(destinationText("共青团广州市委员会", "腾讯")).toBe("腾讯 / 共青团广州市委员会");
    expect(destinationText("华南理工大学团委", null)).toBe("华南理工大学团委");
  });
});
