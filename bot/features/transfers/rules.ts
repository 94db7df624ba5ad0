// The transfer rules, without I/O: where each reason may send a membership, which steps a destination needs, and
// which moves the workflow allows. Facts from the league's transfer practice (DESIGN.md, domain rules).
import {
  OrgKind,
  OrgLevel,
  RejectCode,
  Role,
  StepStatus,
  TransferReason,
  TransferStatus,
  TransferStepKind,
} from "../../infra/db.ts";

/** Roles that act on transfer steps: 团支书, committee staff, admins (treasurers handle dues only). */
export const ACT_ROLES: readonly Role[] = [Role.BRANCH_SECRETARY, Role.COMMITTEE_STAFF, Role.ADMIN];

export const REASONS: readonly TransferReason[] = [
  TransferReason.FURTHER_STUDY,
  TransferReason.EMPLOYED_WITH_LEAGUE_ORG,
  TransferReason.EMPLOYED_WITHOUT_LEAGUE_ORG,
  TransferReason.ABROAD_PUBLIC,
  TransferReason.ABROAD_PRIVATE,
  TransferReason.UNEMPLOYED,
  TransferReason.MILITARY,
  TransferReason.OTHER,
];

export const REJECT_CODES: readonly RejectCode[] = [
  RejectCode.INCOMPLETE_INFO,
  RejectCode.WRONG_DESTINATION,
  RejectCode.NOT_OUR_MEMBER,
  RejectCode.DESTINATION_NOT_ALLOWED,
  RejectCode.REPORT_IN_PERSON,
  RejectCode.OTHER,
];

/** A membership lives in a grassroots organisation; the higher committees only receive 参军 (see below). */
const GRASSROOTS: readonly OrgLevel[] = [OrgLevel.GRASSROOTS_COMMITTEE, OrgLevel.GENERAL_BRANCH, OrgLevel.BRANCH];

export interface DestinationRule {
  kinds: readonly OrgKind[];
  levels: readonly OrgLevel[];
}

export const DESTINATION_RULES: Record<TransferReason, DestinationRule> = {
  // 升学: the new school's league organisation, never the 户籍地.
  FURTHER_STUDY: { kinds: [OrgKind.SCHOOL], levels: GRASSROOTS },
  // The employer's own league organisation (a school or a public body employs people too).
  EMPLOYED_WITH_LEAGUE_ORG: {
    kinds: [OrgKind.ENTERPRISE, OrgKind.GOVERNMENT, OrgKind.SCHOOL, OrgKind.OTHER],
    levels: GRASSROOTS,
  },
  // No league organisation at work: the 乡镇/街道 where the employer is.
  EMPLOYED_WITHOUT_LEAGUE_ORG: { kinds: [OrgKind.STREET], levels: GRASSROOTS },
  // 公派: the sending unit's organisation.
  ABROAD_PUBLIC: { kinds: [OrgKind.SCHOOL, OrgKind.ENTERPRISE, OrgKind.GOVERNMENT], levels: GRASSROOTS },
  // 自费: the 乡镇/街道 of the 户籍, or the talent-service body holding the file (OTHER).
  ABROAD_PRIVATE: { kinds: [OrgKind.STREET, OrgKind.OTHER], levels: GRASSROOTS },
  // 待业: the 乡镇/街道 where they live, or the talent-service body.
  UNEMPLOYED: { kinds: [OrgKind.STREET, OrgKind.OTHER], levels: GRASSROOTS },
  // 参军: handed to the army through the provincial committee.
  MILITARY: { kinds: [OrgKind.COMMITTEE], levels: [OrgLevel.PROVINCE] },
  OTHER: {
    kinds: [OrgKind.SCHOOL, OrgKind.ENTERPRISE, OrgKind.STREET, OrgKind.GOVERNMENT, OrgKind.OTHER],
    levels: GRASSROOTS,
  },
};

export interface DestinationFacts {
  id: number;
  kind: OrgKind;
  level: OrgLevel;
}

export type DestinationVerdict = { ok: true } | { ok: false; problem: "same" | "kind" | "level" };

/** Whether the member (now in `fromOrgId`) may move to `to` for `reason`. */
export function checkDestination(reason: TransferReason, fromOrgId: number, to: DestinationFacts): DestinationVerdict {
  if (to.id === fromOrgId) return { ok: false, problem: "same" };
  const rule = DESTINATION_RULES[reason];
  if (!rule.kinds.includes(to.kind)) return { ok: false, problem: "kind" };
  if (!rule.levels.includes(to.level)) return { ok: false, problem: "level" };
  return { ok: true };
}

