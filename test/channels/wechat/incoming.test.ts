// What the core is told about each kind of WeChat message (a recording core stands in for the real one).
import { describe, expect, it } from "vitest";
import type { Incoming } from "../../../bot/core/types.ts";
import { TINY_PNG } from "../../helpers/fake-telegram.ts";
import { createTestApp } from "../../helpers/test-app.ts";
import { startWechat } from "./start-wechat.ts";

const app = await createTestApp({ WECHAT_SEND_INTERVAL_MS: "500" });
const seen: Incoming[] = [];
const core = {
  async handle(incoming: Incoming) {
    seen.push(incoming);
    return [];
  },
};
const { fake, channel } = await startWechat(app, {}, { core });

describe("WeChat messages as the core sees them", () => {
  it("passes private text and images (by message id), and only @-mentions from rooms without the mention", async () => {
    const wang = fake.person("王芳");
    const group = fake.room("团支部群", [wang]);

    await fake.userSays(wang, "我的团籍");
    await fake.userSendsImage(wang, Buffer.from("89504e470d0a1a0a", "hex"));
    await fake.roomMessage(group, wang, "团费交了吗");
    await fake.roomMessage(group, wang, "团费交了吗", { mentionBot: true });
    await channel.settled();

    const privateRef = { platform: "wechat", chatId: wang.id, userId: wang.id };
    expect(seen).toHaveLength(3);
    expect(seen[0]).toMatchObject({ ref: privateRef, chatType: "private", text: "我的团籍", displayName: "王芳" });
    expect(seen[1]).toMatchObject({ ref: privateRef, chatType: "private", image: { fileRef: expect.any(String) } });
    expect(fake.mocker.cacheMessagePayload.get(seen[1]!.image!.fileRef)?.talkerId).toBe(wang.id);
    expect(seen[2]).toEqual({
      ref: { platform: "wechat", chatId: group.id, userId: wang.id },
      chatType: "group",
      mentioned: true,
      text: "团费交了吗",
      displayName: "王芳",
    });
  });

  it("ignores the bot's own messages", async () => {
    const before = seen.length;
    // The mock hands the bot's own sends back to it as messages, as real accounts do.
    const echoed = new Promise<void>((resolve) => channel.wechaty.once("message", () => resolve()));
    await channel.sender.send(fake.person("李明").id, { text: "提醒", intent: "test" });
    await echoed;
    await channel.settled();
    expect(seen).toHaveLength(before);
  });

  it("fetches the bytes the person sent", async () => {
    const wang = fake.person("王芳");
    const before = seen.length;
    await fake.userSendsImage(wang, TINY_PNG);
    await channel.settled();
    expect(seen).toHaveLength(before + 1);
    expect(Buffer.from(await seen.at(-1)!.image!.fetch())).toEqual(TINY_PNG);
  });
});
