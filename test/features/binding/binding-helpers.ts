// Shared steps of the binding stories: a chat bound straight in the database, and looking at what was stored.
import { platformEnum } from "../../../bot/core/identity.ts";
import type { PlatformName } from "../../../bot/core/types.ts";
import type { TestApp } from "../../helpers/test-app.ts";

/** A leader (or anyone) already bound, the way an earlier session would have left them. */
export async function boundInDb(app: TestApp, userId: string, memberCode: string, platform: PlatformName = "telegram") {
  const member = await app.deps.db.member.findUniqueOrThrow({ where: { code: memberCode } });
  const identity = await app.deps.db.chatIdentity.create({
    data: {
      platform: platformEnum[platform],
      externalUserId: userId,
      chatId: userId,
      memberId: member.id,
      boundAt: new Date(),
    },
  });
  return { member, identity };
}

export function identityOf(app: TestApp, userId: string, platform: PlatformName = "telegram") {
  return app.deps.db.chatIdentity.findUnique({
    where: { platform_externalUserId: { platform: platformEnum[platform], externalUserId: userId } },
    include: { member: true },
  });
}

export function memberByCode(app: TestApp, code: string) {
  return app.deps.db.member.findUniqueOrThrow({ where: { code } });
}

export function auditOf(app: TestApp, action: string) {
  return app.deps.db.auditLog.findMany({ where: { action }, orderBy: { id: "asc" } });
}
