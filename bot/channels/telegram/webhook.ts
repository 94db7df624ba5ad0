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
  /** `mayRetry()` is true, and then holds our answer for the 503, when Telegram can still be asked to deliver the
   * update again; it resolves "retry" when it should. */
  handle(update: { update_id: number }, mayRetry: () => boolean): Promise<"ok" | "retry">;
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

        // Either we answer 200 at the deadline and the handler must tell the person itself, or the handler has
        // asked for a retry first and we wait for it: whichever comes first decides.
        let state: "open" | "answered" | "retrying" = "open";
        const decide = (to: "answered" | "retrying") => {
          if (state !== "open") return false;
          state = to;
          return true;
        };
        const mayRetry = () => decide("retrying");
        const handled = options.handle(update as { update_id: number }, mayRetry);
        const ac = new AbortController();
        let outcome = await Promise.race([
          handled,
          sleep(options.answerWithinMs ?? 10_000, "late" as const, { signal: ac.signal }).catch(() => "ok" as const),
        ]);
        ac.abort();
        if (outcome === "late") outcome = decide("answered") ? "ok" : await handled;
        // Telegram delivers the update again after a 5xx; the claim was released for it.
        if (outcome === "retry") return reply.code(503).send({ error: "Service Unavailable" });
        return reply.code(200).send({ ok: true });
      },
    );
  };
}
