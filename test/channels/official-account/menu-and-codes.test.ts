// The account's menu as `npm run wechat:menu` sets it, and WeChat's error codes as the delivery worker's failures.
import { afterAll, describe, expect, it } from "vitest";
import { OaApiError } from "../../../bot/channels/official-account/api.ts";
import { sceneText } from "../../../bot/channels/official-account/incoming.ts";
import { sendFailure } from "../../../bot/channels/official-account/send-failure.ts";
import { parseXml, textReplyXml } from "../../../bot/channels/official-account/xml.ts";
import { OA, startFakeOfficialAccount } from "../../helpers/fake-official-account.ts";
import { runScript } from "../../helpers/run-script.ts";
import { uniquePrefix } from "../../helpers/test-db.ts";

describe("npm run wechat:menu", () => {
  it("sets three menus from the catalogue, each item a button payload the bot answers", async () => {
    const fake = await startFakeOfficialAccount();
    afterAll(() => fake.close());
    const run = await runScript("bot/channels/official-account/menu-cli.ts", [], {
      env: {
        WECHAT_OA_APPID: OA.appId,
        WECHAT_OA_SECRET: OA.secret,
        WECHAT_OA_TOKEN: OA.token,
        WECHAT_OA_API_ROOT: fake.apiRoot,
        REDIS_PREFIX: uniquePrefix(),
      },
    });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("我的: 我的团籍 · 团费 · 交团费");
    const menu = fake.menus[0] as {
      button: { name: string; sub_button: { type: string; key: string; name: string }[] }[];
    };
    expect(menu.button.map((b) => b.name)).toEqual(["我的", "办事", "更多"]);
    for (const b of menu.button) {
      expect(Buffer.byteLength(b.name)).toBeLessThanOrEqual(16);
      expect(b.sub_button.length).toBeLessThanOrEqual(5);
      for (const item of b.sub_button) expect(item.key).toMatch(/^go:[a-z.]+$/);
    }
  });

  it("says what is missing when the account is not configured", async () => {
    const run = await runScript("bot/channels/official-account/menu-cli.ts", [], {
      env: { REDIS_PREFIX: uniquePrefix() },
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("WECHAT_OA_APPID");
  });
});

describe("WeChat's answers", () => {
  it.each([
    [45015, "waiting"],
    [45047, "waiting"],
    [43101, "waiting"],
    [43004, "blocked"],
    [40003, "blocked"],
    [45009, "rate-limited"],
    [-1, "transient"],
    [40037, "permanent"],
  ])("errcode %i is %s", (errcode, kind) => {
    expect(sendFailure(new OaApiError(errcode, "x")).kind).toBe(kind);
  });

  it("a network failure is transient", () => {
    expect(sendFailure(new TypeError("fetch failed"))).toEqual({ kind: "transient", reason: "fetch failed" });
  });
});

describe("QR code scenes and XML", () => {
  it("turns a check-in or binding scene into what the person would type", () => {
    expect(sceneText("checkin_123456")).toBe("/start checkin_123456");
    expect(sceneText("bind_ABCD-EFGH")).toBe("/bind ABCD-EFGH");
    expect(sceneText("poster-2026")).toBe("/start");
  });

  it("keeps a reply containing ]]> intact through CDATA", () => {
    const xml = textReplyXml("o1", OA.account, 1, "a]]>b <c> & d");
    expect(parseXml(xml)?.Content).toBe("a]]>b <c> & d");
    expect(parseXml("not xml at all")).toBeNull();
  });
});
