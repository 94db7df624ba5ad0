// Builds the shared dependencies and the core once; entry points add channels, HTTP and workers around them.

import type { Config } from "./config.ts";
import { createAudit } from "./core/audit.ts";
import { broadcastMessages, type CoreDeps } from "./core/feature.ts";
import { createI18n } from "./core/i18n.ts";
import { meteredCore } from "./core/metered-core.ts";
import { createIntentClassifier } from "./core/nlu/classifier.ts";
import { createOutbox, feedWindow } from "./core/outbox.ts";
import { createQueues } from "./core/queues.ts";
import { type Core, createCore } from "./core/router.ts";
import { createSeenMarks } from "./core/seen-marks.ts";
import { createTimers } from "./core/timers.ts";
import { features } from "./features/index.ts";
import { createDb } from "./infra/db.ts";
import { createLogger, type Logger } from "./infra/logger.ts";
import { createMetrics } from "./infra/metrics.ts";
import { createRedis } from "./infra/redis.ts";
import { quitRedis } from "./lifecycle.ts";

export interface App {
  deps: CoreDeps;
  core: Core;
  close(): Promise<void>;
}

export function createApp(config: Config, options: { logger?: Logger; now?: () => Date } = {}): App {
  const logger = options.logger ?? createLogger(config);
  const db = createDb(config.DATABASE_URL, config.DATABASE_POOL_SIZE);
  const redis = createRedis(config.REDIS_URL, "client");
  // BullMQ wants its own connection, configured for queues.
  const queueRedis = createRedis(config.REDIS_URL, "worker");
  const queues = createQueues(queueRedis, config.REDIS_PREFIX);
  const now = options.now ?? (() => new Date());
  const deps: CoreDeps = {
    config,
    db,
    redis,
    i18n: createI18n(config.DEFAULT_LOCALE),
    logger,
    audit: createAudit(db),
    outbox: createOutbox(db, queues, broadcastMessages(features), feedWindow(config.TELEGRAM_SENDS_PER_SECOND), now),
    queues,
    timers: createTimers(queues, now),
    metrics: createMetrics({ queues, db }),
    now,
    seen: createSeenMarks(db, logger),
  };
  const core = meteredCore(createCore(deps, features, createIntentClassifier()), deps.metrics);
  return {
    deps,
    core,
    async close() {
      await queues.close();
      await deps.seen.flush();
      await Promise.allSettled([db.$disconnect(), quitRedis(redis), quitRedis(queueRedis)]);
    },
  };
}
