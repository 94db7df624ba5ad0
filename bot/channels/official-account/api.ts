// The Official Account API: one access token for every process, and the calls the channel makes.
//
// WeChat allows few token requests a day and a new token may invalidate the old, so processes must not each fetch
// their own: the token lives in Redis, and a lock lets one process refresh it while the others wait for the result.
// The stable-token endpoint hands out the same token until it expires unless asked to force a new one, which we
// do only after WeChat rejected the token we hold.
import { randomUUID } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import type { Redis } from "ioredis";

export class OaApiError extends Error {
  constructor(
    readonly errcode: number,
    readonly errmsg: string,
  ) {
    super(`Official Account API error ${errcode}: ${errmsg}`);
  }
}

/** WeChat's codes for a token it no longer accepts: invalid credential, invalid token, token expired. */
const TOKEN_REJECTED = new Set([40001, 40014, 42001]);
/** Refreshed this long before WeChat says it expires. */
const TOKEN_MARGIN_SEC = 300;
const LOCK_MS = 10_000;

export interface OaApiOptions {
  root: string;
  appId: string;
  secret: string;
  redis: Redis;
  prefix: string;
  timeoutMs?: number;
}

export type CustomMessage =
  | { msgtype: "text"; text: { content: string } }
  | { msgtype: "image"; image: { media_id: string } };

export function createOaApi(options: OaApiOptions) {
  const { redis, appId } = options;
  const tokenKey = `${options.prefix}:oa-token:${appId}`;
  const lockKey = `${options.prefix}:oa-token-lock:${appId}`;
  const timeout = options.timeoutMs ?? 10_000;

  async function request(path: string, init: RequestInit): Promise<Response> {
    return fetch(new URL(path, options.root), { ...init, signal: AbortSignal.timeout(timeout) });
  }

  async function json(res: Response): Promise<Record<string, unknown>> {
    const body = (await res.json()) as Record<string, unknown>;
    const errcode = typeof body.errcode === "number" ? body.errcode : 0;
    if (errcode !== 0) throw new OaApiError(errcode, String(body.errmsg ?? ""));
    return body;
  }

  async function fetchToken(force: boolean): Promise<string> {
    const res = await request("/cgi-bin/stable_token", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        grant_type: "client_credential",
        appid: appId,
        secret: options.secret,
        force_refresh: force,
      }),
    });
    const body = await json(res);
    const token = body.access_token;
    if (typeof token !== "string" || !token) throw new OaApiError(-1, "no access_token in the answer");
    const expires = typeof body.expires_in === "number" ? body.expires_in : 7200;
    await redis.set(tokenKey, token, "EX", Math.max(60, expires - TOKEN_MARGIN_SEC));
    return token;
  }

  /** The token to use; `rejected` is one WeChat just refused, which must not be handed out again. */
  async function accessToken(rejected?: string): Promise<string> {
    const deadline = Date.now() + LOCK_MS;
    while (Date.now() < deadline) {
      const current = await redis.get(tokenKey);
      if (current && current !== rejected) return current;
      const me = randomUUID();
      if ((await redis.set(lockKey, me, "PX", LOCK_MS, "NX")) === "OK") {
        try {
          // Another process may have refreshed between our read and our lock.
          const again = await redis.get(tokenKey);
          if (again && again !== rejected) return again;
          return await fetchToken(rejected !== undefined);
        } finally {
          await redis.eval(
            "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) end return 0",
            1,
            lockKey,
            me,
          );
        }
      }
      await sleep(100);
    }
    throw new OaApiError(-1, "timed out waiting for another process to refresh the access token");
  }

  /** A call with the token in the query; a rejected token is refreshed once and the call made again. */
  async function call(path: string, init: RequestInit): Promise<Record<string, unknown>> {
    const send = async (token: string) => {
      const url = `${path}${path.includes("?") ? "&" : "?"}access_token=${encodeURIComponent(token)}`;
      return request(url, init);
    };
    const token = await accessToken();
    try {
      return await json(await send(token));
    } catch (error) {
      if (!(error instanceof OaApiError) || !TOKEN_REJECTED.has(error.errcode)) throw error;
      return json(await send(await accessToken(token)));
    }
  }

  const postJson = (path: string, body: unknown) =>
    call(path, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });

  return {
    accessToken,

    async sendCustom(openId: string, message: CustomMessage): Promise<void> {
      await postJson("/cgi-bin/message/custom/send", { touser: openId, ...message });
    },

    async sendTemplate(openId: string, templateId: string, data: Record<string, { value: string }>): Promise<void> {
      await postJson("/cgi-bin/message/template/send", { touser: openId, template_id: templateId, data });
    },

    async uploadImage(bytes: Uint8Array, name: string, mime: string): Promise<string> {
      const form = new FormData();
      form.append("media", new Blob([bytes], { type: mime }), name);
      const body = await call("/cgi-bin/media/upload?type=image", { method: "POST", body: form });
      if (typeof body.media_id !== "string") throw new OaApiError(-1, "no media_id in the answer");
      return body.media_id;
    },

    /** An image the person sent, by its media id. */
    async downloadMedia(mediaId: string): Promise<Uint8Array> {
      const fetchWith = async (token: string) =>
        request(
          `/cgi-bin/media/get?access_token=${encodeURIComponent(token)}&media_id=${encodeURIComponent(mediaId)}`,
          { method: "GET" },
        );
      let token = await accessToken();
      let res = await fetchWith(token);
      // Errors come back as JSON; the image itself as its own content type.
      for (let retried = false; (res.headers.get("content-type") ?? "").includes("json"); retried = true) {
        const body = (await res.json()) as { errcode?: number; errmsg?: string };
        const error = new OaApiError(body.errcode ?? -1, body.errmsg ?? "");
        if (retried || !TOKEN_REJECTED.has(error.errcode)) throw error;
        token = await accessToken(token);
        res = await fetchWith(token);
      }
      return new Uint8Array(await res.arrayBuffer());
    },

    async createMenu(menu: unknown): Promise<void> {
      await postJson("/cgi-bin/menu/create", menu);
    },
  };
}

export type OaApi = ReturnType<typeof createOaApi>;
