// The columns committees already keep (智慧团建 exports and their own sheets), by header: Chinese as they write
// them, English for operators, matched after trimming and ignoring case, spaces and a "(元)"-style unit.
export type OrgField = "code" | "name" | "shortName" | "level" | "kind" | "parentCode";
export type MemberField =
  | "code"
  | "name"
  | "idNumber"
  | "idLast4"
  | "birthDate"
  | "joinedAt"
  | "orgCode"
  | "duesCategory"
  | "monthlyIncome"
  | "leaguePost";

export const orgColumns: Record<OrgField, string[]> = {
  code: ["组织编码", "团组织编码", "编码", "code"],
  name: ["组织名称", "团组织名称", "名称", "name"],
  shortName: ["简称", "组织简称", "shortname", "short name"],
  level: ["组织类型", "组织层级", "层级", "level"],
  kind: ["单位类型", "所在单位类型", "单位类别", "kind"],
  parentCode: ["上级组织编码", "上级团组织编码", "上级编码", "parent", "parent code"],
};

export const memberColumns: Record<MemberField, string[]> = {
  code: ["团员编号", "发展团员编号", "编号", "code", "member code"],
  name: ["姓名", "name"],
  idNumber: ["身份证号", "身份证号码", "公民身份号码", "id number"],
  idLast4: ["身份证后四位", "身份证号后四位", "id last 4", "id last4"],
  birthDate: ["出生日期", "出生年月", "birth date", "birthday"],
  joinedAt: ["入团时间", "入团日期", "joined", "joined at", "join date"],
  orgCode: ["所在团组织编码", "所在组织编码", "团组织编码", "组织编码", "org code", "organisation code"],
  duesCategory: ["团费类别", "缴费类别", "人员类别", "dues category", "category"],
  monthlyIncome: ["税后月收入", "月收入", "monthly income", "income"],
  leaguePost: ["团干部", "是否团干部", "league post"],
};

export const requiredOrgFields: OrgField[] = ["code", "name", "level"];
export const requiredMemberFields: MemberField[] = ["code", "name", "birthDate", "joinedAt", "orgCode", "duesCategory"];

const normaliseHeader = (h: string) =>
  h
    .normalize("NFKC")
    .replace(/[(（][^)）]*[)）]/g, "")
    .replace(/[\s_]+/g, " ")
    .trim()
    .toLowerCase();

/** Which column index holds each field; headers nobody knows are reported, not guessed. */
export function mapHeaders<F extends string>(
  headers: string[],
  columns: Record<F, string[]>,
): { index: Partial<Record<F, number>>; unknown: string[] } {
  const index: Partial<Record<F, number>> = {};
  const unknown: string[] = [];
  headers.forEach((header, i) => {
    const h = normaliseHeader(header);
    if (!h) return;
    const field = (Object.keys(columns) as F[]).find(
      (f) => index[f] === undefined && columns[f].some((alias) => normaliseHeader(alias) === h),
    );
    if (field) index[field] = i;
    else unknown.push(header);
  });
  return { index, unknown };
}
