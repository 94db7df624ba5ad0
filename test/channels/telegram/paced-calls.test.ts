// Answers the channel sends itself take their place in the send budget the delivery workers share (the replies'
// lane), each try again after a 429, and give it back once Telegram has answered.
import { describe, expect, it } from "vitest";
import { pacedCalls } from "../../../bot/channels/telegram/paced-calls.ts";
import { retryAfter } from "../../../bot/channels/telegram/retry-after.ts";
import type { ReplyBudget } from "../../../bot/core/types.ts";

function budget() {
  const events: string[] = [];
  const b: ReplyBudget = {
    async take(platform) {
      events.push(`take ${platform}`);
      return async () => {
        events.push("answered");
      };
    },
  };
  return { events, b };
}

const flood = { ok: false as const, error_code: 429, description: "Too Many Requests", parameters: { retry_after: 0 } };

describe("pacedCalls", () => {
  it("counts a message sent, from before it leaves until Telegram answered", async () => {
    const { events, b } = budget();
    const prev = async (method: string) => {
      events.push(method);
      return { ok: true, result: true };
    };
    await pacedCalls(b)(prev as never, "sendMessage", {} as never);
    expect(events).toEqual(["take telegram", "sendMessage", "answered"]);
  });

  it("leaves calls that send nothing to a chat alone", async () => {
    const { events, b } = budget();
    const prev = async (method: string) => {
      events.push(method);
      return { ok: true, result: true };
    };
    await pacedCalls(b)(prev as never, "answerCallbackQuery", {} as never);
    await pacedCalls(b)(prev as never, "getMe", {} as never);
    expect(events).toEqual(["answerCallbackQuery", "getMe"]);
  });

  it("takes a place again for each try after a 429, and the answer still goes", async () => {
    const { events, b } = budget();
    const answers: object[] = [flood, flood, flood, flood];
    const prev = async (method: string) => {
      events.push(method);
      return answers.shift() ?? { ok: true, result: true };
    };
    // As installed on the channel's API: budget inside, retries outside.
    const paced = pacedCalls(b);
    const call = (m: string, p: never, s: never) => paced(prev as never, m as never, p, s);
    const result = await retryAfter()(call as never, "sendMessage", {} as never);
    expect(result).toMatchObject({ ok: true });
    expect(events.filter((e) => e === "take telegram")).toHaveLength(5);
    expect(events.filter((e) => e === "answered")).toHaveLength(5);
  });
});
