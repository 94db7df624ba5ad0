// The one-tap action for each 入团 step, the same on /applicants, on a new step's notice and on its nudges.
import type { JoinStepKind } from "../../infra/db.ts";

export const STEP_BUTTON: Record<JoinStepKind, { labelKey: string; action: string }> = {
  MARK_ACTIVIST: { labelKey: "joining-button-activist", action: "join-activist" },
  MARK_CANDIDATE: { labelKey: "joining-button-candidate", action: "join-candidate" },
  RECORD_MEETING: { labelKey: "joining-button-meeting", action: "join-meeting" },
  APPROVE: { labelKey: "joining-button-approve", action: "join-approve" },
  ENTER_CODE: { labelKey: "joining-button-code", action: "join-code" },
};

/** The step's button; an 入团积极分子's step also offers recording 团课 hours (by application id). */
export function stepButtonRow(
  kind: JoinStepKind,
  stepId: number,
  applicationId: number,
): { labelKey: string; payload: string }[] {
  const main = STEP_BUTTON[kind];
  const row = [{ labelKey: main.labelKey, payload: `${main.action}:${stepId}` }];
  if (kind === "MARK_CANDIDATE")
    row.unshift({ labelKey: "joining-button-hours", payload: `join-hours:${applicationId}` });
  return row;
}
