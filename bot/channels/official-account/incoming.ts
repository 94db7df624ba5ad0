// A message or event an Official Account received, as what the channel does with it. Pure.
//
// Text, images, voice with WeChat's own recognition → the core as usual; voice without it, video, location, link →
// the core with no text (it answers "please send text"). Events: subscribe → the welcome (/start), or the scene
// of the QR code scanned to subscribe; SCAN by a follower → that scene; a menu CLICK → the button payload in its
// key; unsubscribe → the identity stops receiving. Everything else (menu links, template receipts) is ignored.
import type { Incoming, IncomingImage } from "../../core/types.ts";

export type Inbound =
  | { kind: "incoming"; incoming: Incoming; dedupeKey: string }
  | { kind: "unsubscribed"; openId: string; dedupeKey: string }
  | { kind: "ignored" };

/** The QR codes the bot hands out: an activity's check-in, a leader's one-time binding code. */
export function sceneText(scene: string): string {
  if (scene.startsWith("checkin_")) return `/start ${scene}`;
  if (scene.startsWith("bind_")) return `/bind ${scene.slice("bind_".length)}`;
  return "/start";
}

export function toInbound(msg: Record<string, string>, fetchImage: (mediaId: string) => Promise<Uint8Array>): Inbound {
  const openId = msg.FromUserName;
  if (!openId) return { kind: "ignored" };
  const ref = { platform: "wechat_oa" as const, chatId: openId, userId: openId };
  const base = { ref, chatType: "private" as const };
  // WeChat sends a message again when we were slow. Events have no MsgId: sender and time name them, with the
  // event and its key, so two different menu taps in one second are two events (the same tap twice is one).
  const dedupeKey = msg.MsgId
    ? `msg:${msg.MsgId}`
    : `evt:${openId}:${msg.CreateTime ?? ""}:${msg.Event ?? ""}:${msg.EventKey ?? ""}`;
  const incoming = (extra: Partial<Incoming>): Inbound => ({
    kind: "incoming",
    incoming: { ...base, ...extra },
    dedupeKey,
  });

  switch (msg.MsgType) {
    case "text":
      return incoming({ text: msg.Content ?? "" });
    case "image": {
      const mediaId = msg.MediaId;
      if (!mediaId) return incoming({});
      const image: IncomingImage = { fileRef: mediaId, fetch: () => fetchImage(mediaId) };
      return incoming({ image });
    }
    case "voice":
      return msg.Recognition?.trim() ? incoming({ text: msg.Recognition }) : incoming({});
    case "event":
      return fromEvent(msg, openId, dedupeKey, incoming);
    default:
      return incoming({});
  }
}

function fromEvent(
  msg: Record<string, string>,
  openId: string,
  dedupeKey: string,
  incoming: (extra: Partial<Incoming>) => Inbound,
): Inbound {
  const key = msg.EventKey ?? "";
  switch (msg.Event?.toLowerCase()) {
    case "subscribe":
      return incoming({ text: key.startsWith("qrscene_") ? sceneText(key.slice("qrscene_".length)) : "/start" });
    case "scan":
      return incoming({ text: sceneText(key) });
    case "click":
      return key ? incoming({ button: key }) : { kind: "ignored" };
    case "unsubscribe":
      return { kind: "unsubscribed", openId, dedupeKey };
    default:
      return { kind: "ignored" };
  }
}
