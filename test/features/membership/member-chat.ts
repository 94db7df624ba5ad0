// A chat already bound to a seeded member, the way a finished binding leaves it; shared by the status, dues,
// transfer and /branch stories.

import type { Locale } from "../../../bot/core/i18n.ts";
import { platformEnum } from "../../../bot/core/identity.ts";
import type { PlatformName } from "../../../bot/core/types.ts";
import { chatAs } from "../../helpers/chat.ts";
import type { TestApp } from "../../helpers/test-app.ts";

export async function chatAsMember(
  app: TestApp,
  memberCode: string,
  options: { platform?: PlatformName; locale?: Locale } = {},
) {
  const platform = options.platform ?? "console";
  const member = await app.deps.db.member.findUniqueOrThrow({ where: { code: memberCode } });
  const userId = `${platform}-${memberCode}`;
  await app.deps.db.chatIdentity.create({
    data: {
      platform: platformEnum[platform],
      externalUserId: userId,
      chatId: userId,
      locale: options.locale ?? null,
      memberId: member.id,
      boundAt: app.clock.now,
    },
  });
  return { member, chat: chatAs(app.core, userId, platform) };
}
