// The branch meeting rule shared by 入团 (a 发展对象 becomes a member) and 推优入党 (a member is recommended to the
// Party): a vote passes only when more than half of the members due to attend were present AND more than half of
// those due voted for. Pure; the numbers come from the record a leader types.

export interface MeetingVote {
  /** Members entitled to attend and vote (应到). */
  due: number;
  /** Members present (实到). */
  present: number;
  /** Votes for this candidate (赞成票). */
  votesFor: number;
}

export type MeetingProblem = "not-whole" | "no-one-due" | "present-over-due" | "votes-over-present";

/** Why a typed record cannot be true, or null when it can. */
export function meetingProblem(v: MeetingVote): MeetingProblem | null {
  if (![v.due, v.present, v.votesFor].every((n) => Number.isInteger(n) && n >= 0)) return "not-whole";
  if (v.due === 0) return "no-one-due";
  if (v.present > v.due) return "present-over-due";
  if (v.votesFor > v.present) return "votes-over-present";
  return null;
}

/** Strictly more than half of those due, both for attendance and for the votes in favour. */
export function meetingPasses(v: MeetingVote): boolean {
  return meetingProblem(v) === null && v.present * 2 > v.due && v.votesFor * 2 > v.due;
}
