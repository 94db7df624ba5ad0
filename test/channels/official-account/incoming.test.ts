// WeChat's requests to the account's server URL: signed or refused, plain or sealed, each message answered once.
import { createHash } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import { describe, expect, it } from "vitest";
import type { Incoming } from "../../../bot/core/types.ts";
import { OA, TINY_PNG_FOR_OA } from "../../helpers/fake-official-account.ts";
import { createTestApp } from "../../helpers/test-app.ts";
import { OA_PATH, startOfficialAccount } from "./start-official-account.ts";

const app = await createTestApp();
const { http, person, fake } = await startOfficialAccount(app);
const sign = (...parts: string[]) => createHash("sha1").update(parts.sort().join("")).digest("hex");
const nowSec = () => String(Math.floor(app.clock.now.getTime() / 1000));

async function identities(openId: string) {
  return app.deps.db.chatIdentity.findMany({ where: { platform: "WECHAT_OA", externalUserId: openId } });
}

describe("the server URL", () => {
  it("answers WeChat's URL check with echostr only when the signature is the account's", async () => {
    const timestamp = nowSec();
    const good = await http.inject({
      url: `${OA_PATH}?signature=${sign(OA.token, timestamp, "n1")}&timestamp=${timestamp}&nonce=n1&echostr=hello-42`,
    });
    expect(good.statusCode).toBe(200);
    expect(good.body).toBe("hello-42");
    const bad = await http.inject({
      url: `${OA_PATH}?signature=${sign("another-token", timestamp, "n1")}&timestamp=${timestamp}&nonce=n1&echostr=x`,
    });
    expect(bad.statusCode).toBe(401);
    expect(bad.body).not.toContain("x");
  });

  it("refuses a request signed five minutes ago or more (a replay), and one with no signature", async () => {
    const old = String(Math.floor(app.clock.now.getTime() / 1000) - 301);
    const replay = await http.inject({
      url: `${OA_PATH}?signature=${sign(OA.token, old, "n2")}&timestamp=${old}&nonce=n2&echostr=x`,
    });
    expect(replay.statusCode).toBe(401);
    expect((await http.inject({ method: "POST", url: OA_PATH, payload: "<xml/>" })).statusCode).toBe(401);
  });

  it("stores nothing for a forged message, plain or sealed", async () => {
    const stranger = person("o-forger");
    expect((await stranger.post({ MsgType: "text", Content: "/start", MsgId: "1" }, "plain", true)).status).toBe(401);
    expect((await stranger.post({ MsgType: "text", Content: "/start", MsgId: "2" }, "safe", true)).status).toBe(401);
    expect(await identities("o-forger")).toHaveLength(0);
  });
});

describe("messages", () => {
  it("answers in the reply itself, in plain and in safe mode (sealed for the account, signed)", async () => {
    const someone = person("o-plain");
    const plain = await someone.say("/help");
    expect(plain.status).toBe(200);
    expect(plain.passive).toContain("/me");
    const sealed = await someone.say("/help", "safe");
    expect(sealed.body).toContain("<Encrypt>");
    expect(sealed.body).not.toContain("/me");
    expect(sealed.passive).toBe(plain.passive);
  });

  it("answers a message WeChat sends again only once", async () => {
    const someone = person("o-retry");
    const message = { MsgType: "text", Content: "/start", MsgId: "777000111" };
    const first = await someone.post(message);
    const again = await someone.post(message);
    expect(first.passive).toBeTruthy();
    expect(again.body).toBe("success");
    await sleep(50);
    expect(fake.sent.filter((s) => s.touser === "o-retry")).toHaveLength(0);
  });

  it("takes a menu tap WeChat sends twice once, and two different taps in the same second both", async () => {
    const someone = person("o-taps");
    const tap = { MsgType: "event", Event: "CLICK", EventKey: "go:help" };
    expect((await someone.post(tap)).passive).toContain("/me");
    expect((await someone.post(tap)).body).toBe("success");
    expect((await someone.post({ ...tap, EventKey: "go:language" })).passive).toContain("English");
  });

  it("asks for text when a voice message comes without WeChat's recognition, and reads it when it has one", async () => {
    const someone = person("o-voice");
    const silent = await someone.post({ MsgType: "voice", MediaId: "v1", Format: "amr", MsgId: "88001" });
    expect(silent.passive).toContain("没有收到文字");
    const spoken = await someone.post({ MsgType: "voice", MediaId: "v2", Recognition: "帮助", MsgId: "88002" });
    expect(spoken.passive).toContain("/me");
  });
});

describe("slow answers and long ones", () => {
  it("says success at once when the core is slower than the window, then sends the answer as messages", async () => {
    const slow = await startOfficialAccount(app, {
      config: { WECHAT_OA_REPLY_WITHIN_MS: 100 },
      core: {
        handle: async (incoming: Incoming) => {
          await sleep(400);
          return app.core.handle(incoming);
        },
      },
    });
    const someone = slow.person("o-slow");
    const answer = await someone.say("/help");
    expect(answer.body).toBe("success");
    await slow.channel.settled();
    expect(slow.fake.textsTo("o-slow").join("\n")).toContain("/me");
  });

  it("splits an answer longer than WeChat takes: the first part in the reply, the rest after it, in order", async () => {
    const long = Array.from(
      { length: 40 },
      (_, i) => `第${i + 1}行：这是一段很长的说明文字，用来检验公众号的分段发送。`,
    ).join("\n");
    const chatty = await startOfficialAccount(app, {
      core: { handle: async () => [{ text: long, intent: "test.long" }] },
    });
    const answer = await chatty.person("o-long").say("随便说点什么");
    await chatty.channel.settled();
    const rest = chatty.fake.textsTo("o-long");
    expect(rest.length).toBeGreaterThan(0);
    for (const part of [answer.passive!, ...rest]) expect(Buffer.byteLength(part)).toBeLessThanOrEqual(2048);
    expect([answer.passive, ...rest].join("\n")).toBe(long);
  });

  it("hands the person's picture to the core, fetched from WeChat by its media id", async () => {
    const seen: Uint8Array[] = [];
    const looking = await startOfficialAccount(app, {
      core: {
        handle: async (incoming: Incoming) => {
          if (incoming.image) seen.push(await incoming.image.fetch());
          return [{ text: "收到图片", intent: "test.image" }];
        },
      },
    });
    const mediaId = looking.fake.storeMedia(TINY_PNG_FOR_OA);
    const answer = await looking
      .person("o-pic")
      .post({ MsgType: "image", MediaId: mediaId, PicUrl: "http://x", MsgId: "99001" });
    expect(answer.passive).toBe("收到图片");
    expect(Buffer.from(seen[0]!)).toEqual(TINY_PNG_FOR_OA);
  });
});
