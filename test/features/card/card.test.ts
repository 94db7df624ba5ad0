// 电子团员证: a member asks for their card and gets a PNG drawn in the Chinese font, with a QR code that opens the
// verify page; the page says "valid member of <organisation>" and nothing else, until the card is replaced,
// expires or the member leaves — then the same "not valid" as for a made-up token.
import jsQR from "jsqr";
import { PNG } from "pngjs";
import { afterAll, describe, expect, it } from "vitest";
import {
  BAND_HEIGHT,
  CARD_HEIGHT,
  CARD_WIDTH,
  type CardText,
  drawCard,
  FIELDS_TOP,
  LINE_HEIGHT,
  QR_LEFT,
} from "../../../bot/features/card/card-image.ts";
import { createHttpServer } from "../../../bot/http/server.ts";
import { createTestApp } from "../../helpers/test-app.ts";
import { chatAsMember } from "../membership/member-chat.ts";

const app = await createTestApp({ PUBLIC_URL: "https://tuanzhu.example.org/", CARD_TOKEN_DAYS: "30" });
const { db } = app.deps;
const http = createHttpServer(app.deps);
afterAll(() => http.close());
const DAY = 24 * 3600_000;

const li = await chatAsMember(app, "201901000001", { platform: "telegram" });
const org = await db.organisation.findUniqueOrThrow({ where: { id: li.member.orgId } });

/** Dark pixels in a box of the card. */
function ink(png: PNG, x0: number, y0: number, x1: number, y1: number) {
  let dark = 0;
  let bits = "";
  for (let y = y0; y < y1; y++) {
    for (let x = x0; x < x1; x++) {
      const on = png.data[(y * png.width + x) * 4]! < 110;
      dark += on ? 1 : 0;
      bits += on ? "1" : "0";
    }
  }
  return { dark, bits };
}
/** The value line of field i (name, 编号, organisation, joined). */
const fieldBox = (png: PNG, i: number) =>
  ink(png, 20, FIELDS_TOP + i * LINE_HEIGHT + 22, QR_LEFT - 10, FIELDS_TOP + (i + 1) * LINE_HEIGHT);

function qrUrl(png: PNG): string {
  const code = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
  if (!code) throw new Error("no QR code found on the card");
  return code.data;
}

async function verify(path: string, headers: Record<string, string> = {}) {
  const res = await http.inject({ method: "GET", url: path, headers });
  return res;
}
const json = async (path: string) => (await verify(path, { accept: "application/json" })).json();