/** Levels of a committee that can receive a request for an organisation not in Tuanzhu and assign it. */
const AREA_COMMITTEES: readonly OrgLevel[] = [
  OrgLevel.PROVINCE,
  OrgLevel.CITY,
  OrgLevel.COUNTY,
  OrgLevel.GRASSROOTS_COMMITTEE,
];

/**
 * A destination named by the member that is not in Tuanzhu (字节跳动): the request goes to a committee, which
 * approves it and then assigns the right organisation; any reason's kind rule is the committee's to apply then.
 */
export function checkOutsideDestination(fromOrgId: number, to: DestinationFacts): DestinationVerdict {
  if (to.id === fromOrgId) return { ok: false, problem: "same" };
  if (!AREA_COMMITTEES.includes(to.level)) return { ok: false, problem: "level" };
  return { ok: true };
}

/** The member's own committee: the nearest organisation above them (nearest first) that is a 团委. */
export function ownCommittee<T extends { level: OrgLevel }>(ancestorsNearestFirst: readonly T[]): T | undefined {
  return ancestorsNearestFirst.find((o) => AREA_COMMITTEES.includes(o.level));
}

/** The name of an organisation not in Tuanzhu, as typed: 2 to 60 characters on one line. */
export function cleanDestinationName(text: string): { name: string } | { problem: "short" | "long" } {
  const name = text.replace(/\s+/g, " ").trim();
  if ([...name].length < 2) return { problem: "short" };
  if ([...name].length > 60) return { problem: "long" };
  return { name };
}

/** Where a request goes, as leaders and the member read it: "北京字节跳动科技有限公司 / 共青团广州市委员会". */
export function destinationText(toOrgName: string, destinationName: string | null | undefined): string {
  return destinationName ? `${destinationName} / ${toOrgName}` : toOrgName;
}

/** The reason needs a few words from the member (only "other" does). */
export const needsReasonNote = (reason: TransferReason) => reason === TransferReason.OTHER;

/**
 * The steps in order. A destination above a 团支部 places the member in one of its branches; 参军 ends at the
 * provincial committee, which hands the member over to the army outside this system.
 */
export function stepPlan(reason: TransferReason, toLevel: OrgLevel): TransferStepKind[] {
  const plan: TransferStepKind[] = [TransferStepKind.SENDER_APPROVAL, TransferStepKind.RECEIVER_APPROVAL];
  if (toLevel !== OrgLevel.BRANCH && reason !== TransferReason.MILITARY) plan.push(TransferStepKind.BRANCH_ASSIGNMENT);
  return plan;
}

export type StepAction = "approve" | "reject" | "assign" | "claim" | "cancel";

/** Approving is for the two approval steps, assigning for the assignment step; anything may be rejected. */
export function actionFits(kind: TransferStepKind, action: StepAction): boolean {
  if (action === "approve") return kind !== TransferStepKind.BRANCH_ASSIGNMENT;
  if (action === "assign") return kind === TransferStepKind.BRANCH_ASSIGNMENT;
  return true;
}

/** A step's status after a decision. */
export function stepStatusAfter(action: "approve" | "assign" | "reject" | "cancel"): StepStatus {
  if (action === "reject") return StepStatus.REJECTED;
  if (action === "cancel") return StepStatus.CANCELLED;
  return StepStatus.APPROVED;
}

export type NextMove = { next: TransferStepKind } | { close: TransferStatus };

/** What follows a decision on the step at `seq` (1-based) of a plan. */
export function nextMove(plan: readonly TransferStepKind[], seq: number, status: StepStatus): NextMove {
  if (status === StepStatus.REJECTED) return { close: TransferStatus.REJECTED };
  if (status === StepStatus.CANCELLED) return { close: TransferStatus.CANCELLED };
  const next = plan[seq];
  return next ? { next } : { close: TransferStatus.COMPLETED };
}

/** The longest note a leader may give with a rejection, or a member with "other". */
export const MAX_NOTE_LENGTH = 300;

export function cleanNote(text: string): { note: string } | { problem: "empty" | "too-long" } {
  const note = text.trim();
  if (!note) return { problem: "empty" };
  if ([...note].length > MAX_NOTE_LENGTH) return { problem: "too-long" };
  return { note };
}
