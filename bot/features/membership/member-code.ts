// 发展团员编号: 12 digits; for members who joined from 2017 on, the first four are the joining year.

export const CODE_YEAR_RULE_FROM = 2017;

export type CodeProblem = "format" | "year";

export function checkMemberCode(code: string, joinedYear?: number): CodeProblem | null {
  if (!/^\d{12}$/.test(code)) return "format";
  if (joinedYear !== undefined && joinedYear >= CODE_YEAR_RULE_FROM && Number(code.slice(0, 4)) !== joinedYear) {
    return "year";
  }
  return null;
}

/** 2019****0001: enough for its owner to recognise, too little to copy. */
export function maskMemberCode(code: string): string {
  return code.length === 12 ? `${code.slice(0, 4)}****${code.slice(8)}` : "****";
}
