// The XML WeChat speaks to our server: parsed into flat records, and the passive replies we answer with.
import { XMLParser } from "fast-xml-parser";

const parser = new XMLParser({
  // Everything stays a string: a MsgId has more digits than a double keeps exactly.
  parseTagValue: false,
  processEntities: false,
  ignoreDeclaration: true,
});

/** The children of the root `<xml>` element as strings; null when the body is not such a document. */
export function parseXml(body: string): Record<string, string> | null {
  try {
    const doc = parser.parse(body) as { xml?: unknown };
    if (!doc.xml || typeof doc.xml !== "object") return null;
    const out: Record<string, string> = {};
    for (const [k, v] of Object.entries(doc.xml as Record<string, unknown>)) {
      if (typeof v === "string" || typeof v === "number") out[k] = String(v);
    }
    return out;
  } catch {
    return null;
  }
}

/** CDATA cannot hold "]]>": split it across two sections. */
function cdata(text: string): string {
  return `<![CDATA[${text.replaceAll("]]>", "]]]]><![CDATA[>")}]]>`;
}

export function textReplyXml(to: string, from: string, createTime: number, content: string): string {
  return (
    `<xml><ToUserName>${cdata(to)}</ToUserName><FromUserName>${cdata(from)}</FromUserName>` +
    `<CreateTime>${createTime}</CreateTime><MsgType>${cdata("text")}</MsgType><Content>${cdata(content)}</Content></xml>`
  );
}

export function encryptedReplyXml(encrypted: string, signature: string, timestamp: string, nonce: string): string {
  return (
    `<xml><Encrypt>${cdata(encrypted)}</Encrypt><MsgSignature>${cdata(signature)}</MsgSignature>` +
    `<TimeStamp>${timestamp}</TimeStamp><Nonce>${cdata(nonce)}</Nonce></xml>`
  );
}
