// `npm run bench:import-api -- [members]`: the same province-sized member sheet (default 100,000 rows, full ID
// numbers) uploaded to POST /admin/api/v1/import/members with a committee's write token — dry run, import, the same
// file again — beside the import service called directly on the same file in the same run. Prints the body size
// against the route's 15 MB limit, each time as a ratio to the service's own time, and the peak RSS. Own database,
// removed afterwards.
import { monitorEventLoopDelay } from "node:perf_hooks";
import { setTimeout as sleep } from "node:timers/promises";
import { createApp } from "../bot/app.ts";
import { importMembers, importOrganisations } from "../bot/features/import/import-service.ts";
import { tableFromBytes } from "../bot/features/import/read-table.ts";
import { IMPORT_BODY_LIMIT } from "../bot/http/admin/routes/import.ts";
import { createToken } from "../bot/http/admin/tokens.ts";
import { createHttpServer } from "../bot/http/server.ts";
import { seedDemo } from "../prisma/seed/seed.ts";
import { migrate } from "../prisma/tools/migrate.ts";
import { benchConfig, benchDatabase } from "./bench-db.ts";

const members = Number(process.argv[2] ?? 100_000);
const BRANCHES = 1_000;
const database = benchDatabase();
await migrate(database.url);
const config = benchConfig(database, { ADMIN_RATE_PER_MINUTE: "100000" });
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

/** A member sheet for the branches with `prefix`, codes offset by `offset` so two sheets never share a member. */
function memberSheet(prefix: string, offset: number): Buffer {
  const rows = ["团员编号,姓名,身份证号,出生日期,入团时间,所在团组织编码,团费类别,税后月收入（元）,团干部"];
  for (let i = 0; i < members; i++) {
    const year = 2017 + (i % 8);
    const id = idNumber(i);
    const birth = `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
    const salaried = i % 3 === 0;
    rows.push(
      `${year}${String(offset + i).padStart(8, "0")},${nameOf(i)},${id},${birth},${year}-05-04,${prefix}-${i % BRANCHES},${salaried ? "在职" : "学生"},${salaried ? 3000 + (i % 5000) : ""},否`,
    );
  }
  return Buffer.from(`\uFEFF${rows.join("\r\n")}\r\n`);
}

let peakRss = 0;
const sampler = setInterval(() => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
}, 50);
const http = createHttpServer(app.deps);
try {
  await seedDemo(app.deps.db, config);
  const orgRows = ["组织编码,组织名称,组织类型,单位类型,上级组织编码"];
  for (let b = 0; b < BRANCHES; b++) {
    orgRows.push(
      `SVC-${b},直接导入第${b}团支部,团支部,企业,GD-GZ-TH`,
      `API-${b},接口导入第${b}团支部,团支部,企业,GD-GZ-TH`,
    );
  }
  await importOrganisations(deps, await tableFromBytes(Buffer.from(orgRows.join("\n")), "orgs.csv"), {
    actorLabel: "bench",
  });
  const token = await createToken(app.deps.db, config.ID_HASH_SECRET, {
    orgCode: "GD-GZ-TH",
    access: "write",
    name: "bench",
  });
  await http.ready();

  const today = new Date();
  const direct = memberSheet("SVC", 0);
  const started = performance.now();
  const svc = await importMembers(deps, await tableFromBytes(direct, "members.csv"), { actorLabel: "bench", today });
  const svcMs = performance.now() - started;
  if (svc.problems.length) throw new Error(`unexpected problems: ${JSON.stringify(svc.problems.slice(0, 3))}`);

  const body = memberSheet("API", 50_000_000);
  const upload = async (query: string) => {
    // The direct import above (or the previous upload) stalls the loop; the overload guard answers 503 until its
    // next sample sees it calm again.
    await sleep(2_000);
    const loop = monitorEventLoopDelay({ resolution: 10 });
    loop.enable();
    const t0 = performance.now();
    const res = await http.inject({
      method: "POST",
      url: `/admin/api/v1/import/members${query}`,
      headers: { authorization: `Bearer ${token.token}`, "content-type": "text/csv" },
      payload: body,
    });
    const ms = performance.now() - t0;
    loop.disable();
    if (res.statusCode !== 200) throw new Error(`${res.statusCode}: ${res.body.slice(0, 300)}`);
    return { ms, answer: res.json(), maxStallMs: loop.max / 1e6 };
  };
  const dry = await upload("?dryRun=true");
  const first = await upload("");
  const again = await upload("");
  const mb = (n: number) => (n / 1024 ** 2).toFixed(1);
  const s = (ms: number) => (ms / 1000).toFixed(1);
  console.log(
    `${members.toLocaleString()} members: CSV body ${mb(body.length)} MB of the ${mb(IMPORT_BODY_LIMIT)} MB limit (ratio ${(body.length / IMPORT_BODY_LIMIT).toFixed(2)})`,
  );
  console.log(`service directly: ${svc.created.toLocaleString()} created in ${s(svcMs)} s`);
  console.log(`API dry run: ${s(dry.ms)} s — ratio to the direct import: ${(dry.ms / svcMs).toFixed(2)}`);
  const stall = (r: { maxStallMs: number }) => `${(r.maxStallMs / 1000).toFixed(2)} s`;
  console.log(
    `longest event-loop stall: dry run ${stall(dry)}, import ${stall(first)}, again ${stall(again)} (overload guard at ${config.OVERLOAD_MAX_EVENT_LOOP_DELAY_MS / 1000} s)`,
  );
  console.log(
    `API import: ${first.answer.created.toLocaleString()} created in ${s(first.ms)} s — ratio: ${(first.ms / svcMs).toFixed(2)}`,
  );
  console.log(
    `API same file again: ${again.answer.unchanged.toLocaleString()} unchanged in ${s(again.ms)} s — ratio: ${(again.ms / svcMs).toFixed(2)}`,
  );
  console.log(`peak RSS ${mb(peakRss)} MB`);
} finally {
  clearInterval(sampler);
  await http.close();
  await app.close();
  await database.drop();
}
process.exit();
