// An operator sets WECHATY_PUPPET (and its token) and the WeChat channel starts with the process.
import { describe, expect, it } from "vitest";
import { PuppetMock } from "wechaty-puppet-mock";
import { startChannels } from "../../../bot/channels/start-channels.ts";
import { createWechatChannel } from "../../../bot/channels/wechat/wechat-channel.ts";
import { createHttpServer } from "../../../bot/http/server.ts";
import { createTestApp } from "../../helpers/test-app.ts";

const app = await createTestApp({
  CONSOLE: "off",
  WECHATY_PUPPET: "wechaty-puppet-mock",
  WECHATY_PUPPET_TOKEN: "puppet-token-123",
});

describe("starting WeChat from the settings", () => {
  it("starts the channel when WECHATY_PUPPET is set and offers its sender to the workers", async () => {
    const http = createHttpServer(app.deps);
    const channels = await startChannels(app, http, { interactiveConsole: false });
    try {
      expect(channels.names).toEqual(["wechat"]);
      expect(channels.senders.get("wechat")?.platform).toBe("wechat");
    } finally {
      await channels.stop();
      await http.close();
    }
  });

  it("loads the puppet package WECHATY_PUPPET names and hands it WECHATY_PUPPET_TOKEN", async () => {
    const channel = await createWechatChannel({
      config: app.config,
      core: app.core,
      logger: app.deps.logger,
      redis: app.deps.redis,
    });
    try {
      expect(channel.wechaty.puppet).toBeInstanceOf(PuppetMock);
      expect((channel.wechaty.puppet as PuppetMock).options.token).toBe("puppet-token-123");
    } finally {
      await channel.stop();
    }
  });
});