describe("/card", () => {
  let firstUrl = "";

  it("sends the member a PNG card with their name in Chinese, the masked 编号 and a QR code of the verify page", async () => {
    const [reply] = await li.chat.say("/card");
    expect(reply!.intent).toBe("card.show");
    expect(reply!.text).toMatch(/^这是你的电子团员证，有效期至2026年12月18日。/);
    const png = PNG.sync.read(Buffer.from(reply!.image!));
    expect([png.width, png.height]).toEqual([CARD_WIDTH, CARD_HEIGHT]);
    // The four values are drawn (a missing font draws nothing or the same box for every character): each line
    // has ink, and lines of different text look different.
    const lines = [0, 1, 2, 3].map((i) => fieldBox(png, i));
    for (const [i, line] of lines.entries()) expect(line.dark, `field ${i}`).toBeGreaterThan(120);
    expect(new Set(lines.map((l) => l.bits)).size).toBe(4);
    // The title in the red band is drawn in yellow: the band is not plain red.
    let yellow = 0;
    for (let y = 10; y < BAND_HEIGHT - 10; y++) {
      for (let x = 20; x < 400; x++) {
        const p = (y * png.width + x) * 4;
        if (png.data[p]! > 200 && png.data[p + 1]! > 150) yellow++;
      }
    }
    expect(yellow).toBeGreaterThan(300);

    firstUrl = qrUrl(png);
    expect(firstUrl).toMatch(/^https:\/\/tuanzhu\.example\.org\/verify\/[0-9a-f]{40}$/);
    // Only a keyed hash of the token is stored.
    const card = await db.memberCard.findUniqueOrThrow({ where: { memberId: li.member.id } });
    const token = firstUrl.split("/").at(-1)!;
    expect(card.tokenHash).not.toContain(token);
    expect(card.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(card.expiresAt).toEqual(new Date(app.clock.now.getTime() + 30 * DAY));
    expect(await db.auditLog.count({ where: { action: "card.issue", actorId: li.member.id } })).toBe(1);
  });

  it("verifies the card's QR code: the organisation, nothing personal", async () => {
    const path = new URL(firstUrl).pathname;
    expect(await json(path)).toEqual({ valid: true, organisation: org.name });
    const page = await verify(path, {
      accept: "text/html,application/xhtml+xml,*/*",
      "accept-language": "zh-CN,zh;q=0.9",
    });
    expect(page.headers["content-type"]).toMatch(/^text\/html/);
    expect(page.headers["cache-control"]).toBe("no-store");
    expect(page.body).toContain(`有效团员：${org.name}`);
    for (const personal of ["李明", "201901000001", "2019****0001", "2019"]) expect(page.body).not.toContain(personal);
    const english = await verify(path, { "accept-language": "en-GB,en;q=0.8" });
    expect(english.body).toContain(`Valid member of ${org.name}`);
  });

  it("answers free text in both languages, and a new card retires the old QR code", async () => {
    const [again] = await li.chat.say("把我的团员证发给我");
    expect(again!.intent).toBe("card.show");
    const secondUrl = qrUrl(PNG.sync.read(Buffer.from(again!.image!)));
    expect(secondUrl).not.toBe(firstUrl);
    expect(await json(new URL(firstUrl).pathname)).toEqual({ valid: false });
    expect(await json(new URL(secondUrl).pathname)).toEqual({ valid: true, organisation: org.name });
    expect(await db.memberCard.count({ where: { memberId: li.member.id } })).toBe(1);

    await li.chat.press("lang:en");
    const [english] = await li.chat.say("show my member card please");
    expect(english!.intent).toBe("card.show");
    expect(english!.text).toMatch(/^Here is your member card, valid until December 18, 2026\./);
    expect(english!.image).toBeDefined();
    await li.chat.press("lang:zh-CN");
  });

  it("stops verifying when the card expires", async () => {
    const [reply] = await li.chat.say("/card");
    const path = new URL(qrUrl(PNG.sync.read(Buffer.from(reply!.image!)))).pathname;
    app.clock.advance(30 * DAY - 60_000);
    expect((await json(path)).valid).toBe(true);
    app.clock.advance(60_000);
    expect(await json(path)).toEqual({ valid: false });
  });

  it('says the same "not valid" for garbage, and for a member who has left', async () => {
    const [reply] = await li.chat.say("/card");
    const path = new URL(qrUrl(PNG.sync.read(Buffer.from(reply!.image!)))).pathname;
    const expired = await verify("/verify/0123456789abcdef0123456789abcdef01234567", { "accept-language": "zh-CN" });
    for (const garbage of ["abc", "' OR 1=1 --", "0".repeat(40), path.slice(8).toUpperCase().replace(/.$/, "x")]) {
      const res = await verify(`/verify/${encodeURIComponent(garbage)}`, { "accept-language": "zh-CN" });
      expect(res.statusCode, garbage).toBe(200);
      expect(res.body, garbage).toBe(expired.body);
      expect(await json(`/verify/${encodeURIComponent(garbage)}`)).toEqual({ valid: false });
    }
    expect(expired.body).toContain("无效");
    expect(expired.body).not.toContain(org.name);

    await db.member.update({ where: { id: li.member.id }, data: { status: "LEFT" } });
    expect(await json(path)).toEqual({ valid: false });
    // …and a member who left gets no new card.
    const [refused] = await li.chat.say("/card");
    expect(refused!.text).toBe("你的团籍状态不是“正常”，不能出示电子团员证。如有疑问，请联系你的团支书。");
    expect(refused!.image).toBeUndefined();
    expect(await json(path)).toEqual({ valid: false });
  });

  it("asks an unbound person to bind first", async () => {
    const { chatAs } = await import("../../helpers/chat.ts");
    const [reply] = await chatAs(app.core, "stranger-1").say("/card");
    expect(reply!.intent).not.toBe("card.show");
    expect(await db.memberCard.count()).toBe(1);
  });
});

describe("the card picture", () => {
  const text: CardText = {
    title: "电子团员证",
    fields: [
      ["姓名", "李明"],
      ["团员编号", "2019****0001"],
      ["所在组织", "计科2022级1班团支部"],
      ["入团时间", "2019年5月4日"],
    ],
    qrCaption: "扫码核验",
  };

  it("is not drawn without the font file (no card of empty boxes)", async () => {
    expect(await drawCard(text, "https://x/verify/a", "/nonexistent/font.ttc")).toBeNull();
  });

  it("draws different names differently", async () => {
    const a = PNG.sync.read((await drawCard(text, "https://x/verify/a", app.config.CHART_FONT_FILE))!);
    const other = { ...text, fields: [["姓名", "王芳"] as const, ...text.fields.slice(1)] };
    const b = PNG.sync.read((await drawCard(other, "https://x/verify/a", app.config.CHART_FONT_FILE))!);
    expect(fieldBox(a, 0).bits).not.toBe(fieldBox(b, 0).bits);
    expect(fieldBox(a, 1).bits).toBe(fieldBox(b, 1).bits);
  });
});
