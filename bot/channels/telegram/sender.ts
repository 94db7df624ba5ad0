// Proactive messages for the delivery worker. No retries here: the worker owns waiting and retrying, so each
// failure comes back at once as a SendError.
import type { Api } from "grammy";
import type { ChannelSender } from "../../core/types.ts";
import { SendError } from "../../core/types.ts";
import type { Logger } from "../../infra/logger.ts";
import { sendReply } from "./render.ts";
import { toSendFailure } from "./send-failure.ts";

export function createTelegramSender(api: Api, logger: Logger): ChannelSender {
  return {
    platform: "telegram",
    async send(chatId, reply) {
      try {
        await sendReply(api, chatId, reply, {
          onDroppedButton: (b) => logger.warn({ payload: b.payload, intent: reply.intent }, "button payload too long"),
        });
      } catch (error) {
        throw new SendError(toSendFailure(error));
      }
    },
  };
}
