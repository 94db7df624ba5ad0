import { AsyncLocalStorage } from "node:async_hooks";
import pino, { type Logger } from "pino";
import type { Config } from "../config.ts";
import { redactUrl } from "./redact-url.ts";

export type { Logger };

// What is being handled (an update, a request, a job): every line logged while handling it carries these fields,
// whichever logger wrote it. One storage for the process, as async context is.
const logContext = new AsyncLocalStorage<Record<string, unknown>>();

/** Runs `fn` with `fields` on every log line written during it (nested calls add to the outer fields). */
export function withLogContext<T>(fields: Record<string, unknown>, fn: () => T): T {
  return logContext.run({ ...logContext.getStore(), ...fields }, fn);
}

/** Adds `fields` to the log lines of the rest of the current asynchronous flow (a request from its first hook on). */
export function enterLogContext(fields: Record<string, unknown>): void {
  logContext.enterWith({ ...logContext.getStore(), ...fields });
}

/** A request as logged (fastify's fields), its URL without credential values in the query. */
function requestFields(req: {
  method?: string;
  url?: string;
  host?: string;
  ip?: string;
  socket?: { remotePort?: number };
}) {
  return {
    method: req.method,
    url: typeof req.url === "string" ? redactUrl(req.url) : req.url,
    host: req.host,
    remoteAddress: req.ip,
    remotePort: req.socket?.remotePort,
  };
}

/** An error as pino writes it, without credential values in URLs its message or stack quote. */
function errorFields(err: unknown) {
  const fields = pino.stdSerializers.err(err as Error) as unknown as Record<string, unknown>;
  if (!fields || typeof fields !== "object") return fields;
  for (const key of ["message", "stack"]) {
    if (typeof fields[key] === "string") fields[key] = redactUrl(fields[key] as string);
  }
  return fields;
}

/** JSON lines in production and pipes; readable lines in a terminal. */
export function createLogger(config: Pick<Config, "LOG_LEVEL" | "NODE_ENV">, destination?: pino.DestinationStream) {
  const pretty = !destination && process.stdout.isTTY && config.NODE_ENV !== "production";
  return pino(
    {
      level: config.LOG_LEVEL,
      mixin: () => logContext.getStore() ?? {},
      // Request URLs, error messages and message strings (fastify's "Route GET:/x?token=… not found") may quote a
      // URL with a credential in its query: its value is replaced wherever the URL appears.
      serializers: { req: requestFields, err: errorFields },
      hooks: {
        logMethod(args, method) {
          method.apply(
            this,
            args.map((arg) => (typeof arg === "string" ? redactUrl(arg) : arg)) as Parameters<typeof method>,
          );
        },
      },
      redact: {
        paths: [
          ...["token", "secret", "password", "idNumber"].flatMap((key) => [key, `*.${key}`]),
          // Admin API tokens travel in the Authorization header and the queue dashboard's cookie.
          ...["authorization", "cookie", "set-cookie"].flatMap((h) => [`*.headers.${h}`, `*.headers["${h}"]`]),
        ],
        censor: "…",
      },
      ...(pretty ? { transport: { target: "pino-pretty", options: { destination: 2, ignore: "pid,hostname" } } } : {}),
    },
    destination ?? pino.destination(2),
  );
}
