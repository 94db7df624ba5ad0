// The webhook route: Telegram posts each update here with the secret we gave setWebhook in a header.
// Anything without that secret is refused before its body is read (an onRequest hook runs before fastify parses
// it), so a stranger can neither speak as a user nor make us parse what they send; bodies are small.
import { timingSafeEqual } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import type { FastifyPluginAsync } from "fastify";

export const SECRET_HEADER = "x-telegram-bot-api-secret-token";
/** Telegram's updates are a few kilobytes (a 4096-character message with its entities); nothing needs more. */
export const WEBHOOK_BODY_LIMIT = 256 * 1024;

export interface WebhookOptions {
  path: string;
  secret: string;
  /** False once the channel stops: Telegram keeps the update and tries again later. */
  accepting(): boolean;
  handle(update: { update_id: number }): Promise<void>;
  /** Answer Telegram after this long even if the handler is still busy; redelivery is deduplicated anyway. */
  answerWithinMs?: number;
}

export function webhookRoute(options: WebhookOptions): FastifyPluginAsync {
  const expected = Buffer.from(options.secret);
  const secretMatches = (given: unknown) => {
    if (typeof given !== "string") return false;
    const actual = Buffer.from(given);
    return actual.length === expected.length && timingSafeEqual(actual, expected);
  };

  return async (app) => {
    app.post(
      options.path,
      {
        bodyLimit: WEBHOOK_BODY_LIMIT,
        onRequest: async (request, reply) => {
          if (!secretMatches(request.headers[SECRET_HEADER])) return reply.code(401).send({ error: "Unauthorized" });
          if (!options.accepting()) return reply.code(503).send({ error: "Service Unavailable" });
        },
      },
      async (request, reply) => {
        const update = request.body as { update_id?: unknown } | null;
        if (typeof update?.update_id !== "number") return reply.code(400).send({ error: "not a Telegram update" });

        const handled = options.handle(update as { update_id: number });
        const ac = new AbortController();
        await Promise.race([
          handled,
          sleep(options.answerWithinMs ?? 10_000, undefined, { signal: ac.signal }).catch(() => {}),
        ]);
        ac.abort();
        return reply.code(200).send({ ok: true });
      },
    );
  };
}
