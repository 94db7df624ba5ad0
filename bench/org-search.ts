// `npm run bench:search -- [organisations] [queries]`: destination search over N organisations (default 100,000)
// with realistic Chinese names (committees, universities with colleges and classes, streets with communities,
// companies), then Q varied queries (default 1,000: Chinese fragments and prefixes, initials, pinyin, a wrong or
// missing character, a pinyin typo, broad words). Prints p50/p99 latency and p99 as a ratio of the 50 ms target,
// and how often the organisation a query was made from came back in the top 10. Own database, dropped afterwards.
import { pinyin } from "pinyin-pro";
import { createApp } from "../bot/app.ts";
import { searchOrganisations, searchSql } from "../bot/features/orgs/org-search.ts";
import { initialsOf, pinyinOf } from "../bot/features/orgs/org-service.ts";
import { Prisma } from "../bot/infra/db.ts";
import { migrate } from "../prisma/tools/migrate.ts";
import { benchConfig, benchDatabase } from "./bench-db.ts";

const target = Number(process.argv[2] ?? 100_000);
const queryCount = Number(process.argv[3] ?? 1_000);
const TARGET_P99_MS = 50;

// A fixed seed: every run searches the same organisations with the same queries.
let seed = 20260630;
const random = () => {
  seed = (seed * 1103515245 + 12345) % 2 ** 31;
  return seed / 2 ** 31;
};
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
const int = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));

const PROVINCES: Record<string, string[]> = {
  广东: ["广州", "深圳", "珠海", "汕头", "佛山", "韶关", "湛江", "肇庆", "江门", "茂名", "惠州", "梅州"],
  湖南: ["长沙", "株洲", "湘潭", "衡阳", "邵阳", "岳阳", "常德", "张家界", "益阳", "郴州"],
  浙江: ["杭州", "宁波", "温州", "嘉兴", "湖州", "绍兴", "金华", "衢州", "舟山", "台州"],
  四川: ["成都", "自贡", "攀枝花", "泸州", "德阳", "绵阳", "广元", "遂宁", "内江", "乐山"],
  江苏: ["南京", "无锡", "徐州", "常州", "苏州", "南通", "连云港", "淮安", "盐城", "扬州"],
};
const PLACE = [..."东西南北安平宁兴和华新江山阳城海龙湖泉德明光福长永清河丰庆金石桥林源盛荣昌宏远泰嘉顺春"];
const SHOP = [..."星辰宇恒信达通汇鑫瑞博创晨曦联智云数天宝力华美佳润康健"];
const INDUSTRY = ["科技", "电子", "机械", "物流", "医药", "建设", "食品", "传媒", "能源", "信息技术", "贸易", "软件"];
const UNI_TYPE = ["理工", "师范", "医科", "财经", "农业", "科技", "工业", "交通", "外国语", "工程", "职业技术"];
const COLLEGES = [
  "计算机科学与工程",
  "电子与信息",
  "机械与汽车工程",
  "土木与交通",
  "化学与化工",
  "材料科学与工程",
  "经济与贸易",
  "工商管理",
  "外国语",
  "数学",
  "物理与光电",
  "新闻与传播",
  "法学",
  "艺术",
  "生物科学与工程",
  "环境与能源",
];
const abbreviate = (college: string) => college.slice(0, 1) + college.slice(-1);

interface Org {
  id: number;
  code: string;
  name: string;
  shortName: string | null;
  level: string;
  kind: string;
  parentId: number | null;
  ancestorIds: number[];
  depth: number;
}

const orgs: Org[] = [];
const names = new Set<string>();
function add(parent: Org | null, name: string, level: string, kind: string, shortName: string | null = null): Org {
  let unique = name;
  for (let n = 2; names.has(unique); n++) unique = name.replace(/(团支部|团总支|团委|团工委|委员会)$/, `${n}$1`);
  names.add(unique);
  const id = orgs.length + 1;
  const org: Org = {
    id,
    code: `B${id}`,
    name: unique,
    shortName,
    level,
    kind,
    parentId: parent?.id ?? null,
    ancestorIds: [...(parent?.ancestorIds ?? []), id],
    depth: parent ? parent.depth + 1 : 0,
  };
  orgs.push(org);
  return org;
}
const place = (n: number) => Array.from({ length: n }, () => pick(PLACE)).join("");

