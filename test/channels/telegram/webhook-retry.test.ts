// The webhook's answer when an update could not be handled: 503 (Telegram delivers it again) only while Telegram
// is still waiting for our answer; once the route has answered 200 the handler must tell the person itself.
import Fastify from "fastify";
import { describe, expect, it } from "vitest";
import { SECRET_HEADER, webhookRoute } from "../../../bot/channels/telegram/webhook.ts";

const SECRET = "hook-secret_0123456789";
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function route(handle: (mayRetry: () => boolean) => Promise<"ok" | "retry">) {
  const app = Fastify();
  await app.register(
    webhookRoute({
      path: "/hook",
      secret: SECRET,
      accepting: () => true,
      handle: (_u, m) => handle(m),
      answerWithinMs: 200,
    }),
  );
  const response = await app.inject({
    method: "POST",
    url: "/hook",
    headers: { [SECRET_HEADER]: SECRET },
    payload: { update_id: 1 },
  });
  await app.close();
  return response.statusCode;
}

describe("webhook answer when storage is out of reach", () => {
  it("answers 503 when the handler asks for a retry in time", async () => {
    expect(await route(async (mayRetry) => (mayRetry() ? "retry" : "ok"))).toBe(503);
  });

  it("answers 200 at the deadline, and then the handler may no longer ask for a retry", async () => {
    let late: boolean | undefined;
    let finished!: () => void;
    const done = new Promise<void>((resolve) => {
      finished = resolve;
    });
    expect(
      await route(async (mayRetry) => {
        await sleep(400);
        late = mayRetry();
        finished();
        return late ? "retry" : "ok";
      }),
    ).toBe(200);
    await done;
    expect(late).toBe(false);
  });

  it("waits past the deadline for a handler that asked for a retry before it", async () => {
    expect(
      await route(async (mayRetry) => {
        await sleep(150);
        const retry = mayRetry();
        await sleep(200);
        return retry ? "retry" : "ok";
      }),
    ).toBe(503);
  });
});
