// The account's server URL. GET is WeChat's check that the URL is ours (echo `echostr` when signed); POST brings
// each message or event as XML, plain or (safe mode) AES-encrypted. The signature is checked before the body is
// read, and a request more than five minutes old is refused, so a captured request cannot be replayed later.
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from "fastify";
import { messageSignatureValid, openEnvelope, plainSignatureValid, type SignedQuery } from "./signature.ts";
import { parseXml } from "./xml.ts";

const MAX_AGE_SEC = 300;
/** What WeChat wants when there is no passive reply: it then neither retries nor tells the person anything failed. */
export const SUCCESS = "success";
/** A message is a few hundred bytes of XML; anything near this is not WeChat. */
const BODY_LIMIT = 64 * 1024;

export interface OaRouteOptions {
  path: string;
  token: string;
  appId: string;
  aesKey: string | undefined;
  now(): Date;
  /** Answers one message: the body to send back (a passive reply's XML, or "success"). */
  handle(
    message: Record<string, string>,
    reply: { encrypted: boolean; timestamp: string; nonce: string },
  ): Promise<string>;
}

type Query = SignedQuery & { echostr?: unknown; encrypt_type?: unknown };

export function officialAccountRoute(options: OaRouteOptions): FastifyPluginAsync {
  const fresh = (timestamp: unknown) =>
    typeof timestamp === "string" &&
    /^\d{1,12}$/.test(timestamp) &&
    Math.abs(options.now().getTime() / 1000 - Number(timestamp)) <= MAX_AGE_SEC;

  const signed = async (request: FastifyRequest, reply: FastifyReply) => {
    const q = request.query as Query;
    if (!plainSignatureValid(options.token, q) || !fresh(q.timestamp)) {
      return reply.code(401).type("text/plain").send("invalid signature");
    }
  };

  return async (app) => {
    app.addContentTypeParser(["text/xml", "application/xml", "text/plain"], { parseAs: "string" }, (_req, body, done) =>
      done(null, body),
    );

    app.get(options.path, { onRequest: signed, config: { rateLimit: false } }, async (request, reply) => {
      const { echostr } = request.query as Query;
      return reply.type("text/plain").send(typeof echostr === "string" ? echostr : "");
    });

    app.post(
      options.path,
      { onRequest: signed, bodyLimit: BODY_LIMIT, config: { rateLimit: false } },
      async (request, reply) => {
        const q = request.query as Query;
        const outer = typeof request.body === "string" ? parseXml(request.body) : null;
        if (!outer) return reply.code(400).type("text/plain").send("not WeChat XML");
        let message = outer;
        const encrypted = q.encrypt_type === "aes";
        if (encrypted) {
          const envelope = outer.Encrypt;
          if (!options.aesKey || !envelope) return reply.code(400).type("text/plain").send("safe mode is not set up");
          if (!messageSignatureValid(options.token, q, envelope)) {
            return reply.code(401).type("text/plain").send("invalid signature");
          }
          const inner = openEnvelope(options.aesKey, options.appId, envelope);
          const parsed = inner === null ? null : parseXml(inner);
          if (!parsed) return reply.code(401).type("text/plain").send("not for this account");
          message = parsed;
        }
        const body = await options.handle(message, {
          encrypted,
          timestamp: String(q.timestamp),
          nonce: String(q.nonce),
        });
        return reply.type(body === SUCCESS ? "text/plain" : "application/xml").send(body);
      },
    );
  };
}
