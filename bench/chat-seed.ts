// The population of `npm run bench:chat`, written in bulk SQL (seconds, not the hours of one create a row): the demo
// tree, then N members in 团支部 of about 30 (each with its 团支书, the branch's first member), 4 in 5 of them bound
// to a Telegram chat whose id is `CHAT_BASE + member id`, a tenth with six months of dues paid, a few volunteer
// hours. Kept between runs when the database already holds them (BENCH_KEEP_DB=1), since 1M takes a while.
import type { Config } from "../bot/config.ts";
import type { Db } from "../bot/infra/db.ts";
import { seedDemo } from "../prisma/seed/seed.ts";

/** Telegram user (= private chat) id of member `id`. */
export const CHAT_BASE = 1_000_000_000;
export const BRANCH_SIZE = 30;
const BENCH_NAME = "bench";

export interface Population {
  members: number;
  /** Bound members' ids, for picking chats. */
  minId: number;
  maxId: number;
}

export async function seedChatBench(
  db: Db,
  config: Pick<Config, "ID_HASH_SECRET" | "TZ">,
  members: number,
  log: (line: string) => void,
): Promise<Population> {
  await seedDemo(db, config);
  const have = await db.member.count({ where: { name: BENCH_NAME } });
  if (have !== members) {
    if (have > 0) throw new Error(`the database holds ${have} bench members, not ${members}: drop it first`);
    await bulkSeed(db, members, log);
  }
  const range = await db.member.aggregate({ where: { name: BENCH_NAME }, _min: { id: true }, _max: { id: true } });
  return { members, minId: range._min.id!, maxId: range._max.id! };
}

async function bulkSeed(db: Db, members: number, log: (line: string) => void) {
  const started = performance.now();
  const step = (what: string) => log(`  ${what} (${((performance.now() - started) / 1000).toFixed(0)} s)`);
  const branches = Math.ceil(members / BRANCH_SIZE);
  // New 团支部 under the demo's 团总支 and 基层团委 (whatever holds branches there), round robin.
  const parents = await db.$queryRawUnsafe<{ id: number }[]>(
    `SELECT DISTINCT parent_id AS id FROM organisations WHERE level = 'BRANCH' AND parent_id IS NOT NULL ORDER BY 1`,
  );
  const parentList = `ARRAY[${parents.map((p) => p.id).join(",")}]`;
  await db.$executeRawUnsafe(`
    INSERT INTO organisations (code, name, initials, pinyin, level, kind, parent_id, ancestor_ids, depth, updated_at)
    SELECT 'BENCH-' || g, '测试' || g || '班团支部', 'cs' || g || 'btzb', 'ceshi' || g || 'bantuanzhibu', 'BRANCH', p.kind,
           p.id, p.ancestor_ids, p.depth + 1, now()
    FROM generate_series(1, ${branches}) g
    JOIN organisations p ON p.id = (${parentList})[1 + g % ${parents.length}]
    ON CONFLICT (code) DO NOTHING`);
  await db.$executeRawUnsafe(
    `UPDATE organisations SET ancestor_ids = ancestor_ids || id WHERE code LIKE 'BENCH-%' AND NOT (ancestor_ids @> ARRAY[id])`,
  );
  step(`${branches.toLocaleString()} branches`);
  // Member g is in branch ceil(g / 30); joined 2017–2024 (编号: the year, a 9 no demo member has, g), born so they
  // are 15–27.
  await db.$executeRawUnsafe(`
    INSERT INTO members (code, name, id_hash, id_last4, birth_date, joined_at, dues_category, org_id, updated_at)
    SELECT (2017 + g % 8)::text || '9' || lpad(g::text, 7, '0'), '${BENCH_NAME}', md5(g::text), lpad((g % 10000)::text, 4, '0'),
           DATE '1999-03-01' + (g % 4000), make_date(2017 + g % 8, 1 + g % 12, 1 + g % 28), 'STUDENT', o.id, now()
    FROM generate_series(1, ${members}) g
    JOIN organisations o ON o.code = 'BENCH-' || ((g - 1) / ${BRANCH_SIZE} + 1)`);
  step(`${members.toLocaleString()} members`);
  await db.$executeRawUnsafe(`
    INSERT INTO role_assignments (member_id, org_id, role)
    SELECT min(id), org_id, 'BRANCH_SECRETARY' FROM members WHERE name = '${BENCH_NAME}' GROUP BY org_id`);
  // 4 in 5 bound, every 团支书 and demo member too (so approvals can be asked of them).
  await db.$executeRawUnsafe(`
    INSERT INTO chat_identities (platform, external_user_id, chat_id, member_id, bound_at, locale)
    SELECT 'TELEGRAM', (${CHAT_BASE} + m.id)::text, (${CHAT_BASE} + m.id)::text, m.id, now(),
           CASE WHEN m.id % 7 = 0 THEN 'en' ELSE 'zh-CN' END
    FROM members m
    WHERE m.id % 5 <> 0 OR m.name <> '${BENCH_NAME}' OR EXISTS (SELECT 1 FROM role_assignments r WHERE r.member_id = m.id)
    ON CONFLICT DO NOTHING`);
  step("chat identities");
  // A tenth paid six months of last year in cash.
  await db.$executeRawUnsafe(`
    INSERT INTO dues_payments (member_id, reference, method, status, months, amount_fen, note, settled_at)
    SELECT id, 'BENCH-' || id, 'CASH', 'CONFIRMED', 6, 120, 'bench', now()
    FROM members WHERE name = '${BENCH_NAME}' AND id % 10 = 3`);
  await db.$executeRawUnsafe(`
    INSERT INTO dues_months (member_id, month, amount_fen, payment_id)
    SELECT p.member_id, 202500 + k, 20, p.id FROM dues_payments p, generate_series(1, 6) k WHERE p.note = 'bench'`);
  step("dues");
  // Three published activities for the whole province, two weeks apart, created by the province's first leader two
  // days ago (the timer reconciler re-announces only those of the last 20 hours: no fan-out to a million here).
  await db.$executeRawUnsafe(`
    WITH province AS (SELECT id FROM organisations WHERE parent_id IS NULL ORDER BY id LIMIT 1),
         made AS (
           INSERT INTO activities (org_id, created_by_id, title, place, starts_at, ends_at, capacity, signup_deadline, status,
                                   created_at)
           SELECT province.id, (SELECT min(member_id) FROM role_assignments), '志愿服务活动 ' || k, '天河区',
                  now() + k * interval '14 days', now() + k * interval '14 days' + interval '3 hours', 100000,
                  now() + k * interval '14 days' - interval '1 day', 'PUBLISHED', now() - interval '2 days'
           FROM province, generate_series(1, 3) k
           RETURNING id, org_id)
    INSERT INTO activity_audiences (activity_id, org_id) SELECT id, org_id FROM made`);
  await db.$executeRawUnsafe("ANALYZE");
  step("analysed");
}
