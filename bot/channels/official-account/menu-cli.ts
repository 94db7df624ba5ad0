// `npm run wechat:menu`: sets the Official Account's custom menu from the catalogue (DEFAULT_LOCALE), replacing
// the one it has. Run it again after changing the menu's words.
import { ConfigError, loadConfig } from "../../config.ts";
import { createI18n } from "../../core/i18n.ts";
import { createRedis } from "../../infra/redis.ts";
import { quitRedis } from "../../lifecycle.ts";
import { officialAccountMenu } from "./menu.ts";
import { officialAccountSender } from "./sender.ts";

try {
  const config = loadConfig();
  if (!config.WECHAT_OA_APPID)
    throw new ConfigError("Set WECHAT_OA_APPID, WECHAT_OA_SECRET and WECHAT_OA_TOKEN first.");
  const i18n = createI18n(config.DEFAULT_LOCALE);
  const redis = createRedis(config.REDIS_URL, "client");
  try {
    const { api } = officialAccountSender(config, redis, i18n);
    const menu = officialAccountMenu(i18n.translator(config.DEFAULT_LOCALE));
    await api.createMenu(menu);
    console.log(menu.button.map((b) => `${b.name}: ${b.sub_button.map((s) => s.name).join(" · ")}`).join("\n"));
  } finally {
    await quitRedis(redis);
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
}
