// The whole configuration: one zod schema over the environment, parsed once at start.
import { z } from "zod";

const flag = z
  .enum(["1", "0", "true", "false", "yes", "no", "on", "off", ""], { error: "1 or 0 (true/false)" })
  .transform((v) => ["1", "true", "yes", "on"].includes(v));
const optional = z
  .string()
  .trim()
  .transform((v) => (v === "" ? undefined : v))
  .optional();
const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "a time of day as HH:MM");
// A day every year has (no 02-29): a yearly deadline.
const monthDay = z
  .string()
  .regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, "a day of the year as MM-DD")
  .refine((v) => new Date(`2023-${v}T00:00:00Z`).toISOString().slice(5, 10) === v, "a day every year has (MM-DD)");

export const configSchema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
    DATABASE_URL: z
      .url({ protocol: /^postgres(ql)?$/, error: "a postgresql:// URL" })
      .default("postgresql://postgres@127.0.0.1:5432/tuanzhu"),
    /**
     * Connections to PostgreSQL one process (bot with its HTTP server, `npm run workers`) may hold at once. Every
     * process takes its own, so all of them together must stay under the server's max_connections.
     */
    DATABASE_POOL_SIZE: z.coerce
      .number({ error: "a whole number from 1 to 200" })
      .int("a whole number from 1 to 200")
      .min(1, "a whole number from 1 to 200")
      .max(200, "a whole number from 1 to 200")
      .default(10),
    REDIS_URL: z.url({ protocol: /^rediss?$/, error: "a redis:// URL" }).default("redis://127.0.0.1:6379"),
    /** Namespace for every Redis key and queue, so several deployments (or test files) share one Redis. */
    REDIS_PREFIX: z
      .string()
      .regex(/^[\w{}-]+$/, "letters, digits, - _ { }")
      .default("tz"),
    HTTP_HOST: z.string().default("127.0.0.1"),
    HTTP_PORT: z.coerce.number({ error: "a port number" }).int().min(0).max(65535).default(3000),
    /** `npm run workers` serves /healthz, /readyz and /metrics here (HTTP_HOST too). */
    WORKERS_HTTP_PORT: z.coerce.number({ error: "a port number" }).int().min(0).max(65535).default(3001),
    /** Bearer token Prometheus must send for /metrics; unset = open (keep the port internal). */
    METRICS_TOKEN: optional,
    /** Answer 503 (Retry-After) while the event loop lags more than this, or the process uses more memory. */
    OVERLOAD_MAX_EVENT_LOOP_DELAY_MS: z.coerce.number().int().positive().default(1_000),
    OVERLOAD_MAX_RSS_MB: z.coerce.number().int().positive().default(1_536),
    DEFAULT_LOCALE: z.enum(["zh-CN", "en"], { error: "zh-CN or en" }).default("zh-CN"),
    TZ: z
      .string()
      .refine((tz) => Intl.supportedValuesOf("timeZone").includes(tz) || tz === "UTC", "an IANA time zone")
      .default("Asia/Shanghai"),
    /** Key for the keyed hash of ID-card numbers and binding codes. */
    ID_HASH_SECRET: z.string().min(16, "at least 16 characters").default("tuanzhu-demo-secret-change-me"),
    RUN_WORKERS: flag.default(true),
    /** Seed the demo subtree into an empty database at start (turn off for real deployments). */
    DEMO_DATA: flag.default(true),
    /** The console channel: on for `npm run console`; with `auto`, on when stdin is a terminal and no platform is set. */
    CONSOLE: z.enum(["auto", "on", "off"]).default("auto"),
    /** Act as this member on the console (发展团员编号); `none` for an unbound chat. */
    CONSOLE_AS: z.string().default("201901000001"),
    TELEGRAM_BOT_TOKEN: optional,
    TELEGRAM_API_ROOT: z.url().default("https://api.telegram.org"),
    /** The bot's @username without the @, for t.me deep links (check-in QR codes); unset = codes without QR. */
    TELEGRAM_BOT_USERNAME: optional.pipe(
      z
        .string()
        .regex(/^[A-Za-z][A-Za-z0-9_]{3,31}$/, "a Telegram bot username without @")
        .optional(),
    ),
    TELEGRAM_WEBHOOK_URL: optional.pipe(z.url().optional()),
    TELEGRAM_WEBHOOK_SECRET: optional.pipe(
      z
        .string()
        .regex(/^[A-Za-z0-9_-]{1,256}$/, "1-256 characters A-Z a-z 0-9 _ -")
        .optional(),
    ),
    WECHATY_PUPPET: optional,
    WECHATY_PUPPET_TOKEN: optional,
    /** Accept WeChat friend requests: off, all, or only those whose greeting holds WECHAT_FRIEND_KEYWORD. */
    WECHAT_FRIEND_ACCEPT: z.enum(["off", "all", "keyword"]).default("keyword"),
    WECHAT_FRIEND_KEYWORD: z.string().default("团助"),
    /** Minimum gap between two WeChat messages the bot sends; bursts get personal accounts banned. */
    WECHAT_SEND_INTERVAL_MS: z.coerce.number().int().min(500, "at least 500").default(3000),
    /** A WeChat Official Account (服务号): all four of its developer settings, or none. */
    WECHAT_OA_APPID: optional,
    WECHAT_OA_SECRET: optional,
    /** The "Token" of the account's server settings: it signs every request WeChat sends us. */
    WECHAT_OA_TOKEN: optional,
    /** The EncodingAESKey (43 characters) for safe mode; unset = plain mode only. */
    WECHAT_OA_AES_KEY: optional.pipe(
      z
        .string()
        .regex(/^[A-Za-z0-9]{43}$/, "the 43-character EncodingAESKey")
        .optional(),
    ),
    /** Where WeChat posts the account's messages (the server URL's path). */
    WECHAT_OA_PATH: z
      .string()
      .regex(/^\/[\w/-]*$/, "a path such as /wechat/oa")
      .default("/wechat/oa"),
    /** The Official Account API; another base for a private gateway or a test server. */
    WECHAT_OA_API_ROOT: z.url().default("https://api.weixin.qq.com"),
    /** Template message for proactive messages outside the 48 h window, and the template field the text goes in. */
    WECHAT_OA_TEMPLATE_ID: optional,
    WECHAT_OA_TEMPLATE_FIELD: z.string().regex(/^\w+$/, "a template field name such as thing1").default("thing1"),
    /** Answer WeChat's request with the reply itself when the core is this fast (WeChat waits 5 s at most). */
    WECHAT_OA_REPLY_WITHIN_MS: z.coerce.number().int().min(100).max(4_500).default(4_000),
    /** Customer-service and template messages per second, whole account. */
    WECHAT_OA_SENDS_PER_SECOND: z.coerce.number().int().min(1).max(1000).default(20),
    /**
     * How long a message waits for its chat's earlier one, handled by another process, before the person is told
     * "busy" (Telegram's webhook: the update is delivered again instead, while Telegram still waits for our answer).
     */
    CHAT_LOCK_WAIT_MS: z.coerce.number().int().min(100).max(60_000).default(10_000),
    /** Messages a chat may send per minute before the bot asks it to slow down. */
    CHAT_RATE_PER_MINUTE: z.coerce.number().int().positive().default(20),
    QUIET_HOURS_START: clock.default("22:00"),
    QUIET_HOURS_END: clock.default("08:00"),
    /** Proactive sends per second for the whole Telegram bot (Telegram's broadcast limit is about 30). */
    TELEGRAM_SENDS_PER_SECOND: z.coerce.number().int().min(1).max(1000).default(30),
    /**
     * Share of TELEGRAM_SENDS_PER_SECOND kept for replies to people (direct answers and outbox rows a person's action
     * caused): broadcasts (notices, reminders, reports) never take it, so a reply never waits behind a backlog.
     */
    DELIVERY_REPLY_SHARE: z.coerce.number().min(0).max(0.9).default(0.2),
    /** Proactive sends per second to one Telegram private chat. */
    TELEGRAM_CHAT_SENDS_PER_SECOND: z.coerce.number().int().min(1).default(1),
    /** Proactive sends per minute to one Telegram group (chat ids starting with "-"). */
    TELEGRAM_GROUP_SENDS_PER_MINUTE: z.coerce.number().int().min(1).default(20),
    /** Delivery jobs one process works on at once, per platform. */
    DELIVERY_CONCURRENCY: z.coerce.number().int().min(1).max(200).default(10),
    /** Tries of one outbox row before it is given up (FAILED, the dead letter); counted in PostgreSQL. */
    DELIVERY_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(5),
    /** First wait after a failed try; doubled for each further one. */
    DELIVERY_BACKOFF_MS: z.coerce.number().int().min(1).default(5_000),
    /**
     * How long a message whose send began may wait for its worker to record the platform's answer before another
     * try calls its outcome unknown (FAILED, never resent). Longer than a send may take (the senders' 30 s timeout).
     */
    DELIVERY_OUTCOME_WAIT_MS: z.coerce.number().int().min(0).default(60_000),
    /**
     * BullMQ's job lock, and how often stalled jobs are looked for: the jobs of a worker process that died are taken
     * over within about twice this.
     */
    WORKER_LOCK_MS: z.coerce.number().int().min(1_000).default(30_000),
    /** Rows the outbox reconciler queues per run at least; it queues more when the platform can send more per run. */
    RECONCILE_BATCH: z.coerce.number().int().min(1).max(10_000).default(500),
    /** Shared secret of the online payment provider's signed callback; unset = no /payments/callback route (404). */
    PAYMENT_CALLBACK_SECRET: optional.pipe(z.string().min(16, "at least 16 characters").optional()),
    /** A transfer step's service level in hours, for organisations without their own (Organisation.slaHours). */
    TRANSFER_SLA_HOURS: z.coerce.number().int().positive().max(8760).default(72),
    /** 入团: months an 入团积极分子 is trained, and 团课 hours required, where no organisation above sets its own. */
    JOIN_TRAINING_MONTHS: z.coerce.number().int().min(0).max(36).default(3),
    JOIN_COURSE_HOURS: z.coerce.number().int().min(0).max(200).default(8),
    /** The monthly dues reminder: day of the month (1–28, so every month has it) and hour, in TZ. */
    DUES_REMINDER_DAY: z.coerce.number().int().min(1).max(28, "1 to 28").default(5),
    DUES_REMINDER_HOUR: z.coerce.number().int().min(0).max(23, "0 to 23").default(10),
    /** Graduate season deadlines (MM-DD): graduates start their transfers by the first, complete them by the second. */
    GRADUATE_START_DEADLINE: monthDay.default("06-30"),
    GRADUATE_COMPLETE_DEADLINE: monthDay.default("11-30"),
    /** 团员教育评议: 优秀 within this percent of a branch's evaluated members (the league's usual rule: 30%). */
    EVALUATION_EXCELLENT_PERCENT: z.coerce.number().int().min(0).max(100, "0 to 100").default(30),
    /** Requests per minute one client IP may make to the admin API and queue dashboard (429 beyond). */
    ADMIN_RATE_PER_MINUTE: z.coerce.number().int().min(1).default(120),
    /** Requests per minute one client IP may make to /docs (the page loads a handful of files). */
    DOCS_RATE_PER_MINUTE: z.coerce.number().int().min(1).default(60),
    /** Coarse limit per client IP for every other route except the Telegram webhook and health probes. */
    HTTP_RATE_PER_MINUTE: z.coerce.number().int().min(1).default(600),
    /** A CJK font file for the league-table chart's names; missing = the numbered chart (names in the text only). */
    CHART_FONT_FILE: z.string().default("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"),
    /** Where people reach this server's HTTP port from outside: the 电子团员证's QR code opens <PUBLIC_URL>/verify/<token>. */
    PUBLIC_URL: z.url({ protocol: /^https?$/, error: "an http(s):// URL" }).default("http://localhost:3000"),
    /** Days a 电子团员证's verify token lives; a new /card replaces it sooner. */
    CARD_TOKEN_DAYS: z.coerce.number().int().min(1).max(366).default(30),
    SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().positive().default(10_000),
  })
  .superRefine((c, ctx) => {
    if (c.NODE_ENV === "production" && c.ID_HASH_SECRET === "tuanzhu-demo-secret-change-me") {
      ctx.addIssue({ code: "custom", path: ["ID_HASH_SECRET"], message: "a secret of your own in production" });
    }
    const oa = ["WECHAT_OA_APPID", "WECHAT_OA_SECRET", "WECHAT_OA_TOKEN"] as const;
    const oaSet = oa.filter((k) => c[k] !== undefined);
    if (oaSet.length > 0 && oaSet.length < oa.length) {
      const missing = oa.find((k) => c[k] === undefined)!;
      ctx.addIssue({ code: "custom", path: [missing], message: `set together with ${oaSet.join(", ")}` });
    }
    if (c.TELEGRAM_WEBHOOK_URL && !c.TELEGRAM_WEBHOOK_SECRET) {
      ctx.addIssue({ code: "custom", path: ["TELEGRAM_WEBHOOK_SECRET"], message: "set when TELEGRAM_WEBHOOK_URL is" });
    }
  });

export type Config = z.infer<typeof configSchema>;

export class ConfigError extends Error {}

/** Parses the environment; the error names the first bad variable, what it expects and what it got. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  // Empty strings mean "not set" so that a blank line in .env falls back to the default.
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ""));
  const parsed = configSchema.safeParse(present);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const name = String(issue?.path[0] ?? "environment");
  const got = present[name];
  const shown =
    got === undefined ? "not set" : `got "${name.includes("SECRET") || name.includes("TOKEN") ? "…" : got}"`;
  throw new ConfigError(`Configuration error: ${name} must be ${issue?.message} (${shown})`);
}
