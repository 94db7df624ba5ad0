// An image sent on WeChat reaches the core as a reference whose bytes are fetched through the puppet on demand.
import { describe, expect, it } from "vitest";
import type { Incoming } from "../../../bot/core/types.ts";
import { TINY_PNG } from "../../helpers/fake-telegram.ts";
import { createTestApp } from "../../helpers/test-app.ts";
import { startWechat } from "./start-wechat.ts";

const app = await createTestApp({ WECHAT_SEND_INTERVAL_MS: "500" });
const seen: Incoming[] = [];
const core = {
  async handle(incoming: Incoming) {
    seen.push(incoming);
    return [];
  },
};
const { fake, channel } = await startWechat(app, {}, { core });

describe("WeChat images", () => {
  it("fetches the bytes the person sent", async () => {
    const wang = fake.person("王芳");
    await fake.userSendsImage(wang, TINY_PNG);
    await channel.settled();
    expect(seen).toHaveLength(1);
    expect(Buffer.from(await seen[0]!.image!.fetch())).toEqual(TINY_PNG);
  });
});
