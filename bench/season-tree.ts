// The graduate season's organisations and people (bench:season, bench:monday): a province with cities, schools,
// colleges and graduating 团支部 (one per 20 graduates), employers' 团委 with five 团支部 each; one bound leader per
// organisation (团支书 in a 团支部, committee staff elsewhere) and the graduates, 4 in 5 bound to a chat.
import type { Db } from "../bot/infra/db.ts";

export async function seasonTree(db: Db, graduates: number) {
  const sql = (text: string) => db.$executeRawUnsafe(text);
  const branches = Math.max(100, Math.ceil(graduates / 20));
  const colleges = Math.ceil(branches / 10);
  // At least two schools: 升学 goes to another school.
  const schools = Math.max(2, Math.ceil(colleges / 5));
  const cities = Math.ceil(schools / 10);
  const employers = Math.max(2, Math.ceil(branches / 100));
  console.log(
    `setting up ${cities} cities, ${schools} schools, ${colleges} colleges, ${branches} graduating 团支部, ${employers} employers, ${graduates.toLocaleString()} graduates…`,
  );
  await sql(`INSERT INTO organisations (code, name, level, kind, ancestor_ids, depth, updated_at)
             VALUES ('P', '省', 'PROVINCE', 'COMMITTEE', '{}', 0, now())`);
  await sql(`UPDATE organisations SET ancestor_ids = ARRAY[id]`);
  const level = async (
    code: string,
    name: string,
    lvl: string,
    kind: string,
    parentCode: string,
    n: number,
    per: number,
  ) =>
    sql(`INSERT INTO organisations (code, name, level, kind, parent_id, ancestor_ids, depth, graduates_on, updated_at)
         SELECT '${code}' || g, '${name}' || g, '${lvl}', '${kind}', p.id, p.ancestor_ids, p.depth + 1,
                ${lvl === "BRANCH" && kind === "SCHOOL" ? "DATE '2026-06-20' + (g % 10)" : "NULL"}, now()
         FROM generate_series(1, ${n}) g
         JOIN organisations p ON p.code = '${parentCode}' || CASE WHEN '${parentCode}' = 'P' THEN '' ELSE (1 + (g - 1) / ${per})::text END`).then(
      () => sql("UPDATE organisations SET ancestor_ids = ancestor_ids || id WHERE NOT (id = ANY (ancestor_ids))"),
    );
  await level("C", "市团委", "CITY", "COMMITTEE", "P", cities, cities);
  await level("S", "大学团委", "GRASSROOTS_COMMITTEE", "SCHOOL", "C", schools, 10);
  await level("K", "学院团总支", "GENERAL_BRANCH", "SCHOOL", "S", colleges, 5);
  await level("B", "毕业班团支部", "BRANCH", "SCHOOL", "K", branches, 10);
  await level("E", "企业团委", "GRASSROOTS_COMMITTEE", "ENTERPRISE", "C", employers, Math.ceil(employers / cities));
  await level("EB", "企业团支部", "BRANCH", "ENTERPRISE", "E", employers * 5, 5);
  // One leader per organisation, bound to a chat: 团支书 in the 团支部, staff elsewhere.
  await sql(`INSERT INTO members (code, name, id_hash, id_last4, birth_date, joined_at, dues_category, org_id, has_league_post, updated_at)
             SELECT lpad((100000000000 + id)::text, 12, '0'), '书记' || id, md5('l' || id), '0000', DATE '1998-01-01',
                    DATE '2017-05-04', 'SALARIED', id, true, now()
             FROM organisations`);
  await sql(`INSERT INTO role_assignments (member_id, org_id, role)
             SELECT m.id, m.org_id, CASE WHEN o.level = 'BRANCH' THEN 'BRANCH_SECRETARY' ELSE 'COMMITTEE_STAFF' END::"Role"
             FROM members m JOIN organisations o ON o.id = m.org_id`);
  await sql(`INSERT INTO members (code, name, id_hash, id_last4, birth_date, joined_at, dues_category, org_id, updated_at)
             SELECT lpad((300000000000 + g)::text, 12, '0'), '毕业生' || g, md5(g::text), '0000', DATE '2004-01-01',
                    DATE '2019-05-04', 'STUDENT', b.id, now()
             FROM generate_series(1, ${graduates}) g
             JOIN organisations b ON b.code = 'B' || (1 + (g - 1) % ${branches})`);
  // Leaders all bound; 4 in 5 graduates bound.
  await sql(`INSERT INTO chat_identities (platform, external_user_id, chat_id, member_id)
             SELECT 'TELEGRAM', 'season-' || id, 'season-' || id, id FROM members
             WHERE has_league_post OR id % 5 <> 0`);
  await sql("ANALYZE");
}
