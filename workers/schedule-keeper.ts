// Schedules live only in Redis, so a FLUSHALL, a failover without persistence or a Redis restarted empty loses
// them all — the outbox and SLA reconcilers with them, and nothing would re-create them until a restart. Every
// process that runs the background workers checks each schedule every CHECK_EVERY_MS and whenever its Redis
// connection is ready again, and re-creates a missing one (upsertJobScheduler is idempotent, so two processes
// doing it at once still make one). What it found is counted in the metrics and shown by /readyz.
import type { Redis } from "ioredis";
import type { CoreDeps } from "../bot/core/feature.ts";
import type { Schedule } from "./schedules.ts";

/** At most this long between a schedule's loss and its return (the bound is 30 s). */
export const CHECK_EVERY_MS = 10_000;

export interface ScheduleKeeper {
  /** Checks every schedule now; returns the ids it re-created. */
  check(): Promise<string[]>;
  stop(): void;
}

export function startScheduleKeeper(
  deps: Pick<CoreDeps, "queues" | "config" | "logger" | "metrics">,
  schedules: Schedule[],
  connection: Redis,
  everyMs = CHECK_EVERY_MS,
): ScheduleKeeper {
  const { queues, config, logger, metrics } = deps;
  let running: Promise<string[]> | undefined;

  async function checkOnce(): Promise<string[]> {
    const missing: string[] = [];
    for (const s of schedules) {
      if (!(await queues[s.queue].getJobScheduler(s.id))) missing.push(s.id);
    }
    const recreated: string[] = [];
    for (const id of missing) {
      const schedule = schedules.find((s) => s.id === id)!;
      await schedule.upsert(queues, config);
      recreated.push(id);
      metrics.schedulesRecreated.inc({ scheduler: id });
    }
    const state = metrics.schedules;
    state.checked = true;
    state.missing = missing.filter((id) => !recreated.includes(id));
    metrics.schedulesMissing.set(state.missing.length);
    if (recreated.length) {
      state.lastRecreatedAt = Date.now();
      logger.warn({ schedules: recreated }, "schedules were missing in Redis; re-created");
    }
    return recreated;
  }

  // One check at a time: a reconnect during a periodic check waits for it instead of racing it.
  function check(): Promise<string[]> {
    running ??= checkOnce().finally(() => {
      running = undefined;
    });
    return running;
  }
  const quietly = () => {
    // Redis down again: the next tick or reconnect tries again; the outage itself is reported elsewhere.
    void check().catch((err: unknown) => {
      if (connection.status === "ready") logger.warn({ err }, "schedule check failed");
    });
  };

  const timer = setInterval(quietly, everyMs);
  timer.unref();
  connection.on("ready", quietly);
  return {
    check,
    stop() {
      clearInterval(timer);
      connection.off("ready", quietly);
    },
  };
}
