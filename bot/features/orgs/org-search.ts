// Destination search over organisations: name, short name, full pinyin or pinyin initials, typos tolerated.
//
// Chinese has no spaces and its words are mostly two characters, so pg_trgm's trigrams of a name cannot find a
// two-character fragment inside it ("星河" in 广州星河科技有限公司团支部), nor survive one wrong character in a
// four-character query; and its similarity operators recheck every candidate row, which at ~100 µs a row (CJK
// trigrams are hashed) blows the budget on broad queries. Instead the migration `org_search` keeps a GIN index on
// each organisation's search tokens (see the SQL function `org_search_tokens` there): characters, character pairs
// and a first-character marker of the name and short name, pinyin trigrams and initials pairs. A query becomes the
// same tokens and asks for rows that contain all of them; only when fewer match than were asked for does it also
// ask for all but those one wrong or missing character spoils, each variant one more "contains" in a bitmap OR.
// GIN answers "contains" exactly, so rows come back without rechecks, and the few hundred candidates are ranked
// with plain substring tests.
import type { Db, OrgKind, OrgLevel, Prisma } from "../../infra/db.ts";
import { Prisma as P } from "../../infra/db.ts";

type Tx = Prisma.TransactionClient | Db;

export interface OrgSearchOptions {
  limit?: number;
  kinds?: OrgKind[];
  levels?: OrgLevel[];
}

export interface OrgSearchHit {
  id: number;
  name: string;
  shortName: string | null;
  level: OrgLevel;
  kind: OrgKind;
  parentName: string | null;
}

/**
 * At most this many index matches are ranked. A broad query ("大学", "团支部") matches tens of thousands of rows;
 * ranking them all would cost more than the whole budget. When the cap is reached, names that begin with the query
 * are fetched apart (PREFIX_CANDIDATES of them), so the cap does not hide the best matches of a broad query.
 */
export const SEARCH_CANDIDATES = 400;
const PREFIX_CANDIDATES = 100;
const MAX_QUERY = 40;
/** Longer queries are matched exactly: typo variants of them would make the OR longer than it is worth. */
const MAX_FUZZY = 16;
const MAX_LIMIT = 50;

/** Lower-case letters and digits of any script: mirrors `lower(regexp_replace(s, '[^[:alnum:]]+', '', 'g'))`. */
export function cleanForSearch(s: string | null | undefined): string {
  return (s ?? "")
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, "");
}

const grams = (chars: readonly string[], n: number) =>
  chars.length < n ? [] : Array.from({ length: chars.length - n + 1 }, (_, i) => chars.slice(i, i + n).join(""));
const unique = (tokens: Iterable<string>) => [...new Set(tokens)];

/** The characters and character pairs of a name or a Chinese query (the name half of `org_search_tokens`). */
export function nameTokens(text: string): string[] {
  const chars = [...text];
  return unique([...chars, ...grams(chars, 2)]);
}

export interface QueryVariants {
  /** Token sets for the query as typed; a row matching any of them is a candidate. */
  exact: string[][];
  /** Token sets that leave out what one wrong, missing or extra character spoils; asked only when few match exactly. */
  fuzzy: string[][];
}

/**
 * Pairs imply their characters, so a set holds pairs, plus a character alone only where no kept pair covers it:
 * the common characters (团, 部, 大) have the longest lists in the index, and asking for them costs most.
 */
function pairsAndLoners(chars: readonly string[], keep: (pairIndex: number) => boolean, skipChar = -1): string[] {
  const kept = grams(chars, 2).filter((_, j) => keep(j));
  const covered = new Set<number>();
  grams(chars, 2).forEach((_, j) => {
    if (keep(j)) covered.add(j).add(j + 1);
  });
  const loners = chars.filter((_, i) => i !== skipChar && !covered.has(i));
  return unique([...kept, ...loners]);
}

