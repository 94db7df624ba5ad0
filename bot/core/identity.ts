// Who is writing: the chat identity (created on first contact) and the member bound to it, if any.

import { Platform } from "../infra/db.ts";
import type { CoreDeps } from "./feature.ts";
import type { Incoming, PlatformName } from "./types.ts";

export const platformEnum: Record<PlatformName, Platform> = {
  telegram: Platform.TELEGRAM,
  wechat: Platform.WECHAT,
  wechat_oa: Platform.WECHAT_OA,
  console: Platform.CONSOLE,
};

export async function loadIdentity(deps: CoreDeps, incoming: Incoming) {
  const { ref } = incoming;
  const platform = platformEnum[ref.platform];
  // Proactive messages go to the private chat; in a group we only learn the person's own id (which is their
  // private chat on Telegram and WeChat alike).
  const privateChat = incoming.chatType === "private" ? ref.chatId : ref.userId;
  const identity = await deps.db.chatIdentity.upsert({
    where: { platform_externalUserId: { platform, externalUserId: ref.userId } },
    create: { platform, externalUserId: ref.userId, chatId: privateChat, locale: null },
    update: {
      lastSeenAt: deps.now(),
      ...(incoming.chatType === "private" ? { chatId: privateChat, blocked: false } : {}),
    },
    include: { member: true },
  });
  const { member, ...rest } = identity;
  return { identity: rest, member };
}
