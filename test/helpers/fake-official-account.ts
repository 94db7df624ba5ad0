// Both sides of WeChat for an Official Account, on this machine:
// - the API (`apiRoot`): stable_token, customer-service and template sends, media upload/download and the menu,
//   answering with WeChat's documented error codes when told to;
// - the server side (`post`): signed XML messages and events posted to our route, in plain or safe (AES) mode,
//   as WeChat sends them, through fastify's inject.
import { createHash, randomBytes } from "node:crypto";
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { decrypt, encrypt, getSignature } from "@wecom/crypto";
import type { FastifyInstance } from "fastify";

/** A 1×1 PNG. */
export const TINY_PNG_FOR_OA = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==",
  "base64",
);

export const OA = {
  appId: "wx1234567890abcdef",
  secret: "test-oa-secret-0123456789",
  token: "tuanzhuOaToken",
  // 43 characters, as the account's settings page generates them.
  aesKey: "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG",
  account: "gh_tuanzhu0001",
};

export interface OaSent {
  touser: string;
  kind: "text" | "image" | "template";
  text?: string;
  mediaId?: string;
  data?: Record<string, { value: string }>;
}

/** errcode for the next sends to one person (45015 out of window, 43004 unsubscribed, 45009 quota…), until cleared. */
type Refusal = { errcode: number; errmsg: string };

