// `npm run bench:signups -- [members] [places]`: N members (default 1,000) tap "Sign up" for one activity
// at the same moment (default 100 places). Sign-ups queue for the activity's row lock, so the lock is the cost: the
// burst's wall time is printed as a ratio to the same sign-ups made one after another in the same run (1.0 = no
// cost beyond the serialisation the lock imposes), and to a 10 s target for the whole burst; the places are checked
// to be exact. Uses its own database and Redis prefix and removes both afterwards.
import { createApp } from "../bot/app.ts";
import { createActivity } from "../bot/features/activities/activity-service.ts";
import { signUp } from "../bot/features/activities/signup-service.ts";
import { seedDemo } from "../prisma/seed/seed.ts";
import { migrate } from "../prisma/tools/migrate.ts";
import { benchConfig, benchDatabase } from "./bench-db.ts";

const args = process.argv.slice(2).filter((a) => a !== "--");
const members = Number(args[0] ?? 1000);
const places = Number(args[1] ?? 100);
const TARGET_MS = 10_000;

const database = benchDatabase();
await migrate(database.url);
const config = benchConfig(database);
const app = createApp(config);
const { db, redis } = app.deps;

try {
  await seedDemo(db, config);
  const branch = await db.organisation.findUniqueOrThrow({ where: { code: "GD-GZ-SCUT-CS-2201" } });
  const secretary = await db.member.findUniqueOrThrow({ where: { code: "201801000002" } });
  await db.member.createMany({
    data: Array.from({ length: 2 * members }, (_, i) => ({
      code: `2025${String(10_000_000 + i).padStart(8, "0")}`,
      name: `压测${i}`,
      idHash: `bench-${i}`,
      idLast4: "0000",
      birthDate: new Date("2005-01-01"),
      joinedAt: new Date("2025-05-04"),
      duesCategory: "STUDENT" as const,
      orgId: branch.id,
    })),
  });
  const crowd = await db.member.findMany({ where: { code: { startsWith: "20251" } }, orderBy: { id: "asc" } });
  const activity = async (title: string) => {
    const result = await createActivity(
      app.deps,
      { memberId: secretary.id },
      {
        orgId: branch.id,
        childIds: [],
        title,
        place: "bench",
        startsAt: new Date(Date.now() + 72 * 3600_000),
        capacity: places,
      },
    );
    if (!result.ok) throw new Error(result.problem);
    return result.activity.id;
  };

  const serialId = await activity("serial");
  const serialStart = performance.now();
  for (const m of crowd.slice(members)) await signUp(app.deps, m.id, serialId);
  const serialMs = performance.now() - serialStart;

  const burstId = await activity("burst");
  const burstStart = performance.now();
  await Promise.all(crowd.slice(0, members).map((m) => signUp(app.deps, m.id, burstId)));
  const burstMs = performance.now() - burstStart;

  const confirmed = await db.activitySignup.count({ where: { activityId: burstId, status: "CONFIRMED" } });
  const waiting = await db.activitySignup.count({ where: { activityId: burstId, status: "WAITLISTED" } });
  console.log(`${members} simultaneous sign-ups for ${places} places: ${confirmed} confirmed, ${waiting} waitlisted`);
  console.log(`places exact: ${confirmed === Math.min(places, members) && confirmed + waiting === members}`);
  console.log(`burst: ${(burstMs / 1000).toFixed(2)} s (${(burstMs / members).toFixed(1)} ms per sign-up)`);
  console.log(`serial: ${(serialMs / 1000).toFixed(2)} s (${(serialMs / members).toFixed(1)} ms per sign-up)`);
  console.log(`ratio burst/serial: ${(burstMs / serialMs).toFixed(2)}`);
  console.log(`ratio burst/target(${TARGET_MS / 1000} s): ${(burstMs / TARGET_MS).toFixed(2)}`);
} finally {
  const keys = [...(await redis.keys(`${config.REDIS_PREFIX}*`)), ...(await redis.keys(`{${config.REDIS_PREFIX}}*`))];
  if (keys.length) await redis.del(...keys);
  await app.close();
  await database.drop();
}
