// The WeChat channel over Wechaty, with any puppet (WECHATY_PUPPET names its package; tests pass a PuppetMock).
//
// In:  scan/login/logout → logged for the operator; message → claimed once by id (dedupe.ts) → toIncoming
//      (private, or @-mentioned in a room) → core, one message at a time per chat; the core's "busy" reply when
//      our storage is out of reach is sent like any other (WeChat never delivers a message twice); friend request → accepted per WECHAT_FRIEND_ACCEPT, then the
//      welcome (/start). Out: every send — replies, welcomes, proactive messages — through one paced queue.
import { FileBox } from "file-box";
import type { Redis } from "ioredis";
import {
  type Contact,
  type Friendship,
  type Message,
  qrcodeValueToImageUrl,
  type Room,
  ScanStatus,
  types,
  type Wechaty,
  WechatyBuilder,
  type WechatyOptions,
  log as wechatyLog,
} from "wechaty";
import type { Config } from "../../config.ts";
import { imageFileName } from "../../core/images.ts";
import type { Core } from "../../core/router.ts";
import { type ChannelSender, type Incoming, type Reply, SendError } from "../../core/types.ts";
import type { Logger } from "../../infra/logger.ts";
import type { RunningChannel } from "../channel.ts";
import { createMessageClaims } from "./dedupe.ts";
import { acceptsFriendRequest } from "./friend-requests.ts";
import { toIncoming } from "./incoming.ts";
import { createPacedQueue, type Lane } from "./paced-queue.ts";
import { createPerChatOrder } from "./per-chat-order.ts";
import { outgoingParts } from "./render.ts";
import { lookupFailure, transient } from "./send-errors.ts";

export interface WechatChannelDeps {
  config: Config;
  core: Core;
  logger: Logger;
  /** Remembers the message ids already answered. */
  redis: Redis;
  /** A puppet instance to use instead of loading the WECHATY_PUPPET package (tests: PuppetMock). */
  puppet?: Exclude<WechatyOptions["puppet"], string>;
}

export interface WechatChannel extends RunningChannel {
  wechaty: Wechaty;
  /** Resolves when every message and friend request taken so far is handled and the send queue is empty. */
  settled(): Promise<void>;
}

/** Where replies go: a person, or a room (mentioning the person who asked). */
type Target = { contact: Contact } | { room: Room; mention?: Contact };

const ROOM_ID = /@chatroom$|^@@/;