export async function startFakeOfficialAccount() {
  const sent: OaSent[] = [];
  const menus: unknown[] = [];
  const tokenRequests: { force: boolean }[] = [];
  const refusals = new Map<string, Refusal>();
  const templateRefusals = new Map<string, Refusal>();
  const media = new Map<string, Buffer>();
  const valid = new Set<string>();
  let tokens = 0;

  const body = async (req: IncomingMessage) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    return Buffer.concat(chunks);
  };

  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? "/", "http://fake");
    const reply = (json: unknown) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify(json));
    };
    const raw = await body(req);
    if (url.pathname === "/cgi-bin/stable_token") {
      const { appid, secret, force_refresh } = JSON.parse(raw.toString()) as Record<string, unknown>;
      if (appid !== OA.appId || secret !== OA.secret) return reply({ errcode: 40013, errmsg: "invalid appid" });
      tokenRequests.push({ force: force_refresh === true });
      const token = `ACCESS-${++tokens}`;
      valid.add(token);
      return reply({ access_token: token, expires_in: 7200 });
    }
    const token = url.searchParams.get("access_token") ?? "";
    if (!valid.has(token)) return reply({ errcode: 40001, errmsg: "invalid credential, access_token is invalid" });
    if (url.pathname === "/cgi-bin/message/custom/send") {
      const msg = JSON.parse(raw.toString()) as {
        touser: string;
        msgtype: string;
        text?: { content: string };
        image?: { media_id: string };
      };
      const refusal = refusals.get(msg.touser);
      if (refusal) return reply(refusal);
      sent.push(
        msg.msgtype === "text"
          ? { touser: msg.touser, kind: "text", text: msg.text!.content }
          : { touser: msg.touser, kind: "image", mediaId: msg.image!.media_id },
      );
      return reply({ errcode: 0, errmsg: "ok" });
    }
    if (url.pathname === "/cgi-bin/message/template/send") {
      const msg = JSON.parse(raw.toString()) as { touser: string; data: Record<string, { value: string }> };
      const refusal = templateRefusals.get(msg.touser);
      if (refusal) return reply(refusal);
      sent.push({ touser: msg.touser, kind: "template", data: msg.data });
      return reply({ errcode: 0, errmsg: "ok", msgid: sent.length });
    }
    if (url.pathname === "/cgi-bin/media/upload") {
      const id = `MEDIA-${media.size + 1}`;
      media.set(id, raw);
      return reply({ type: "image", media_id: id, created_at: 0 });
    }
    if (url.pathname === "/cgi-bin/media/get") {
      const bytes = media.get(url.searchParams.get("media_id") ?? "");
      if (!bytes) return reply({ errcode: 40007, errmsg: "invalid media_id" });
      res.writeHead(200, { "content-type": "image/png" });
      return res.end(bytes);
    }
    if (url.pathname === "/cgi-bin/menu/create") {
      menus.push(JSON.parse(raw.toString()));
      return reply({ errcode: 0, errmsg: "ok" });
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  return {
    apiRoot: `http://127.0.0.1:${port}`,
    sent,
    menus,
    tokenRequests,
    textsTo: (openId: string) => sent.filter((s) => s.touser === openId && s.kind === "text").map((s) => s.text!),
    refuse: (openId: string, refusal: Refusal | undefined) =>
      refusal ? refusals.set(openId, refusal) : refusals.delete(openId),
    refuseTemplates: (openId: string, refusal: Refusal | undefined) =>
      refusal ? templateRefusals.set(openId, refusal) : templateRefusals.delete(openId),
    /** WeChat forgets every token it gave (as after another system forced a new one). */
    expireTokens: () => valid.clear(),
    /** An image a person sent: WeChat keeps it under a media id. */
    storeMedia: (bytes: Buffer) => {
      const id = `IN-${media.size + 1}`;
      media.set(id, bytes);
      return id;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export type FakeOfficialAccount = Awaited<ReturnType<typeof startFakeOfficialAccount>>;

function sha1Sorted(parts: string[]) {
  return createHash("sha1")
    .update([...parts].sort().join(""))
    .digest("hex");
}

export function messageXml(fields: Record<string, string | number>): string {
  const inner = Object.entries(fields)
    .map(([k, v]) => (typeof v === "number" ? `<${k}>${v}</${k}>` : `<${k}><![CDATA[${v}]]></${k}>`))
    .join("");
  return `<xml>${inner}</xml>`;
}

let msgIds = 1_000_000;

/** What WeChat posts when a person writes, and what our server answered. */
export function oaPerson(http: FastifyInstance, path: string, openId: string, clock: () => Date) {
  async function post(fields: Record<string, string | number>, mode: "plain" | "safe" = "plain", tamper = false) {
    const timestamp = String(Math.floor(clock().getTime() / 1000));
    const nonce = randomBytes(6).toString("hex");
    const xml = messageXml({ ToUserName: OA.account, FromUserName: openId, CreateTime: Number(timestamp), ...fields });
    const query = new URLSearchParams({
      timestamp,
      nonce,
      signature: sha1Sorted([OA.token, timestamp, nonce]),
      openid: openId,
    });
    let payload = xml;
    if (mode === "safe") {
      const encrypted = encrypt(OA.aesKey, xml, OA.appId);
      query.set("encrypt_type", "aes");
      query.set("msg_signature", getSignature(OA.token, timestamp, nonce, tamper ? `${encrypted}x` : encrypted));
      payload = messageXml({ ToUserName: OA.account, Encrypt: encrypted });
    } else if (tamper) {
      query.set("signature", "0".repeat(40));
    }
    const res = await http.inject({
      method: "POST",
      url: `${path}?${query}`,
      headers: { "content-type": "text/xml" },
      payload,
    });
    return { status: res.statusCode, body: res.body, passive: passiveText(res.body) };
  }

  return {
    openId,
    post,
    say: (text: string, mode: "plain" | "safe" = "plain") =>
      post({ MsgType: "text", Content: text, MsgId: String(msgIds++) }, mode),
    event: (event: string, key = "") => post({ MsgType: "event", Event: event, EventKey: key }),
  };
}

/** The text of a passive reply, opening a safe-mode envelope (and checking its signature) when there is one. */
export function passiveText(body: string): string | undefined {
  const encrypted = /<Encrypt><!\[CDATA\[(.*?)\]\]><\/Encrypt>/s.exec(body)?.[1];
  let xml = body;
  if (encrypted) {
    const signature = /<MsgSignature><!\[CDATA\[(.*?)\]\]>/.exec(body)?.[1];
    const timestamp = /<TimeStamp>(.*?)<\/TimeStamp>/.exec(body)?.[1] ?? "";
    const nonce = /<Nonce><!\[CDATA\[(.*?)\]\]>/.exec(body)?.[1] ?? "";
    if (signature !== getSignature(OA.token, timestamp, nonce, encrypted)) throw new Error("reply signature wrong");
    const opened = decrypt(OA.aesKey, encrypted);
    if (opened.id !== OA.appId) throw new Error("reply sealed for another account");
    xml = opened.message;
  }
  return /<Content><!\[CDATA\[(.*?)\]\]><\/Content>/s.exec(xml)?.[1];
}
