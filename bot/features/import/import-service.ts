// Writes a checked import: organisations wave by wave down the tree, members in bulk chunks, each an upsert by
// code that leaves unchanged rows untouched (re-importing a file changes nothing). Nothing is written when a row
// is bad unless a partial import was asked for; what is written commits as one transaction.
import type { Config } from "../../config.ts";
import type { Audit } from "../../core/audit.ts";
import type { Db, Prisma } from "../../infra/db.ts";
import { keyedHash } from "../../infra/keyed-hash.ts";
import { initialsOf, pinyinOf } from "../orgs/org-service.ts";
import { mapHeaders, memberColumns, orgColumns } from "./columns.ts";
import type { Table } from "./read-table.ts";
import { hideOutside, memberScopeProblems, orgScopeProblems } from "./scope.ts";
import { type Checked, checkMembers, checkOrgs, type MemberRecord, type OrgRecord, type Problem } from "./validate.ts";

const MEMBER_CHUNK = 5_000;
const LONG_TX = { timeout: 15 * 60_000, maxWait: 30_000 };

export interface ImportOptions {
  /** Write the good rows even when some are bad. */
  partial?: boolean;
  /** Check only. */
  dryRun?: boolean;
  /** Who imports, for the audit log ("token:3", "cli"). */
  actorLabel: string;
  /** Only this organisation's subtree may be touched (an admin API token's scope); rows outside it are problems. */
  scopeOrgId?: number;
  onProgress?: (done: number, total: number) => void;
}

export interface ImportReport {
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  problems: Problem[];
  /** False when nothing was written (bad rows without `partial`, or a dry run). */
  written: boolean;
}

type Tx = Prisma.TransactionClient;

function columnValues<F extends string>(table: Table, columns: Record<F, string[]>, field: F): string[] {
  const i = mapHeaders(table.headers, columns).index[field];
  if (i === undefined) return [];
  return [...new Set(table.rows.map((r) => (r.cells[i] ?? "").trim()).filter(Boolean))];
}

async function existingOrgs(db: Db | Tx, codes: string[]) {
  const rows = await db.organisation.findMany({
    where: { code: { in: codes } },
    select: {
      id: true,
      code: true,
      parentId: true,
      ancestorIds: true,
      depth: true,
      parent: { select: { code: true } },
    },
  });
  return new Map(rows.map((r) => [r.code, r]));
}

/** The header of a field as the file writes it (or the expected one when it is missing). */
function headerOf<F extends string>(table: Table, columns: Record<F, string[]>, field: F): string {
  const i = mapHeaders(table.headers, columns).index[field];
  return (i === undefined ? undefined : table.headers[i]) ?? columns[field][0]!;
}

/** Codes of members kept by an organisation outside the subtree of `orgId`. */
async function memberCodesOutside(db: Db, codes: string[], orgId: number): Promise<Set<string>> {
  if (codes.length === 0) return new Set();
  // One array parameter, however many rows the file has.
  const rows = await db.$queryRawUnsafe<{ code: string }[]>(
    `SELECT m.code FROM members m JOIN organisations o ON o.id = m.org_id
     WHERE m.code = ANY($1::text[]) AND NOT (o.ancestor_ids @> ARRAY[$2::int])`,
    codes,
    orgId,
  );
  return new Set(rows.map((r) => r.code));
}

function finish<R>(checked: Checked<R>, total: number, options: ImportOptions): ImportReport | null {
  const blocked = checked.problems.length > 0 && !options.partial;
  if (!blocked && !options.dryRun) return null;
  return { rows: total, created: 0, updated: 0, unchanged: 0, problems: checked.problems, written: false };
}

