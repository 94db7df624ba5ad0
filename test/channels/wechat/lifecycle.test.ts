// The operator logs the bot's account in by scanning a QR code, and stops the process gracefully.
import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { SendError } from "../../../bot/core/types.ts";
import { createLogger } from "../../../bot/infra/logger.ts";
import { createTestApp } from "../../helpers/test-app.ts";
import { startWechat } from "./start-wechat.ts";

const app = await createTestApp({ WECHAT_SEND_INTERVAL_MS: "500" });

function recordingLogger() {
  const lines: { msg: string; [k: string]: unknown }[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(JSON.parse(chunk.toString()));
      done();
    },
  });
  return { lines, logger: createLogger({ LOG_LEVEL: "info", NODE_ENV: "test" }, destination) };
}

describe("WeChat login and shutdown", () => {
  it("logs the QR code URL to scan, the login and the logout; sends while logged out fail transiently", async () => {
    const { lines, logger } = recordingLogger();
    const { fake, channel } = await startWechat(app, {}, { logger, login: false });

    const scanned = new Promise<void>((resolve) => channel.wechaty.once("scan", () => resolve()));
    fake.mocker.scan("https://login.weixin.qq.com/l/abc123");
    await scanned;
    const scan = lines.find((l) => "qrcodeUrl" in l);
    expect(scan?.qrcode).toBe("https://login.weixin.qq.com/l/abc123");
    expect(scan?.qrcodeUrl).toContain(encodeURIComponent("https://login.weixin.qq.com/l/abc123"));

    await fake.connect(channel.wechaty);
    expect(lines.map((l) => l.msg)).toContain("WeChat logged in");

    const friend = fake.person("老朋友");
    const loggedOut = new Promise<void>((resolve) => channel.wechaty.once("logout", () => resolve()));
    await fake.puppet.logout();
    await loggedOut;
    expect(lines.map((l) => l.msg)).toContain("WeChat logged out");
    const failure = await channel.sender.send(friend.id, { text: "你好", intent: "test" }).catch((e: unknown) => e);
    expect((failure as SendError).failure.kind).toBe("transient");
  });

  it("on stop: answers the message already taken, fails queued bulk sends transiently, takes nothing new", async () => {
    // A long interval keeps the second notice queued while the person's answer is worked out.
    const { fake, channel } = await startWechat(app, { WECHAT_SEND_INTERVAL_MS: 2000, SHUTDOWN_TIMEOUT_MS: 20_000 });
    const member = fake.person("团员");
    const others = [fake.person("甲"), fake.person("乙")];
    const notices = others.map((o) =>
      channel.sender.send(o.id, { text: "通知", intent: "notice" }).catch((e: unknown) => e),
    );
    await fake.userSays(member, "/help");

    await channel.stop();

    expect(fake.sentTo(member.id).map((m) => m.text)).toEqual([expect.stringContaining("我能帮你")]);
    const [first, second] = await Promise.all(notices);
    expect(first).toBeUndefined();
    expect(second).toEqual(new SendError({ kind: "transient", reason: "wechat channel stopping" }));
    await expect(channel.sender.send(member.id, { text: "再见", intent: "test" })).rejects.toBeInstanceOf(SendError);
  });
});
