// Every row of an import checked on its own and against the file: typed records for the good rows, and for the
// bad ones each column with the reason (a message id in import.ftl). Pure: which organisations already exist is
// passed in; asynchronous only to give the event loop a turn every thousand rows (infra/give-way.ts).
import type { DuesCategory, OrgKind, OrgLevel } from "../../infra/db.ts";
import { giveWay } from "../../infra/give-way.ts";
import { normaliseIdLast4, normaliseName } from "../binding/rules.ts";
import { MAX_MONTHLY_INCOME_FEN } from "../dues/rules.ts";
import { checkMemberCode } from "../membership/member-code.ts";
import {
  type MemberField,
  mapHeaders,
  memberColumns,
  type OrgField,
  orgColumns,
  requiredMemberFields,
  requiredOrgFields,
} from "./columns.ts";
import type { Table } from "./read-table.ts";
import { parseDate, parseDuesCategory, parseIdNumber, parseKind, parseLevel, parseYesNo, parseYuan } from "./values.ts";

export interface Problem {
  /** Row in the file (the header is row 1); 1 for problems with the header itself. */
  line: number;
  /** The column's header as written in the file (or the expected header when it is missing). */
  column: string;
  /** Message id in import.ftl. */
  reason: string;
  value?: string;
}

export interface OrgRecord {
  line: number;
  code: string;
  name: string;
  shortName: string | null;
  level: OrgLevel;
  kind: OrgKind;
  parentCode: string | null;
}

export interface MemberRecord {
  line: number;
  code: string;
  name: string;
  /** The full number, only until it is hashed on the way in; never stored or logged. */
  idNumber: string | null;
  idLast4: string;
  birthDate: Date;
  joinedAt: Date;
  orgCode: string;
  duesCategory: DuesCategory;
  monthlyIncomeFen: number | null;
  hasLeaguePost: boolean;
}

export interface Checked<R> {
  records: R[];
  problems: Problem[];
}

const ORG_CODE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/;
const MAX_NAME = 100;
const MIN_JOIN_AGE = 14;
const MAX_JOIN_AGE = 28;

function headerProblems<F extends string>(
  table: Table,
  columns: Record<F, string[]>,
  required: F[],
): { index: Partial<Record<F, number>>; problems: Problem[] } {
  const { index, unknown } = mapHeaders(table.headers, columns);
  const problems: Problem[] = [
    ...required
      .filter((f) => index[f] === undefined)
      .map((f) => ({ line: 1, column: columns[f][0]!, reason: "import-problem-missing-column" })),
    ...unknown.map((h) => ({ line: 1, column: h, reason: "import-problem-unknown-column" })),
  ];
  return { index, problems };
}

function reader<F extends string>(index: Partial<Record<F, number>>, cells: string[]) {
  return (field: F) => {
    const i = index[field];
    return i === undefined ? "" : (cells[i] ?? "").trim();
  };
}

export async function checkOrgs(table: Table, existingCodes: ReadonlySet<string>): Promise<Checked<OrgRecord>> {
  const { index, problems } = headerProblems(table, orgColumns, requiredOrgFields);
  if (problems.some((p) => p.reason === "import-problem-missing-column")) return { records: [], problems };
  const column = (f: OrgField) => table.headers[index[f]!] ?? orgColumns[f][0]!;
  const seen = new Set<string>();
  const records: OrgRecord[] = [];
  for (const [i, { line, cells }] of table.rows.entries()) {
    await giveWay(i);
    const get = reader(index, cells);
    const bad = (f: OrgField, reason: string) => problems.push({ line, column: column(f), reason, value: get(f) });
    const before = problems.length;
    const code = get("code");
    if (!ORG_CODE.test(code)) bad("code", "import-problem-org-code");
    else if (seen.has(code)) bad("code", "import-problem-duplicate");
    seen.add(code);
    const name = get("name").normalize("NFKC");
    if (!name || name.length > MAX_NAME) bad("name", "import-problem-org-name");
    const level = parseLevel(get("level"));
    if (!level) bad("level", "import-problem-level");
    const kind = parseKind(get("kind"));
    if (!kind) bad("kind", "import-problem-kind");
    const parentCode = get("parentCode") || null;
    if (parentCode === code) bad("parentCode", "import-problem-own-parent");
    if (problems.length === before) {
      records.push({ line, code, name, shortName: get("shortName") || null, level: level!, kind: kind!, parentCode });
    }
  }
  // Parents may come later in the file, so they are checked once every code is known.
  const inFile = new Set(records.map((r) => r.code));
  for (const r of records) {
    if (r.parentCode && !inFile.has(r.parentCode) && !existingCodes.has(r.parentCode)) {
      problems.push({
        line: r.line,
        column: column("parentCode"),
        reason: "import-problem-unknown-org",
        value: r.parentCode,
      });
    }
  }
  // Rows whose parents lead round in a circle never reach the tree.
  const placed = new Set(existingCodes);
  let pending = records.filter((r) => !problems.some((p) => p.line === r.line));
  for (let progress = true; progress; ) {
    const next = pending.filter((r) => !(r.parentCode === null || placed.has(r.parentCode)));
    progress = next.length < pending.length;
    for (const r of pending) if (!next.includes(r)) placed.add(r.code);
    pending = next;
  }
  for (const r of pending) {
    problems.push({
      line: r.line,
      column: column("parentCode"),
      reason: "import-problem-cycle",
      value: r.parentCode ?? "",
    });
  }
  const badLines = new Set(problems.map((p) => p.line));
  return { records: records.filter((r) => !badLines.has(r.line)), problems };
}

