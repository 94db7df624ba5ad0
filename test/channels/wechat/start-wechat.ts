// Starts the WeChat channel on a fake account for a test file, and stops it (before the app closes) at the end.
import { afterAll } from "vitest";
import { createWechatChannel } from "../../../bot/channels/wechat/wechat-channel.ts";
import type { Config } from "../../../bot/config.ts";
import type { Core } from "../../../bot/core/router.ts";
import type { Logger } from "../../../bot/infra/logger.ts";
import { createFakeWechat } from "../../helpers/fake-wechat.ts";
import type { TestApp } from "../../helpers/test-app.ts";

export async function startWechat(
  app: TestApp,
  settings: Partial<Config> = {},
  options: { core?: Core; logger?: Logger; login?: boolean } = {},
) {
  const fake = createFakeWechat();
  const channel = await createWechatChannel({
    config: { ...app.config, ...settings },
    core: options.core ?? app.core,
    logger: options.logger ?? app.deps.logger,
    redis: app.deps.redis,
    puppet: fake.puppet,
  });
  // Registered after createTestApp's, so it runs before the app's connections close.
  afterAll(() => channel.stop());
  if (options.login !== false) await fake.connect(channel.wechaty);
  return { fake, channel };
}
