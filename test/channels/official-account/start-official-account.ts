// An Official Account channel on the fake WeChat for a test file: the channel's route on a fastify instance
// (requests arrive through inject), its API pointed at the fake; both stopped at the end.
import Fastify from "fastify";
import { afterAll } from "vitest";
import type { App } from "../../../bot/app.ts";
import { createOfficialAccountChannel } from "../../../bot/channels/official-account/official-account-channel.ts";
import { OA, oaPerson, startFakeOfficialAccount } from "../../helpers/fake-official-account.ts";
import type { TestApp } from "../../helpers/test-app.ts";

export const OA_PATH = "/wechat/oa";

export function oaConfig(apiRoot: string, extra: Record<string, unknown> = {}) {
  return {
    WECHAT_OA_APPID: OA.appId,
    WECHAT_OA_SECRET: OA.secret,
    WECHAT_OA_TOKEN: OA.token,
    WECHAT_OA_AES_KEY: OA.aesKey,
    WECHAT_OA_API_ROOT: apiRoot,
    WECHAT_OA_PATH: OA_PATH,
    ...extra,
  };
}

/** `core` replaces the app's core (a slow one, say); `config` adds settings. */
export async function startOfficialAccount(
  app: TestApp,
  options: { core?: App["core"]; config?: Record<string, unknown> } = {},
) {
  const fake = await startFakeOfficialAccount();
  const http = Fastify();
  const config = { ...app.config, ...oaConfig(fake.apiRoot, options.config) };
  const channel = createOfficialAccountChannel(
    { ...app, core: options.core ?? app.core, deps: { ...app.deps, config } },
    http,
  );
  await http.ready();
  afterAll(async () => {
    await channel.stop();
    await http.close();
    await fake.close();
  });
  const person = (openId: string) => oaPerson(http, OA_PATH, openId, () => app.clock.now);
  return { fake, channel, http, person, config };
}
