// The member-card verify page is public: one client IP is held to the coarse per-minute limit like any other route.
import { afterAll, describe, expect, it } from "vitest";
import { createHttpServer } from "../../bot/http/server.ts";
import { createTestApp } from "../helpers/test-app.ts";

const app = await createTestApp({ HTTP_RATE_PER_MINUTE: "3" });
const http = createHttpServer(app.deps);
afterAll(() => http.close());

describe("GET /verify/<token>", () => {
  it("is rate-limited per client", async () => {
    const codes: number[] = [];
    for (let i = 0; i < 5; i++) {
      const res = await http.inject({
        url: `/verify/${i.toString().repeat(40)}`,
        headers: { accept: "application/json" },
      });
      codes.push(res.statusCode);
    }
    expect(codes).toEqual([200, 200, 200, 429, 429]);
  });
});