export async function createWechatChannel({
  config,
  core,
  logger,
  redis,
  puppet,
}: WechatChannelDeps): Promise<WechatChannel> {
  const log = logger.child({ channel: "wechat" });
  const claim = createMessageClaims(redis, config.REDIS_PREFIX, log);
  quietWechatyLog(config.LOG_LEVEL);
  const wechaty = WechatyBuilder.build(puppetOptions(config, puppet));
  const queue = createPacedQueue({ intervalMs: config.WECHAT_SEND_INTERVAL_MS });
  const inOrder = createPerChatOrder();
  const inFlight = new Set<Promise<void>>();
  let closing = false;

  const track = (work: Promise<void>) => {
    inFlight.add(work);
    void work.finally(() => inFlight.delete(work)).catch(() => undefined);
  };

  async function sayPart(target: Target, part: ReturnType<typeof outgoingParts>[number]) {
    if (!wechaty.isLoggedIn) throw new SendError({ kind: "transient", reason: "wechat account not logged in" });
    try {
      // Base64 rather than a Buffer box: every puppet (and puppet-service's wire format) can serialize it.
      const content =
        part.kind === "text"
          ? part.text
          : part.kind === "file"
            ? FileBox.fromBase64(Buffer.from(part.bytes).toString("base64"), part.name)
            : FileBox.fromBase64(Buffer.from(part.png).toString("base64"), imageFileName(part.png));
      if ("contact" in target) await target.contact.say(content);
      else if (typeof content === "string" && target.mention) await target.room.say(content, target.mention);
      else await target.room.say(content);
    } catch (error) {
      throw transient(error);
    }
  }

  /** Queues one Reply's messages in order; if one fails, the rest are not sent. */
  function deliver(target: Target, reply: Reply, lane: Lane): Promise<void> {
    let failure: SendError | undefined;
    const sent = outgoingParts(reply).map((part) =>
      queue.push(lane, async () => {
        if (failure) throw failure;
        try {
          await sayPart(target, part);
        } catch (error) {
          failure = transient(error);
          throw failure;
        }
      }),
    );
    return Promise.all(sent).then(() => undefined);
  }

  async function answer(incoming: Incoming, target: Target) {
    const replies = await core.handle(incoming);
    // Queued together, so they go out in order; the chat's next message need not wait for the sending.
    for (const reply of replies) {
      deliver(target, reply, "reply").catch((err: unknown) =>
        log.warn({ err, intent: reply.intent }, "wechat reply not sent"),
      );
    }
  }

  async function onMessage(message: Message) {
    try {
      if (!(await claim(message.id))) {
        log.info({ messageId: message.id }, "wechat message seen before; ignored");
        return;
      }
      const incoming = await toIncoming(message);
      if (!incoming) return;
      const room = message.room();
      await answer(incoming, room ? { room, mention: message.talker() } : { contact: message.talker() });
    } catch (err) {
      log.error({ err }, "wechat message not handled");
    }
  }

  async function onFriendRequest(friendship: Friendship) {
    const contact = friendship.contact();
    try {
      if (!acceptsFriendRequest(config, friendship.hello())) {
        log.info({ contactId: contact.id, mode: config.WECHAT_FRIEND_ACCEPT }, "wechat friend request not accepted");
        return;
      }
      // Accepting is an action on the account like a send, so it waits its turn too.
      await queue.push("reply", () => friendship.accept());
      log.info({ contactId: contact.id }, "wechat friend request accepted");
      const ref = { platform: "wechat" as const, chatId: contact.id, userId: contact.id };
      await answer({ ref, chatType: "private", text: "/start", displayName: contact.name() || undefined }, { contact });
    } catch (err) {
      log.error({ err, contactId: contact.id }, "wechat friend request not handled");
    }
  }

  wechaty
    .on("scan", (qrcode, status) => {
      if (qrcode && (status === ScanStatus.Waiting || status === ScanStatus.Timeout)) {
        log.info(
          { qrcodeUrl: qrcodeValueToImageUrl(qrcode), qrcode },
          "WeChat login: open qrcodeUrl and scan the QR code with the bot's WeChat account",
        );
      } else {
        log.info({ status: ScanStatus[status] }, "WeChat login: scan status");
      }
    })
    .on("login", (user) => log.info({ userId: user.id, name: user.name() }, "WeChat logged in"))
    .on("logout", (user, reason) => log.warn({ userId: user.id, reason }, "WeChat logged out"))
    .on("error", (err) => log.warn({ err }, "wechaty error"))
    .on("message", (message) => {
      if (closing) return;
      const chatKey = message.room()?.id ?? message.talker().id;
      track(inOrder(chatKey, () => onMessage(message)));
    })
    .on("friendship", (friendship) => {
      if (closing || friendship.type() !== types.Friendship.Receive) return;
      track(inOrder(friendship.contact().id, () => onFriendRequest(friendship)));
    });

  async function findTarget(chatId: string): Promise<Target> {
    const isRoom = ROOM_ID.test(chatId);
    // Ask the puppet first: Wechaty's find() turns every failure into "not found", and only a real
    // "not found" may be permanent.
    try {
      await (isRoom ? wechaty.puppet.roomPayload(chatId) : wechaty.puppet.contactPayload(chatId));
    } catch (error) {
      throw lookupFailure(chatId, error);
    }
    const target = isRoom
      ? await wechaty.Room.find({ id: chatId }).then((room) => room && { room })
      : await wechaty.Contact.find({ id: chatId }).then((contact) => contact && { contact });
    if (!target) throw new SendError({ kind: "transient", reason: `wechat ${chatId} could not be loaded` });
    return target;
  }

  const sender: ChannelSender = {
    platform: "wechat",
    async send(chatId, reply) {
      if (closing) throw new SendError({ kind: "transient", reason: "wechat channel stopping" });
      if (!wechaty.isLoggedIn) throw new SendError({ kind: "transient", reason: "wechat account not logged in" });
      await deliver(await findTarget(chatId), reply, "bulk");
    },
  };

  async function handlersDone() {
    while (inFlight.size) await Promise.allSettled([...inFlight]);
  }

  let stopped: Promise<void> | undefined;
  async function stop() {
    closing = true;
    // Half the shutdown budget for answering what was taken in; the rest of the process needs time too.
    const deadline = Date.now() + Math.floor(config.SHUTDOWN_TIMEOUT_MS / 2);
    await within(deadline - Date.now(), handlersDone());
    await queue.close(Math.max(0, deadline - Date.now()));
    await wechaty.stop();
  }

  await wechaty.start();
  log.info({ puppet: puppet ? puppet.constructor.name : config.WECHATY_PUPPET }, "WeChat channel started");

  return {
    name: "wechat",
    sender,
    wechaty,
    async settled() {
      await handlersDone();
      await queue.idle();
    },
    stop() {
      stopped ??= stop();
      return stopped;
    },
  };
}

function puppetOptions(config: Config, puppet: WechatChannelDeps["puppet"]): WechatyOptions {
  if (puppet) return { puppet };
  if (!config.WECHATY_PUPPET) throw new Error("WECHATY_PUPPET is not set");
  return {
    puppet: config.WECHATY_PUPPET as NonNullable<WechatyOptions["puppet"]>,
    ...(config.WECHATY_PUPPET_TOKEN ? { puppetOptions: { token: config.WECHATY_PUPPET_TOKEN } } : {}),
  };
}

/** Wechaty prints its own text log; keep it at our level (and quieter at info), unless WECHATY_LOG says otherwise. */
function quietWechatyLog(level: Config["LOG_LEVEL"]) {
  if (process.env.WECHATY_LOG) return;
  const map = {
    silent: "silent",
    fatal: "error",
    error: "error",
    warn: "warn",
    info: "warn",
    debug: "info",
    trace: "verbose",
  } as const;
  wechatyLog.level(map[level]);
}

async function within(ms: number, work: Promise<void>) {
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([work, new Promise<void>((resolve) => (timer = setTimeout(resolve, Math.max(0, ms))))]);
  clearTimeout(timer);
}
