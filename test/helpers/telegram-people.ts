// People on the fake Telegram in a story test: bound to a member by 编号, writing, and pressing the buttons of the
// messages they received.
import type { Db } from "../../bot/infra/db.ts";
import { until } from "../workers/fake-sender.ts";
import { type FakeTelegram, type SentMessage, type TgUser, telegramUser } from "./fake-telegram.ts";

export function telegramPeople(db: Db, fake: FakeTelegram) {
  /** A Telegram user whose chat is bound to the member with this 编号. */
  async function bound(id: number, name: string, code: string, boundAt = new Date()): Promise<TgUser> {
    const member = await db.member.findUniqueOrThrow({ where: { code } });
    await db.chatIdentity.create({
      data: { platform: "TELEGRAM", externalUserId: String(id), chatId: String(id), memberId: member.id, boundAt },
    });
    return telegramUser(id, name);
  }

  /** Waits for the newest message in the person's chat that carries a button with this payload prefix. */
  async function messageWith(user: TgUser, prefix: string): Promise<{ message: SentMessage; payload: string }> {
    return until(() => {
      for (const message of [...fake.sent(user.id)].reverse()) {
        const button = message.buttons.flat().find((b) => b.callback_data.startsWith(prefix));
        if (button) return { message, payload: button.callback_data };
      }
      return undefined;
    });
  }

  /** Sends a text and waits for the reply. */
  async function say(user: TgUser, text: string): Promise<SentMessage> {
    const before = fake.sent(user.id).length;
    fake.userSends(text, { from: user });
    return (await fake.waitForMessages(user.id, before + 1)).at(-1)!;
  }

  /** Presses the newest button with this payload prefix and waits for the reply. */
  async function press(user: TgUser, prefix: string): Promise<SentMessage> {
    const { message, payload } = await messageWith(user, prefix);
    const before = fake.sent(user.id).length;
    fake.userPresses(payload, message.message_id, { from: user });
    return (await fake.waitForMessages(user.id, before + 1)).at(-1)!;
  }

  /**
   * Presses as `press` does when the press also sets off messages to the same person (the next step's card for a
   * leader who holds it too): waits for `count` new messages, which the delivery worker and the reply may send in
   * either order, and returns their texts.
   */
  async function pressExpecting(user: TgUser, prefix: string, count: number): Promise<string[]> {
    const { message, payload } = await messageWith(user, prefix);
    const before = fake.sent(user.id).length;
    fake.userPresses(payload, message.message_id, { from: user });
    return (await fake.waitForMessages(user.id, before + count)).slice(before).map((m) => m.text ?? "");
  }

  return { bound, messageWith, say, press, pressExpecting };
}
