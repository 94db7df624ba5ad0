// At the end of a scripted console session: wait until the messages the bot wrote to this chat and may send now
// have been sent, so a script sees the whole story before the console exits.
import { type Db, OutboxStatus, Platform } from "../../infra/db.ts";

const OPEN: OutboxStatus[] = [OutboxStatus.PENDING, OutboxStatus.HELD, OutboxStatus.QUEUED, OutboxStatus.SENDING];

export async function settleOutbox(db: Db, userId: string, now: () => Date, timeoutMs = 10_000): Promise<void> {
  const identity = await db.chatIdentity.findUnique({
    where: { platform_externalUserId: { platform: Platform.CONSOLE, externalUserId: userId } },
    select: { id: true },
  });
  if (!identity) return;
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    // Rows held back for quiet hours are not waited for: they go out later.
    const open = await db.outboxMessage.count({
      where: { identityId: identity.id, status: { in: OPEN }, notBefore: { lte: now() } },
    });
    if (open === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
