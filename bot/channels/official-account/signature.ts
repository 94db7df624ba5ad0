// WeChat signs each request to our server URL. Plain mode: sha1 of the sorted token, timestamp and nonce (the
// URL check and every message). Safe mode adds msg_signature: the same over the encrypted body as well, which is
// what makes the body itself trustworthy. WXBizMsgCrypt's AES part comes from Tencent's own @wecom/crypto.
import { createHash, timingSafeEqual } from "node:crypto";
import { decrypt, encrypt, getSignature } from "@wecom/crypto";

function sha1(parts: string[]): string {
  return createHash("sha1")
    .update([...parts].sort().join(""))
    .digest("hex");
}

function same(given: unknown, expected: string): boolean {
  if (typeof given !== "string" || given.length !== expected.length) return false;
  return timingSafeEqual(Buffer.from(given), Buffer.from(expected));
}

export interface SignedQuery {
  signature?: unknown;
  msg_signature?: unknown;
  timestamp?: unknown;
  nonce?: unknown;
}

export function plainSignatureValid(token: string, q: SignedQuery): boolean {
  if (typeof q.timestamp !== "string" || typeof q.nonce !== "string") return false;
  return same(q.signature, sha1([token, q.timestamp, q.nonce]));
}

export function messageSignatureValid(token: string, q: SignedQuery, encrypted: string): boolean {
  if (typeof q.timestamp !== "string" || typeof q.nonce !== "string") return false;
  return same(q.msg_signature, getSignature(token, q.timestamp, q.nonce, encrypted));
}

/** The inner XML of a safe-mode message, or null when it was not encrypted for this account (appid). */
export function openEnvelope(aesKey: string, appId: string, encrypted: string): string | null {
  try {
    const { message, id } = decrypt(aesKey, encrypted);
    return id === appId ? message : null;
  } catch {
    return null;
  }
}

/** A passive reply in safe mode: encrypted for the account and signed like WeChat's own messages. */
export function sealReply(
  keys: { token: string; aesKey: string; appId: string },
  xml: string,
  timestamp: string,
  nonce: string,
): { encrypted: string; signature: string } {
  const encrypted = encrypt(keys.aesKey, xml, keys.appId);
  return { encrypted, signature: getSignature(keys.token, timestamp, nonce, encrypted) };
}