/** The token sets a query may match, each one "contains all of these". */
export function queryVariants(text: string, ascii: boolean): QueryVariants {
  const chars = [...text];
  if (chars.length === 1) return { exact: [[`^${text}`]], fuzzy: [] };
  const fuzzy: string[][] = [];
  const typos = chars.length <= MAX_FUZZY;
  if (ascii) {
    // Pinyin: every letter sits in up to three trigrams; initials: in up to two pairs; or a Latin name ("IBM").
    const tri = grams(chars, 3).map((g) => `~${g}`);
    const pairs = grams(chars, 2).map((g) => `#${g}`);
    // A wrong letter spoils at most three neighbouring trigrams, which always lie inside one of the windows of
    // four that start at an even index: half as many variants (each a scan of the index) as windows of three.
    if (typos) for (let i = 0; tri.length >= 6 && i < tri.length - 2; i += 2) fuzzy.push(without(tri, i, 4));
    if (typos) for (let i = 0; pairs.length >= 4 && i + 2 <= pairs.length; i++) fuzzy.push(without(pairs, i, 2));
    // Every other trigram still covers every letter: the common ones ("~ong", "~ian") have the longest lists in
    // the index, and the ranking checks the whole query anyway.
    const sparse = tri.filter((_, i) => i % 2 === 0 || i === tri.length - 1);
    const exact = [...(sparse.length ? [sparse] : []), pairs, pairsAndLoners(chars, () => true)];
    return { exact, fuzzy };
  }
  if (typos && chars.length >= 4) {
    // Character i wrong, extra or missing next to it: everything that does not involve it. (A missing character
    // spoils one pair, which these variants leave out too, with a neighbour.)
    for (let i = 0; i < chars.length; i++) fuzzy.push(pairsAndLoners(chars, (j) => j !== i - 1 && j !== i, i));
  }
  return { exact: [pairsAndLoners(chars, () => true)], fuzzy };
}

function without<T>(items: readonly T[], from: number, count: number): T[] {
  return items.filter((_, i) => i < from || i >= from + count);
}

interface Row {
  id: number;
  name: string;
  short_name: string | null;
  level: OrgLevel;
  kind: OrgKind;
  parent_name: string | null;
}

/** Share (0–1) of these plain substrings found in a column: the score of a candidate. */
const share = (parts: readonly string[], column: Prisma.Sql) =>
  parts.length
    ? P.sql`(SELECT count(*) FROM unnest(${[...parts]}::text[]) t WHERE strpos(${column}, t) > 0)::real / ${parts.length}`
    : P.sql`0::real`;

export async function searchOrganisations(
  db: Tx,
  query: string,
  options: OrgSearchOptions = {},
): Promise<OrgSearchHit[]> {
  const sql = searchSql(query, options);
  if (!sql) return [];
  const rows = await db.$queryRaw<Row[]>(sql);
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    shortName: r.short_name,
    level: r.level,
    kind: r.kind,
    parentName: r.parent_name,
  }));
}

