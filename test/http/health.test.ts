import { describe, expect, it } from "vitest";
import { createHttpServer } from "../../bot/http/server.ts";
import { createRedis } from "../../bot/infra/redis.ts";
import { createTestApp } from "../helpers/test-app.ts";

const app = await createTestApp();

describe("health endpoints", () => {
  it("reports live and ready when PostgreSQL and Redis answer", async () => {
    const http = createHttpServer(app.deps);
    expect((await http.inject({ url: "/healthz" })).json()).toEqual({ status: "ok" });
    const ready = await http.inject({ url: "/readyz" });
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toEqual({ status: "ok", checks: { postgres: "ok", redis: "ok" } });
    await http.close();
  });

  it("answers 503 naming Redis when Redis does not answer", async () => {
    const deadRedis = createRedis("redis://127.0.0.1:1", "client");
    deadRedis.on("error", () => {});
    const http = createHttpServer({ ...app.deps, redis: deadRedis });
    const ready = await http.inject({ url: "/readyz" });
    expect(ready.statusCode).toBe(503);
    expect(ready.json()).toEqual({ status: "unavailable", checks: { postgres: "ok", redis: "down" } });
    await http.close();
    deadRedis.disconnect();
  });
});
