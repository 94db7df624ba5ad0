// Starts the Telegram channel, long polling a fake Bot API, for a test file; stops both at the end.
import { afterAll } from "vitest";
import { createTelegramChannel } from "../../../bot/channels/telegram/telegram-channel.ts";
import { startFakeTelegram } from "../../helpers/fake-telegram.ts";
import type { TestApp } from "../../helpers/test-app.ts";

export async function startTelegram(app: TestApp) {
  const fake = await startFakeTelegram();
  const channel = createTelegramChannel({
    config: { ...app.config, TELEGRAM_BOT_TOKEN: fake.token, TELEGRAM_API_ROOT: fake.apiRoot },
    core: app.core,
    logger: app.deps.logger,
    redis: app.deps.redis,
    db: app.deps.db,
    i18n: app.deps.i18n,
  });
  await channel.start();
  afterAll(async () => {
    await channel.stop();
    await fake.close();
  });
  return { fake, channel };
}