generate: for (const [province, cities] of Object.entries(PROVINCES)) {
  const p = add(null, `共青团${province}省委员会`, "PROVINCE", "COMMITTEE", `${province}团省委`);
  for (const city of cities) {
    const c = add(p, `共青团${city}市委员会`, "CITY", "COMMITTEE", `${city}团市委`);
    for (let u = 0; u < 5; u++) {
      const uniName = `${city}${place(1)}${pick(UNI_TYPE)}大学`;
      const uni = add(
        c,
        `${uniName}团委`,
        "GRASSROOTS_COMMITTEE",
        "SCHOOL",
        `${uniName.slice(0, 2)}${uniName.at(-2)}团委`,
      );
      for (const college of COLLEGES.slice(0, int(8, 14))) {
        const withSchool = random() < 0.3 ? uniName : "";
        const col = add(uni, `${withSchool}${college}学院团总支`, "GENERAL_BRANCH", "SCHOOL");
        for (let k = 0; k < int(10, 24); k++) {
          add(col, `${abbreviate(college)}20${int(20, 25)}级${int(1, 6)}班团支部`, "BRANCH", "SCHOOL");
        }
      }
    }
    for (let d = 0; d < 9; d++) {
      const district = `${place(2)}${pick(["区", "县"])}`;
      const county = add(c, `共青团${city}市${district}委员会`, "COUNTY", "COMMITTEE", `${district.slice(0, 2)}团区委`);
      for (let s = 0; s < 8; s++) {
        const street = `${place(2)}${pick(["街道", "镇"])}`;
        const st = add(county, `${street}团工委`, "GRASSROOTS_COMMITTEE", "STREET");
        for (let m = 0; m < int(3, 7); m++) add(st, `${street.slice(0, 2)}${place(2)}社区团支部`, "BRANCH", "STREET");
      }
      for (let g = 0; g < 4; g++) {
        add(
          county,
          `${city}市${district}${pick(["教育局", "人民医院", "税务局", "人民法院", "公安分局"])}团支部`,
          "BRANCH",
          "GOVERNMENT",
        );
      }
      for (let e = 0; e < 25; e++) {
        const brand = `${pick(SHOP)}${pick(SHOP)}`;
        const company = `${city}${brand}${pick(INDUSTRY)}有限公司`;
        if (random() < 0.2) {
          const co = add(
            county,
            `${company}团委`,
            "GRASSROOTS_COMMITTEE",
            "ENTERPRISE",
            `${brand}${company.slice(-6, -4)}团委`,
          );
          for (let b = 0; b < int(2, 5); b++)
            add(co, `${company}${pick(["研发", "生产", "销售", "行政"])}部团支部`, "BRANCH", "ENTERPRISE");
        } else {
          add(county, `${company}团支部`, "BRANCH", "ENTERPRISE", `${brand}团支部`);
        }
      }
      if (orgs.length >= target) break generate;
    }
  }
  if (orgs.length >= target) break;
}
// Top up to the target with more companies under the last county if the tree came out short.
while (orgs.length < target) {
  const parent = orgs.find((o) => o.level === "COUNTY") ?? null;
  add(parent, `${place(2)}${pick(SHOP)}${pick(INDUSTRY)}有限公司团支部`, "BRANCH", "ENTERPRISE");
}

// Queries, each made from one organisation (except the broad words).
type Made = { text: string; kind: string; from?: Org };
const mutateChinese = (s: string) => {
  const chars = [...s];
  chars[int(1, chars.length - 1)] = pick(PLACE);
  return chars.join("");
};
const fragment = (s: string, lo: number, hi: number) => {
  const chars = [...s];
  const len = Math.min(int(lo, hi), chars.length);
  const start = int(0, chars.length - len);
  return chars.slice(start, start + len).join("");
};
const distinctive = (o: Org) => o.name.replace(/^共青团/, "").replace(/(团支部|团总支|团委|团工委|委员会)$/, "");
const BROAD = ["大学", "团委", "街道", "有限公司", "学院团总支", "团支部", "科技", "社区", "广州", "共青团"];
const makers: [number, string, (o: Org) => string][] = [
  [20, "fragment", (o) => fragment(distinctive(o), 2, 6)],
  [15, "prefix", (o) => [...distinctive(o)].slice(0, int(3, 8)).join("")],
  [15, "initials", (o) => initialsOf(distinctive(o)).slice(0, int(3, 8))],
  [15, "pinyin", (o) => pinyinOf(distinctive(o)).slice(0, int(6, 16))],
  [10, "wrong character", (o) => mutateChinese([...distinctive(o)].slice(0, int(4, 7)).join(""))],
  [
    10,
    "missing character",
    (o) => {
      const chars = [...distinctive(o)].slice(0, int(5, 8));
      chars.splice(int(1, chars.length - 2), 1);
      return chars.join("");
    },
  ],
  [
    10,
    "pinyin typo",
    (o) => {
      const letters = [...pinyin(distinctive(o), { toneType: "none", type: "array", nonZh: "removed" }).join("")].slice(
        0,
        int(8, 16),
      );
      letters[int(2, letters.length - 1)] = pick([..."aeioungh"]);
      return letters.join("");
    },
  ],
];
const queries: Made[] = [];
for (let i = 0; i < queryCount; i++) {
  if (random() < 0.05) {
    queries.push({ text: pick(BROAD), kind: "broad" });
    continue;
  }
  let roll = random() * 95;
  for (const [weight, kind, make] of makers) {
    roll -= weight;
    if (roll < 0 || kind === "pinyin typo") {
      const from = orgs[int(0, orgs.length - 1)] as Org;
      queries.push({ text: make(from), kind, from });
      break;
    }
  }
}

