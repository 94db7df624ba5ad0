// Proactive messages on an Official Account. Inside the 48 hours after the person's last message a
// customer-service message carries the whole reply; outside it WeChat refuses those, so the row waits (WAITING)
// until the person writes again, and — once a day at most — a template message rings the doorbell with the
// message's first line, when a template is configured.
import type { Redis } from "ioredis";
import type { Config } from "../../config.ts";
import type { I18n } from "../../core/i18n.ts";
import { imageFileName } from "../../core/images.ts";
import { type ChannelSender, type Reply, SendError } from "../../core/types.ts";
import { createOaApi, type OaApi, OaApiError } from "./api.ts";
import { type OaPart, oaParts } from "./render.ts";
import { OUT_OF_WINDOW, sendFailure } from "./send-failure.ts";

/** A template field of the "thing" kind takes 20 characters. */
const TEMPLATE_TEXT_LIMIT = 20;
const DOORBELL_EVERY_SEC = 24 * 3600;

export interface OaSenderOptions {
  api: OaApi;
  redis: Redis;
  prefix: string;
  template?: { id: string; field: string };
  fileNotice: (name: string) => string;
}

export function createOaSender(
  options: OaSenderOptions,
): ChannelSender & { sendParts(openId: string, parts: OaPart[]): Promise<void> } {
  const { api } = options;

  async function sendParts(openId: string, parts: OaPart[]) {
    for (const part of parts) {
      if (part.kind === "text") {
        await api.sendCustom(openId, { msgtype: "text", text: { content: part.text } });
      } else {
        const name = imageFileName(part.png);
        const mediaId = await api.uploadImage(part.png, name, name.endsWith(".png") ? "image/png" : "image/jpeg");
        await api.sendCustom(openId, { msgtype: "image", image: { media_id: mediaId } });
      }
    }
  }

  async function ringDoorbell(openId: string, reply: Reply) {
    const template = options.template;
    if (!template) return;
    const key = `${options.prefix}:oa-doorbell:${openId}`;
    if ((await options.redis.set(key, "1", "EX", DOORBELL_EVERY_SEC, "NX")) !== "OK") return;
    const firstLine = reply.text.split("\n").find((l) => l.trim()) ?? "";
    const text = [...firstLine.trim()].slice(0, TEMPLATE_TEXT_LIMIT).join("");
    await api.sendTemplate(openId, template.id, { [template.field]: { value: text } }).catch(async (error: unknown) => {
      // Not rung: the next message may try again.
      await options.redis.del(key);
      throw error;
    });
  }

  return {
    platform: "wechat_oa",
    sendParts,
    async send(openId, reply) {
      try {
        await sendParts(openId, oaParts(reply, options.fileNotice));
      } catch (error) {
        const failure = sendFailure(error);
        if (error instanceof OaApiError && OUT_OF_WINDOW.has(error.errcode)) {
          await ringDoorbell(openId, reply).catch(() => undefined);
        }
        throw new SendError(failure);
      }
    },
  };
}

/** The API client and sender from the settings: any process can send, only the one serving the URL receives. */
export function officialAccountSender(config: Config, redis: Redis, i18n: I18n) {
  const { WECHAT_OA_APPID: appId, WECHAT_OA_SECRET: secret } = config;
  if (!appId || !secret) throw new Error("WECHAT_OA_APPID and WECHAT_OA_SECRET are needed");
  const prefix = config.REDIS_PREFIX;
  const api = createOaApi({ root: config.WECHAT_OA_API_ROOT, appId, secret, redis, prefix });
  const fileNotice = (name: string) => i18n.t(config.DEFAULT_LOCALE, "core-file-not-on-this-app", { name });
  const template = config.WECHAT_OA_TEMPLATE_ID
    ? { template: { id: config.WECHAT_OA_TEMPLATE_ID, field: config.WECHAT_OA_TEMPLATE_FIELD } }
    : {};
  return { api, fileNotice, sender: createOaSender({ api, redis, prefix, fileNotice, ...template }) };
}
