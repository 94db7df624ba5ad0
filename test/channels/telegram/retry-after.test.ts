// Flood control on the reply path: wait what Telegram asks, within reason.
import { describe, expect, it } from "vitest";
import { retryAfter } from "../../../bot/channels/telegram/retry-after.ts";

const flood = (seconds: number) => ({
  ok: false as const,
  error_code: 429,
  description: "Too Many Requests",
  parameters: { retry_after: seconds },
});

function api(answers: object[]) {
  const made: string[] = [];
  const prev = async (method: string) => {
    made.push(method);
    return answers.shift() ?? { ok: true, result: true };
  };
  return { made, prev: prev as never };
}

describe("retryAfter", () => {
  it("gives up at once when Telegram asks for a longer wait than a person would sit through", async () => {
    const { made, prev } = api([flood(120)]);
    const result = await retryAfter({ maxWaitSec: 30 })(prev, "sendMessage", {} as never);
    expect(result).toMatchObject({ ok: false, error_code: 429 });
    expect(made).toEqual(["sendMessage"]);
  });

  it("stops after the allowed number of tries", async () => {
    const { made, prev } = api([flood(0), flood(0), flood(0)]);
    const result = await retryAfter({ maxAttempts: 2 })(prev, "sendMessage", {} as never);
    expect(result).toMatchObject({ error_code: 429 });
    expect(made).toHaveLength(2);
  });

  it("keeps trying past three refusals while the answer is still due within the minute", async () => {
    const { made, prev } = api([flood(0), flood(0), flood(0), flood(0), flood(0)]);
    const result = await retryAfter()(prev, "sendMessage", {} as never);
    expect(result).toMatchObject({ ok: true });
    expect(made).toHaveLength(6);
  });

  it("gives up once the next wait would end past the minute", async () => {
    const { made, prev } = api([flood(1), flood(1)]);
    const result = await retryAfter({ withinMs: 1_500 })(prev, "sendMessage", {} as never);
    expect(result).toMatchObject({ error_code: 429 });
    expect(made).toHaveLength(2);
  });

  it("leaves other errors alone", async () => {
    const { made, prev } = api([{ ok: false, error_code: 400, description: "Bad Request" }]);
    await retryAfter()(prev, "sendMessage", {} as never);
    expect(made).toHaveLength(1);
  });
});
