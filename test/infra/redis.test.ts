// A chat's Redis connection behind something that takes the connection and drops it at once (a container's port
// proxy with Redis gone): ioredis's retry count restarts with every connection, so without a command timeout a
// chat message would wait for ever. It must fail within seconds, as an error the core answers "busy" to.
import { afterAll, describe, expect, it } from "vitest";
import { isUnavailableError } from "../../bot/core/unavailable.ts";
import { createRedis } from "../../bot/infra/redis.ts";
import { startOwnRedis } from "../helpers/redis-server.ts";
import { startTcpGate } from "../helpers/tcp-gate.ts";

const redis = await startOwnRedis();
const gate = await startTcpGate(redis.url);
const client = createRedis(gate.via(redis.url), "client");
client.on("error", () => undefined);
afterAll(async () => {
  client.disconnect();
  await gate.close();
  await redis.close();
});

describe("the chat's Redis client", () => {
  it("gives up on a command within a few seconds while connections are accepted and dropped", async () => {
    expect(await client.set("k", "v")).toBe("OK");
    gate.cut();
    const started = Date.now();
    const error = await client.get("k").then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(Error);
    expect(isUnavailableError(error)).toBe(true);
    expect(Date.now() - started).toBeLessThan(5_000);

    gate.open();
    await expect.poll(() => client.get("k").catch(() => "not yet"), { timeout: 10_000, interval: 200 }).toBe("v");
  }, 20_000);
});
