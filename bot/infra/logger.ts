import pino, { type Logger } from "pino";
import type { Config } from "../config.ts";

export type { Logger };

/** JSON lines in production and pipes; readable lines in a terminal. */
export function createLogger(config: Pick<Config, "LOG_LEVEL" | "NODE_ENV">, destination?: pino.DestinationStream) {
  const pretty = !destination && process.stdout.isTTY && config.NODE_ENV !== "production";
  return pino(
    {
      level: config.LOG_LEVEL,
      redact: { paths: ["*.token", "*.secret", "*.password", "*.idNumber", "req.headers.authorization"], censor: "…" },
      ...(pretty ? { transport: { target: "pino-pretty", options: { destination: 2, ignore: "pid,hostname" } } } : {}),
    },
    destination ?? pino.destination(2),
  );
}