export async function importOrganisations(
  deps: { db: Db; audit: Audit },
  table: Table,
  options: ImportOptions,
): Promise<ImportReport> {
  const { db } = deps;
  const codes = [...columnValues(table, orgColumns, "code"), ...columnValues(table, orgColumns, "parentCode")];
  const existing = await existingOrgs(db, codes);
  const checked = hideOutside(await checkOrgs(table, new Set(existing.keys())), options.scopeOrgId);
  // Moving an organisation re-roots its whole subtree: that is the admin API's move, not a side effect of a sheet.
  // A scoped import is told nothing about where an organisation outside its subtree sits.
  const visible = (o: { ancestorIds: number[] }) =>
    options.scopeOrgId === undefined || o.ancestorIds.includes(options.scopeOrgId);
  for (const r of checked.records) {
    const known = existing.get(r.code);
    if (known && visible(known) && (known.parent?.code ?? null) !== r.parentCode) {
      checked.problems.push({
        line: r.line,
        column: orgColumns.parentCode[0]!,
        reason: "import-problem-moved",
        value: r.parentCode ?? "",
      });
    }
  }
  if (options.scopeOrgId !== undefined) {
    const columns = { code: headerOf(table, orgColumns, "code"), parent: headerOf(table, orgColumns, "parentCode") };
    const movedLines = new Set(checked.problems.map((p) => p.line));
    const placeable = checked.records.filter((r) => !movedLines.has(r.line));
    checked.problems.push(...orgScopeProblems(placeable, existing, options.scopeOrgId, columns));
  }
  const badLines = new Set(checked.problems.map((p) => p.line));
  checked.records = checked.records.filter((r) => !badLines.has(r.line));
  const early = finish(checked, table.rows.length, options);
  if (early) return early;

  return writeChecked(deps, table, checked, options, "import.organisations", async (tx, count) => {
    const placed = new Map<string, { id: number; ancestorIds: number[]; depth: number }>(
      [...existing].map(([code, o]) => [code, { id: o.id, ancestorIds: o.ancestorIds, depth: o.depth }]),
    );
    let pending = checked.records;
    // Each wave is the rows whose parent is already in place, so a file may list children before parents
    // (checkOrgs has made sure every row gets there).
    while (pending.length > 0) {
      const wave = pending.filter((r) => r.parentCode === null || placed.has(r.parentCode));
      const inWave = new Set(wave);
      pending = pending.filter((r) => !inWave.has(r));
      count(await upsertOrgWave(tx, wave, placed));
      options.onProgress?.(checked.records.length - pending.length, checked.records.length);
    }
  });
}

/**
 * Writes the good rows in one transaction (`write` reports each batch's counts), audits the import in it, and
 * reports the counts with every problem.
 */
async function writeChecked<R>(
  deps: { db: Db; audit: Audit },
  table: Table,
  checked: Checked<R>,
  options: ImportOptions,
  action: string,
  write: (tx: Tx, count: (batch: { created: number; updated: number }) => void) => Promise<void>,
): Promise<ImportReport> {
  let created = 0;
  let updated = 0;
  await deps.db.$transaction(async (tx) => {
    await write(tx, (batch) => {
      created += batch.created;
      updated += batch.updated;
    });
    await deps.audit.record(
      {
        actorLabel: options.actorLabel,
        action,
        ...(options.scopeOrgId === undefined ? {} : { orgId: options.scopeOrgId }),
        data: { rows: table.rows.length, created, updated },
      },
      tx,
    );
  }, LONG_TX);
  return {
    rows: table.rows.length,
    created,
    updated,
    unchanged: checked.records.length - created - updated,
    problems: checked.problems,
    written: true,
  };
}

async function upsertOrgWave(
  tx: Tx,
  wave: OrgRecord[],
  placed: Map<string, { id: number; ancestorIds: number[]; depth: number }>,
) {
  const parent = (r: OrgRecord) => (r.parentCode ? placed.get(r.parentCode)! : null);
  const rows = await tx.$queryRawUnsafe<
    { id: number; code: string; inserted: boolean; ancestor_ids: number[]; depth: number }[]
  >(
    `INSERT INTO organisations (code, name, short_name, initials, pinyin, level, kind, parent_id, ancestor_ids, depth, updated_at)
     SELECT t.code, t.name, t.short_name, t.initials, t.pinyin, t.level::"OrgLevel", t.kind::"OrgKind", t.parent_id,
            COALESCE(p.ancestor_ids, '{}'::int[]), COALESCE(p.depth + 1, 0), now()
     FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::int[])
          AS t(code, name, short_name, initials, pinyin, level, kind, parent_id)
     LEFT JOIN organisations p ON p.id = t.parent_id
     ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, short_name = EXCLUDED.short_name,
       initials = EXCLUDED.initials, pinyin = EXCLUDED.pinyin, level = EXCLUDED.level, kind = EXCLUDED.kind,
       updated_at = now()
     WHERE (organisations.name, organisations.short_name, organisations.level, organisations.kind)
       IS DISTINCT FROM (EXCLUDED.name, EXCLUDED.short_name, EXCLUDED.level, EXCLUDED.kind)
     RETURNING id, code, (xmax = 0) AS inserted, ancestor_ids, depth`,
    wave.map((r) => r.code),
    wave.map((r) => r.name),
    wave.map((r) => r.shortName),
    wave.map((r) => initialsOf(r.name)),
    wave.map((r) => pinyinOf(r.name)),
    wave.map((r) => r.level),
    wave.map((r) => r.kind),
    wave.map((r) => parent(r)?.id ?? null),
  );
  const inserted = rows.filter((r) => r.inserted);
  // A new row's path ends with its own id, known only now.
  if (inserted.length > 0) {
    await tx.$executeRawUnsafe(
      `UPDATE organisations SET ancestor_ids = ancestor_ids || id WHERE id = ANY($1::int[])`,
      inserted.map((r) => r.id),
    );
  }
  for (const r of rows) {
    placed.set(r.code, {
      id: r.id,
      ancestorIds: r.inserted ? [...r.ancestor_ids, r.id] : r.ancestor_ids,
      depth: r.depth,
    });
  }
  // Unchanged rows were not returned: their place is what the database already had (loaded before).
  return { created: inserted.length, updated: rows.length - inserted.length };
}

