// Who is writing: the chat identity (created on first contact) and the member bound to it, if any.

import { Platform } from "../infra/db.ts";
import type { CoreDeps } from "./feature.ts";
import { identityRows } from "./identity-rows.ts";
import type { Incoming, PlatformName } from "./types.ts";

export const platformEnum: Record<PlatformName, Platform> = {
  telegram: Platform.TELEGRAM,
  wechat: Platform.WECHAT,
  wechat_oa: Platform.WECHAT_OA,
  console: Platform.CONSOLE,
};

/**
 * How stale `lastSeenAt` may get. Writing it on every message made each one a transaction (an upsert with its
 * member) on a row that nobody reads more precisely than this; a read is enough while the chat goes on, and a
 * refresh is written behind (seen-marks.ts). Where to write to the person (a new private chat, unblocked) is
 * written at once, since deliveries read it.
 */
export const SEEN_REFRESH_MS = 60_000;

export async function loadIdentity(deps: CoreDeps, incoming: Incoming) {
  const { ref } = incoming;
  const platform = platformEnum[ref.platform];
  // Proactive messages go to the private chat; in a group we only learn the person's own id (which is their
  // private chat on Telegram and WeChat alike).
  const isPrivate = incoming.chatType === "private";
  const privateChat = isPrivate ? ref.chatId : ref.userId;
  const now = deps.now();
  const found = await identityRows(deps.db).find(platform, ref.userId);
  // A private message says where to write to them and that they have not blocked the bot (any more).
  const moved = isPrivate && found !== null && (found.chatId !== privateChat || found.blocked);
  if (found && !moved) {
    const { member, ...identity } = found;
    if (Math.abs(now.getTime() - found.lastSeenAt.getTime()) < SEEN_REFRESH_MS) return { identity, member };
    deps.seen.mark(found.id, now);
    return { identity: { ...identity, lastSeenAt: now }, member };
  }
  const seen = { lastSeenAt: now, ...(isPrivate ? { chatId: privateChat, blocked: false } : {}) };
  if (found) {
    await deps.db.chatIdentity.updateMany({ where: { id: found.id }, data: seen });
    const { member, ...identity } = found;
    return { identity: { ...identity, ...seen }, member };
  }
  // First contact (or two first messages at once: the upsert makes them one row).
  const { member, ...identity } = await identityRows(deps.db).upsert({
    platform,
    externalUserId: ref.userId,
    chatId: privateChat,
    isPrivate,
    now,
  });
  return { identity, member };
}