const database = benchDatabase();
await migrate(database.url);
const config = benchConfig(database);
const app = createApp(config);
const { db } = app.deps;
try {
  console.log(`inserting ${orgs.length.toLocaleString()} organisations…`);
  for (let i = 0; i < orgs.length; i += 5_000) {
    const batch = orgs.slice(i, i + 5_000);
    await db.$executeRaw`
      INSERT INTO organisations (id, code, name, short_name, initials, pinyin, level, kind, parent_id, ancestor_ids, depth, updated_at)
      SELECT b.id, b.code, b.name, b.short_name, b.initials, b.pinyin, b.level::"OrgLevel", b.kind::"OrgKind", b.parent_id,
             ARRAY(SELECT jsonb_array_elements_text(b.ancestors)::int), b.depth, now()
      FROM jsonb_to_recordset(${JSON.stringify(
        batch.map((o) => ({
          id: o.id,
          code: o.code,
          name: o.name,
          short_name: o.shortName,
          initials: initialsOf(o.name),
          pinyin: pinyinOf(o.name),
          level: o.level,
          kind: o.kind,
          parent_id: o.parentId,
          ancestors: o.ancestorIds,
          depth: o.depth,
        })),
      )}::jsonb) AS b(id int, code text, name text, short_name text, initials text, pinyin text, level text, kind text,
                      parent_id int, ancestors jsonb, depth int)`;
  }
  await db.$executeRawUnsafe(
    "SELECT setval(pg_get_serial_sequence('organisations', 'id'), (SELECT max(id) FROM organisations))",
  );
  await db.$executeRawUnsafe("ANALYZE organisations");

  // Warm the pool and the caches the way a running bot has them.
  for (const q of queries.slice(0, 20)) await searchOrganisations(db, q.text);

  // Three clocks per query: the whole call as a feature sees it; PostgreSQL's own execution time of the same
  // statement (EXPLAIN ANALYZE), which other processes on a busy machine disturb less; and a bare round trip
  // (SELECT 1) right after, the floor that driver and scheduling put under any query in this run.
  const timings: number[] = [];
  const server: number[] = [];
  const floor: number[] = [];
  const byKind = new Map<string, { n: number; found: number; server: number[] }>();
  for (const q of queries) {
    const started = performance.now();
    const hits = await searchOrganisations(db, q.text);
    const ms = performance.now() - started;
    timings.push(ms);
    const sql = searchSql(q.text);
    if (sql) {
      const [plan] = await db.$queryRaw<{ "QUERY PLAN": [{ "Execution Time": number; "Planning Time": number }] }[]>(
        Prisma.sql`EXPLAIN (ANALYZE, FORMAT JSON) ${sql}`,
      );
      const stats = plan?.["QUERY PLAN"][0];
      server.push((stats?.["Execution Time"] ?? 0) + (stats?.["Planning Time"] ?? 0));
    }
    const pinged = performance.now();
    await db.$queryRaw`SELECT 1`;
    floor.push(performance.now() - pinged);
    const stats = byKind.get(q.kind) ?? { n: 0, found: 0, server: [] };
    stats.n++;
    stats.server.push(server.at(-1) ?? 0);
    if (q.from && hits.some((h) => h.id === q.from?.id)) stats.found++;
    byKind.set(q.kind, stats);
  }
  const percentile = (values: number[], p: number) => {
    const sorted = [...values].sort((a, b) => a - b);
    return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;
  };
  for (const [kind, s] of byKind) {
    const found = kind === "broad" ? "" : `, source in top 10: ${((100 * s.found) / s.n).toFixed(0)}%`;
    console.log(
      `  ${kind.padEnd(18)} ${String(s.n).padStart(4)} queries, in PostgreSQL p50 ${percentile(s.server, 0.5).toFixed(1)} ms, ` +
        `p99 ${percentile(s.server, 0.99).toFixed(1)} ms${found}`,
    );
  }
  for (const q of queries.slice(0, 12)) {
    const hits = await searchOrganisations(db, q.text, { limit: 3 });
    console.log(`  e.g. ${q.text} (${q.kind}) → ${hits.map((h) => h.name).join(" | ")}`);
  }
  const line = (label: string, values: number[]) =>
    `  ${label.padEnd(30)} p50 ${percentile(values, 0.5).toFixed(1)} ms, p99 ${percentile(values, 0.99).toFixed(1)} ms, ` +
    `max ${percentile(values, 1).toFixed(1)} ms; p99/${TARGET_P99_MS} ms = ${(percentile(values, 0.99) / TARGET_P99_MS).toFixed(2)}`;
  console.log(`${orgs.length.toLocaleString()} organisations, ${queries.length} queries:`);
  console.log(line("search call (wall clock)", timings));
  console.log(line("in PostgreSQL (plan + execute)", server));
  console.log(line("bare round trip (SELECT 1)", floor));
} finally {
  await app.close();
  // BENCH_KEEP_DB=1 keeps the organisations for looking at query plans.
  if (process.env.BENCH_KEEP_DB) console.log(`kept ${database.url}`);
  else await database.drop();
}
