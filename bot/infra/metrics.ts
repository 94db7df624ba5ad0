// Prometheus metrics of one process, on a registry of its own (no module-level default registry): messages in and
// out per channel, handler latency, job and delivery outcomes, and — read at scrape time — queue depths and
// transfer steps past their service level.
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from "prom-client";
import type { Queues } from "../core/queues.ts";
import { queueNames } from "../core/queues.ts";
import type { Db } from "./db.ts";

export function createMetrics(deps: { queues: Queues; db: Db }) {
  const registry = new Registry();
  const registers = [registry];
  // Process CPU, memory, event-loop lag and GC, prefixed like ours.
  collectDefaultMetrics({ register: registry, prefix: "tuanzhu_" });

  const metrics = {
    registry,
    messagesIn: new Counter({
      name: "tuanzhu_messages_in_total",
      help: "Messages and button presses received, by platform",
      labelNames: ["platform"] as const,
      registers,
    }),
    messagesOut: new Counter({
      name: "tuanzhu_messages_out_total",
      help: "Messages sent, by platform: replies, and proactive messages through the outbox",
      labelNames: ["platform", "kind"] as const,
      registers,
    }),
    handlerSeconds: new Histogram({
      name: "tuanzhu_handler_seconds",
      help: "Time from a message in to its replies, by platform and intent",
      labelNames: ["platform", "intent"] as const,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers,
    }),
    jobs: new Counter({
      name: "tuanzhu_jobs_total",
      help: "Jobs finished by the workers of this process, by queue and outcome (completed, failed)",
      labelNames: ["queue", "outcome"] as const,
      registers,
    }),
    deliveries: new Counter({
      name: "tuanzhu_delivery_outcomes_total",
      help: "Outbox rows finished by this process's delivery workers, by platform and outcome",
      labelNames: ["platform", "outcome"] as const,
      registers,
    }),
    schedulesRecreated: new Counter({
      name: "tuanzhu_schedules_recreated_total",
      help: "Recurring schedules found missing in Redis (a flush, an empty Redis) and re-created, by scheduler id",
      labelNames: ["scheduler"] as const,
      registers,
    }),
    schedulesMissing: new Gauge({
      name: "tuanzhu_schedules_missing",
      help: "Recurring schedules missing at the last check of this process's schedule keeper (0 once re-created)",
      registers,
    }),
    /** What this process's schedule keeper last saw, for /readyz; unchecked where no keeper runs. */
    schedules: { checked: false, missing: [] as string[], lastRecreatedAt: undefined as number | undefined },
  };

  new Gauge({
    name: "tuanzhu_queue_jobs",
    help: "Jobs in each queue by state (shared by every process)",
    labelNames: ["queue", "state"] as const,
    registers,
    async collect() {
      this.reset();
      await Promise.all(
        queueNames.map(async (name) => {
          const counts = await deps.queues[name].getJobCounts("waiting", "active", "delayed", "failed", "prioritized");
          for (const [state, n] of Object.entries(counts)) this.set({ queue: name, state }, n);
        }),
      );
    },
  });
  new Gauge({
    name: "tuanzhu_transfer_steps_overdue",
    help: "Transfer steps still waiting after their service level ran out (breaches in progress)",
    registers,
    async collect() {
      this.set(await deps.db.transferStep.count({ where: { status: "PENDING", dueAt: { lt: new Date() } } }));
    },
  });
  return metrics;
}

export type Metrics = ReturnType<typeof createMetrics>;
