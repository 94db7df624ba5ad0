// The WeChat Official Account (服务号) channel: WeChat posts to our HTTP server, we answer.
//
// In: route.ts checks signatures and opens safe-mode envelopes; a message seen before (WeChat retries after 5 s
// without an answer) is answered "success" and dropped; the rest go to the core one at a time per person, in this
// process (createPerChatOrder) and across processes (chat-lock.ts). Waiting for the person's turn counts towards
// WECHAT_OA_REPLY_WITHIN_MS like the core's own time: past it the answer follows as customer-service messages, and
// a turn that never comes within CHAT_LOCK_WAIT_MS is answered "busy".
// Out: when the core answers within WECHAT_OA_REPLY_WITHIN_MS and the answer starts with text, that text is the
// passive reply (encrypted in safe mode) and the rest follow as customer-service messages; when it is slower,
// WeChat gets "success" at once and every part follows as customer-service messages. Proactive messages: sender.ts.
// A person writing also releases the messages that waited for them (outbox rows WAITING, outside the 48 h window).
import { randomBytes } from "node:crypto";
import { setImmediate, setTimeout as sleep } from "node:timers/promises";
import type { FastifyInstance } from "fastify";
import type { App } from "../../app.ts";
import { unavailableReply } from "../../core/unavailable.ts";
import type { RunningChannel } from "../channel.ts";
import { ChatBusyError, createChatLock } from "../chat-lock.ts";
import { createPerChatOrder } from "../wechat/per-chat-order.ts";
import type { OaApi } from "./api.ts";
import { toInbound } from "./incoming.ts";
import { type OaPart, oaParts } from "./render.ts";
import { officialAccountRoute, SUCCESS } from "./route.ts";
import { officialAccountSender } from "./sender.ts";
import { sealReply } from "./signature.ts";
import { encryptedReplyXml, textReplyXml } from "./xml.ts";

/** WeChat retries within about 15 s; a minute covers every retry of one message. */
const SEEN_TTL_SEC = 60;

export interface OfficialAccountChannel extends RunningChannel {
  api: OaApi;
  /** Resolves when every message taken so far is answered, the customer-service sends included. */
  settled(): Promise<void>;
}

export function createOfficialAccountChannel(app: App, http: FastifyInstance): OfficialAccountChannel {
  const { config, logger, redis, db, i18n } = app.deps;
  const { WECHAT_OA_APPID: appId, WECHAT_OA_TOKEN: token } = config;
  if (!appId || !token) throw new Error("WECHAT_OA_APPID and WECHAT_OA_TOKEN are needed");
  const keys = { appId, token };
  const log = logger.child({ channel: "wechat_oa" });
  const prefix = config.REDIS_PREFIX;
  const { api, sender, fileNotice } = officialAccountSender(config, redis, i18n);
  const inOrder = createPerChatOrder();
  const locked = createChatLock({
    redis,
    prefix,
    platform: "wechat_oa",
    waitMs: config.CHAT_LOCK_WAIT_MS,
    logger: log,
  });
  const inFlight = new Set<Promise<unknown>>();
  let accepting = true;

  const track = <T>(work: Promise<T>): Promise<T> => {
    inFlight.add(work);
    void work.finally(() => inFlight.delete(work)).catch(() => undefined);
    return work;
  };

  /** True the first time; a Redis outage lets the message through (a rare double answer beats none). */
  async function firstSight(key: string): Promise<boolean> {
    try {
      return (await redis.set(`${prefix}:oa-seen:${key}`, "1", "EX", SEEN_TTL_SEC, "NX")) === "OK";
    } catch (err) {
      log.warn({ err }, "wechat_oa dedupe unavailable; handling the message anyway");
      return true;
    }
  }

  async function answer(openId: string, incoming: Parameters<App["core"]["handle"]>[0]): Promise<OaPart[]> {
    const replies = await app.core.handle(incoming);
    // Whatever waited for this person to write may go now.
    await app.deps.outbox
      .wake({ platform: "WECHAT_OA", externalUserId: openId })
      .catch((err: unknown) => log.warn({ err }, "waiting messages not released"));
    return replies.flatMap((r) => oaParts(r, fileNotice));
  }

  /** Customer-service messages after our HTTP answer (which may carry the passive reply they must not overtake). */
  function sendLater(openId: string, parts: OaPart[]) {
    if (!parts.length) return;
    track(setImmediate().then(() => sender.sendParts(openId, parts))).catch((err: unknown) =>
      log.warn({ err }, "wechat_oa reply not sent"),
    );
  }

  async function handle(
    message: Record<string, string>,
    envelope: { encrypted: boolean; timestamp: string; nonce: string },
  ): Promise<string> {
    if (!accepting) return SUCCESS;
    const inbound = toInbound(message, (mediaId) => api.downloadMedia(mediaId));
    if (inbound.kind === "ignored" || !(await firstSight(inbound.dedupeKey))) return SUCCESS;
    if (inbound.kind === "unsubscribed") {
      await db.chatIdentity.updateMany({
        where: { platform: "WECHAT_OA", externalUserId: inbound.openId },
        data: { blocked: true },
      });
      return SUCCESS;
    }
    const openId = inbound.incoming.ref.userId;
    const parts = track(
      inOrder(openId, () => locked(openId, () => answer(openId, inbound.incoming))).catch((error: unknown) => {
        if (!(error instanceof ChatBusyError)) return [] as OaPart[];
        log.warn("chat held by another process for too long; message not handled");
        return oaParts(unavailableReply(i18n, config.DEFAULT_LOCALE), fileNotice);
      }),
    );
    const inTime = await Promise.race([parts, sleep(config.WECHAT_OA_REPLY_WITHIN_MS).then(() => null)]);
    if (inTime === null) {
      void parts.then((all) => sendLater(openId, all));
      return SUCCESS;
    }
    const [first, ...rest] = inTime;
    if (first?.kind !== "text") {
      sendLater(openId, inTime);
      return SUCCESS;
    }
    sendLater(openId, rest);
    const xml = textReplyXml(openId, message.ToUserName ?? "", Math.floor(app.deps.now().getTime() / 1000), first.text);
    if (!envelope.encrypted) return xml;
    const nonce = randomBytes(8).toString("hex");
    const timestamp = String(Math.floor(app.deps.now().getTime() / 1000));
    const sealed = sealReply({ ...keys, aesKey: config.WECHAT_OA_AES_KEY! }, xml, timestamp, nonce);
    return encryptedReplyXml(sealed.encrypted, sealed.signature, timestamp, nonce);
  }

  void http.register(
    officialAccountRoute({
      path: config.WECHAT_OA_PATH,
      token,
      appId,
      aesKey: config.WECHAT_OA_AES_KEY,
      now: app.deps.now,
      handle,
    }),
  );

  return {
    name: "wechat_oa",
    sender,
    api,
    async settled() {
      while (inFlight.size) await Promise.allSettled([...inFlight]);
    },
    async stop() {
      accepting = false;
      while (inFlight.size) await Promise.allSettled([...inFlight]);
    },
  };
}
