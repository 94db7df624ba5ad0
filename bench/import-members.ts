// `npm run bench:import -- [members]`: an operator imports a province's sheets — 1,000 branches, then N members
// (default 100,000) from a CSV with the Chinese headers, full ID numbers included — then imports the same file
// again. Prints the time of each as a ratio to the target (2 minutes for the members) and the peak RSS. Uses its
// own database and removes it afterwards.
import { writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { createApp } from "../bot/app.ts";
import { loadConfig } from "../bot/config.ts";
import { importMembers, importOrganisations } from "../bot/features/import/import-service.ts";
import { readTable } from "../bot/features/import/read-table.ts";
import { seedDemo } from "../prisma/seed/seed.ts";
import { migrate } from "../prisma/tools/migrate.ts";
import { benchDatabase } from "./bench-db.ts";

const members = Number(process.argv[2] ?? 100_000);
const BRANCHES = 1_000;
const TARGET_MS = 120_000;
const database = benchDatabase();
await migrate(database.url);
const config = loadConfig({ ...process.env, DATABASE_URL: database.url, REDIS_PREFIX: `bench-${database.name}` });
const app = createApp(config);
const deps = { db: app.deps.db, audit: app.deps.audit, config };

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
function idNumber(i: number): string {
  const body = `440106${2000 + (i % 8)}0${1 + (i % 9)}1${i % 10}${String(i % 1000).padStart(3, "0")}`;
  const sum = ID_WEIGHTS.reduce((acc, w, k) => acc + w * Number(body[k]), 0);
  return body + "10X98765432"[sum % 11];
}

const SURNAMES = "赵钱孙李周吴郑王冯陈褚卫蒋沈韩杨朱秦尤许";
const GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平";
const nameOf = (i: number) => SURNAMES[i % 20]! + GIVEN[Math.floor(i / 20) % 20]! + GIVEN[Math.floor(i / 400) % 20]!;

let peakRss = 0;
const sampler = setInterval(() => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
}, 50);
try {
  await seedDemo(app.deps.db, config);
  const dir = tmpdir();
  const orgFile = path.join(dir, `${database.name}-orgs.csv`);
  const orgRows = ["组织编码,组织名称,组织类型,单位类型,上级组织编码"];
  for (let b = 0; b < BRANCHES; b++) orgRows.push(`BENCH-${b},第${b}团支部,团支部,企业,GD-GZ-TH`);
  await writeFile(orgFile, `${orgRows.join("\n")}\n`);
  const memberFile = path.join(dir, `${database.name}-members.csv`);
  const rows = ["团员编号,姓名,身份证号,出生日期,入团时间,所在团组织编码,团费类别,税后月收入（元）,团干部"];
  for (let i = 0; i < members; i++) {
    const year = 2017 + (i % 8);
    const id = idNumber(i);
    const birth = `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
    const salaried = i % 3 === 0;
    rows.push(
      `${year}${String(i).padStart(8, "0")},${nameOf(i)},${id},${birth},${year}-05-04,BENCH-${i % BRANCHES},${salaried ? "在职" : "学生"},${salaried ? 3000 + (i % 5000) : ""},否`,
    );
  }
  await writeFile(memberFile, `${rows.join("\n")}\n`);
  console.log(`${BRANCHES} branches, ${members.toLocaleString()} members in ${memberFile}`);

  let started = performance.now();
  const orgReport = await importOrganisations(deps, await readTable(orgFile), { actorLabel: "bench" });
  console.log(`organisations: ${orgReport.created} created in ${((performance.now() - started) / 1000).toFixed(1)} s`);

  const today = new Date();
  started = performance.now();
  const first = await importMembers(deps, await readTable(memberFile), { actorLabel: "bench", today });
  const firstMs = performance.now() - started;
  if (first.problems.length) throw new Error(`unexpected problems: ${JSON.stringify(first.problems.slice(0, 3))}`);
  started = performance.now();
  const again = await importMembers(deps, await readTable(memberFile), { actorLabel: "bench", today });
  const againMs = performance.now() - started;
  console.log(
    `members: ${first.created.toLocaleString()} created in ${(firstMs / 1000).toFixed(1)} s — ratio to the 120 s target: ${(firstMs / TARGET_MS).toFixed(2)}`,
  );
  console.log(
    `same file again: ${again.unchanged.toLocaleString()} unchanged, ${again.created + again.updated} written, in ${(againMs / 1000).toFixed(1)} s — ratio: ${(againMs / TARGET_MS).toFixed(2)}`,
  );
  console.log(`peak RSS ${(peakRss / 1024 ** 2).toFixed(0)} MB`);
} finally {
  clearInterval(sampler);
  await app.close();
  await database.drop();
}
process.exit();