/** The one statement a search runs (exported for the bench, which also asks PostgreSQL what it cost). */
export function searchSql(query: string, options: OrgSearchOptions = {}): Prisma.Sql | null {
  const text = [...cleanForSearch(query)].slice(0, MAX_QUERY).join("");
  if (!text) return null;
  const chars = [...text];
  const ascii = /^[a-z0-9]+$/.test(text);
  const limit = Math.min(Math.max(Math.trunc(options.limit ?? 10), 1), MAX_LIMIT);
  const tokens = P.sql`org_search_tokens(o.name, o.short_name, o.pinyin, o.initials)`;
  const filters = P.sql`${options.kinds?.length ? P.sql`AND o.kind::text = ANY(${options.kinds})` : P.empty}
    ${options.levels?.length ? P.sql`AND o.level::text = ANY(${options.levels})` : P.empty}`;
  const variants = queryVariants(text, ascii);
  const anyOf = (sets: string[][]) =>
    P.join(
      sets.map((v) => P.sql`${tokens} @> ${v}::text[]`),
      " OR ",
    );
  const prefix = ascii || chars.length === 1 ? null : [`^${chars[0]}`, ...pairsAndLoners(chars, () => true)];
  const names = P.sql`lower(o.name || ' ' || coalesce(o.short_name, ''))`;
  const score = ascii
    ? P.sql`greatest(${share(nameTokens(text), names)}, ${share(grams(chars, 3), P.sql`o.pinyin`)}, ${share(grams(chars, 2), P.sql`o.initials`)})`
    : share(nameTokens(text), names);
  // Tiers, best first: the name or short name is the query, begins with it, the pinyin or initials begin with it,
  // one of them contains it, and last the fuzzy matches; within a tier the higher score, then the shallower level.
  // Pinyin or initials typed from the start of the name (the common case) come from a B-tree range scan; the token
  // index (pinyin trigrams have the longest lists in it) is asked only when that finds nothing: whoever types the
  // beginning of a name wants the names that begin so, which rank first anyway.
  // (`text` holds letters and digits only: nothing LIKE would read as a wildcard.)
  const latinPrefix = `${text}%`;
  return P.sql`
    WITH latin AS MATERIALIZED (
      SELECT o.id FROM organisations o
      WHERE ${ascii} AND (lower(o.pinyin) LIKE ${latinPrefix} OR lower(o.initials) LIKE ${latinPrefix}) ${filters}
      -- They all rank alike but for level and length, so those pick them here: ranking thousands would not fit.
      ORDER BY o.depth, char_length(o.name), o.id
      LIMIT ${limit}
    ), exact AS MATERIALIZED (
      SELECT o.id FROM organisations o
      WHERE NOT EXISTS (SELECT 1 FROM latin) AND (${anyOf(variants.exact)}) ${filters}
      LIMIT ${SEARCH_CANDIDATES}
    ), fuzzy AS MATERIALIZED (
      SELECT o.id FROM organisations o
      WHERE (SELECT count(*) FROM latin) + (SELECT count(*) FROM exact) < ${limit}
        AND (${variants.fuzzy.length ? anyOf(variants.fuzzy) : P.sql`false`}) ${filters}
      LIMIT ${SEARCH_CANDIDATES}
    ), prefix AS MATERIALIZED (
      SELECT o.id FROM organisations o
      WHERE (SELECT count(*) FROM exact) >= ${SEARCH_CANDIDATES} AND ${prefix ? P.sql`${tokens} @> ${prefix}::text[]` : P.sql`false`} ${filters}
      LIMIT ${PREFIX_CANDIDATES}
    ), found AS (SELECT id FROM latin UNION SELECT id FROM exact UNION SELECT id FROM fuzzy UNION SELECT id FROM prefix)
    SELECT r.id, r.name, r.short_name, r.level, r.kind, p.name AS parent_name
    FROM (
      SELECT o.id, o.name, o.short_name, o.level, o.kind, o.parent_id, o.depth,
        CASE
          WHEN lower(o.name) = ${text} OR lower(o.short_name) = ${text} THEN 0
          WHEN starts_with(lower(o.name), ${text}) OR starts_with(lower(o.short_name), ${text}) THEN 1
          WHEN ${ascii} AND (starts_with(o.pinyin, ${text}) OR starts_with(o.initials, ${text})) THEN 2
          WHEN strpos(${names}, ${text}) > 0 OR (${ascii} AND (strpos(o.pinyin, ${text}) > 0 OR strpos(o.initials, ${text}) > 0)) THEN 3
          ELSE 4
        END AS tier,
        ${score} AS score
      FROM organisations o
      -- An array of ids, so the primary key is used however many the planner expects (a hash join read them all).
      WHERE o.id = ANY(ARRAY(SELECT id FROM found))
      ORDER BY tier, score DESC, o.depth, char_length(o.name), o.id
      LIMIT ${limit}
    ) r LEFT JOIN organisations p ON p.id = r.parent_id
    ORDER BY r.tier, r.score DESC, r.depth, char_length(r.name), r.id`;
}