export async function importMembers(
  deps: { db: Db; audit: Audit; config: Pick<Config, "ID_HASH_SECRET"> },
  table: Table,
  options: ImportOptions & { today: Date },
): Promise<ImportReport> {
  const { db } = deps;
  const orgCodes = columnValues(table, memberColumns, "orgCode");
  const orgs = await existingOrgs(db, orgCodes);
  const checked = hideOutside(await checkMembers(table, new Set(orgs.keys()), options.today), options.scopeOrgId);
  if (options.scopeOrgId !== undefined) {
    const columns = { code: headerOf(table, memberColumns, "code"), org: headerOf(table, memberColumns, "orgCode") };
    const elsewhere = await memberCodesOutside(
      db,
      checked.records.map((r) => r.code),
      options.scopeOrgId,
    );
    const outside = memberScopeProblems(checked.records, orgs, elsewhere, options.scopeOrgId, columns);
    const outsideLines = new Set(outside.map((p) => p.line));
    checked.problems.push(...outside);
    checked.records = checked.records.filter((r) => !outsideLines.has(r.line));
  }
  const early = finish(checked, table.rows.length, options);
  if (early) return early;

  return writeChecked(deps, table, checked, options, "import.members", async (tx, count) => {
    for (let i = 0; i < checked.records.length; i += MEMBER_CHUNK) {
      const chunk = checked.records.slice(i, i + MEMBER_CHUNK);
      count(await upsertMembers(tx, chunk, (code) => orgs.get(code)!.id, deps.config.ID_HASH_SECRET));
      options.onProgress?.(Math.min(i + MEMBER_CHUNK, checked.records.length), checked.records.length);
    }
  });
}

const day = (d: Date) => d.toISOString().slice(0, 10);

async function upsertMembers(tx: Tx, chunk: MemberRecord[], orgId: (code: string) => number, secret: string) {
  // The full number is hashed here and dropped; a row with only the last four keeps the hash it had (or none).
  const rows = await tx.$queryRawUnsafe<{ inserted: boolean }[]>(
    `INSERT INTO members (code, name, id_hash, id_last4, birth_date, joined_at, dues_category, monthly_income_fen,
                          has_league_post, org_id, updated_at)
     SELECT t.code, t.name, COALESCE(t.id_hash, ''), t.id_last4, t.birth_date, t.joined_at,
            t.dues_category::"DuesCategory", t.income, t.post, t.org_id, now()
     FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::date[], $6::date[], $7::text[], $8::int[],
                 $9::bool[], $10::int[])
          AS t(code, name, id_hash, id_last4, birth_date, joined_at, dues_category, income, post, org_id)
     ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name,
       id_hash = CASE WHEN EXCLUDED.id_hash = '' THEN members.id_hash ELSE EXCLUDED.id_hash END,
       id_last4 = EXCLUDED.id_last4, birth_date = EXCLUDED.birth_date, joined_at = EXCLUDED.joined_at,
       dues_category = EXCLUDED.dues_category, monthly_income_fen = EXCLUDED.monthly_income_fen,
       has_league_post = EXCLUDED.has_league_post, org_id = EXCLUDED.org_id, updated_at = now()
     WHERE (members.name, members.id_last4, members.birth_date, members.joined_at, members.dues_category,
            members.monthly_income_fen, members.has_league_post, members.org_id)
       IS DISTINCT FROM (EXCLUDED.name, EXCLUDED.id_last4, EXCLUDED.birth_date, EXCLUDED.joined_at,
            EXCLUDED.dues_category, EXCLUDED.monthly_income_fen, EXCLUDED.has_league_post, EXCLUDED.org_id)
       OR (EXCLUDED.id_hash <> '' AND EXCLUDED.id_hash IS DISTINCT FROM members.id_hash)
     RETURNING (xmax = 0) AS inserted`,
    chunk.map((r) => r.code),
    chunk.map((r) => r.name),
    chunk.map((r) => (r.idNumber ? keyedHash(secret, r.idNumber) : "")),
    chunk.map((r) => r.idLast4),
    chunk.map((r) => day(r.birthDate)),
    chunk.map((r) => day(r.joinedAt)),
    chunk.map((r) => r.duesCategory),
    chunk.map((r) => r.monthlyIncomeFen),
    chunk.map((r) => r.hasLeaguePost),
    chunk.map((r) => orgId(r.orgCode)),
  );
  const inserted = rows.filter((r) => r.inserted).length;
  return { created: inserted, updated: rows.length - inserted };
}