const yearsBetween = (from: Date, to: Date) => {
  const years = to.getUTCFullYear() - from.getUTCFullYear();
  const beforeBirthday =
    to.getUTCMonth() < from.getUTCMonth() ||
    (to.getUTCMonth() === from.getUTCMonth() && to.getUTCDate() < from.getUTCDate());
  return beforeBirthday ? years - 1 : years;
};

export async function checkMembers(
  table: Table,
  knownOrgCodes: ReadonlySet<string>,
  today: Date,
): Promise<Checked<MemberRecord>> {
  const { index, problems } = headerProblems(table, memberColumns, requiredMemberFields);
  if (index.idNumber === undefined && index.idLast4 === undefined) {
    problems.push({ line: 1, column: memberColumns.idNumber[0]!, reason: "import-problem-missing-column" });
  }
  if (problems.some((p) => p.reason === "import-problem-missing-column")) return { records: [], problems };
  const column = (f: MemberField) => table.headers[index[f]!] ?? memberColumns[f][0]!;
  const seen = new Set<string>();
  const records: MemberRecord[] = [];
  for (const [i, { line, cells }] of table.rows.entries()) {
    await giveWay(i);
    const get = reader(index, cells);
    // The full ID number never goes into a report: only which column was wrong.
    const bad = (f: MemberField, reason: string) =>
      problems.push({ line, column: column(f), reason, ...(f === "idNumber" ? {} : { value: get(f) }) });
    const before = problems.length;

    const name = normaliseName(get("name"));
    if (!name) bad("name", "import-problem-name");
    const birthDate = parseDate(get("birthDate"));
    if (!birthDate) bad("birthDate", "import-problem-date");
    const joinedAt = parseDate(get("joinedAt"));
    if (!joinedAt) bad("joinedAt", "import-problem-date");
    else if (joinedAt > today) bad("joinedAt", "import-problem-future");
    else if (birthDate) {
      const age = yearsBetween(birthDate, joinedAt);
      if (age < MIN_JOIN_AGE || age > MAX_JOIN_AGE) bad("joinedAt", "import-problem-join-age");
    }
    const code = get("code").normalize("NFKC").replace(/\s/g, "");
    const codeProblem = checkMemberCode(code, joinedAt?.getUTCFullYear());
    if (codeProblem === "format") bad("code", "import-problem-member-code");
    else if (codeProblem === "year") bad("code", "import-problem-member-code-year");
    else if (seen.has(code)) bad("code", "import-problem-duplicate");
    seen.add(code);

    const rawId = get("idNumber");
    const idNumber = rawId ? parseIdNumber(rawId) : null;
    if (rawId && !idNumber) bad("idNumber", "import-problem-id-number");
    const rawLast4 = get("idLast4");
    const last4 = rawLast4 ? normaliseIdLast4(rawLast4) : null;
    if (rawLast4 && !last4) bad("idLast4", "import-problem-id-last4");
    if (idNumber && last4 && idNumber.slice(-4) !== last4) bad("idLast4", "import-problem-id-mismatch");
    if (!rawId && !rawLast4) bad(index.idNumber === undefined ? "idLast4" : "idNumber", "import-problem-required");

    const orgCode = get("orgCode");
    if (!knownOrgCodes.has(orgCode)) bad("orgCode", "import-problem-unknown-org");
    const duesCategory = parseDuesCategory(get("duesCategory"));
    if (!duesCategory) bad("duesCategory", "import-problem-dues-category");
    const rawIncome = get("monthlyIncome");
    const monthlyIncomeFen = rawIncome ? parseYuan(rawIncome) : null;
    const incomeOk = monthlyIncomeFen !== null && monthlyIncomeFen <= MAX_MONTHLY_INCOME_FEN;
    if (rawIncome && !incomeOk) bad("monthlyIncome", "import-problem-income");
    if (duesCategory === "SALARIED" && !rawIncome) bad("monthlyIncome", "import-problem-income-required");
    const hasLeaguePost = parseYesNo(get("leaguePost"));
    if (hasLeaguePost === null) bad("leaguePost", "import-problem-yes-no");

    if (problems.length === before) {
      records.push({
        line,
        code,
        name: name!,
        idNumber,
        idLast4: idNumber?.slice(-4) ?? last4!,
        birthDate: birthDate!,
        joinedAt: joinedAt!,
        orgCode,
        duesCategory: duesCategory!,
        monthlyIncomeFen: duesCategory === "SALARIED" ? monthlyIncomeFen : null,
        hasLeaguePost: hasLeaguePost!,
      });
    }
  }
  return { records, problems };
}
