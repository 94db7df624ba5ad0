// The buttons a chat was last offered. Where a platform has no buttons (WeChat) or the person types instead of
// tapping, "2", the button's words or a close synonym of them ("收到了", "好的收到" for 收到) pick the choice, on
// every channel alike. They stay valid until a newer message with choices replaces them, or a day has passed. A
// dialog's question's buttons are kept with its step, so a hint at that step can show them again.
import type { Redis } from "ioredis";
import { parseInteger } from "./nlu/numbers.ts";
import type { Button, ConversationRef } from "./types.ts";

const TTL_SECONDS = 24 * 60 * 60;

// Words people type for a button's label. Not shown to anyone, so they live here rather than in the catalogues.
const SYNONYMS: Record<string, string[]> = {
  收到: ["已收到", "收到了", "知道了", "已读", "好的", "明白", "明白了", "ok", "好"],
  同意: ["批准", "通过", "可以", "同意了", "行", "没问题"],
  拒绝: ["不同意", "驳回", "不批", "不行"],
  退回: ["不同意", "驳回", "不批", "拒绝"],
  报名: ["我报名", "参加", "我参加", "我去", "报个名"],
  确认: ["确定", "对", "是的", "是", "没错", "好的"],
  取消: ["不要了", "算了"],
  选好了: ["好了", "就这样", "就这样吧", "就这些", "选完了", "完成", "可以了", "下一步"],
  下一步: ["好了", "就这样", "就这样吧", "就这些", "选完了", "完成", "可以了", "选好了"],
  // Under a waiting payment request, "取消" or "不交了" means the request, not just the chat's question: saying
  // "已取消" while the request still waited would not be true.
  取消缴费单: ["取消", "取消缴费", "不交了", "不缴了", "不付了", "不交", "不缴", "算了不交了", "撤销缴费单"],
  // "是否自愿多缴？" — "不用了" answers the question; it does not drop the payment.
  不多缴: ["不用", "不用了", "不要", "不需要", "不了", "没有", "否", "不多交", "不用多缴", "不用了谢谢"],
  // "发送一张图片作为配图，或点「不用配图」": people say no to the picture in their own words.
  不用配图: [
    "不要图片",
    "不用图片",
    "没有图片",
    "没图片",
    "没有配图",
    "不配图",
    "不要配图",
    "无配图",
    "不用",
    "不要",
    "没有",
    "跳过",
    "不需要",
  ],
  // Under a preview: "发吧" is go ahead.
  确认发布: ["发布", "发布吧", "发吧", "发", "发出去", "发出去吧", "可以发了", "可以发布了", "发布出去"],
  确认发送: ["发送", "发送吧", "发吧", "发", "发出去", "发出去吧", "可以发了"],
  publish: ["publish it", "go ahead", "post it", "send it"],
  send: ["send it", "go ahead", "post it"],
  // "报名什么时候截止？"
  活动开始时截止: ["开始前", "开始前截止", "活动开始前", "开始时", "开始时截止", "开始就截止", "到开始", "开始为止"],
  提前一天截止: ["提前一天", "前一天", "前一天截止", "提前1天", "提前一天吧", "早一天"],
  "at the start": ["when it starts", "at start", "until it starts", "until the start", "before it starts"],
  "one day before": ["a day before", "the day before", "1 day before", "one day early"],
  "no picture": ["no image", "no photo", "no pic", "without a picture", "skip", "skip it", "none", "no"],
  "got it": ["ok", "okay", "received", "read", "noted", "got it thanks"],
  approve: ["yes", "approved", "accept", "ok"],
  reject: ["no", "decline", "deny"],
  "sign up": ["join", "count me in", "i'll come", "register"],
  confirm: ["yes", "ok", "sure", "correct"],
  done: ["that's it", "thats it", "finished", "all set", "next"],
  next: ["that's it", "thats it", "finished", "all set", "done"],
  "no extra": ["no", "none", "nope", "no thanks", "no need", "nothing extra", "0 extra"],
  "cancel payment request": ["cancel", "cancel payment", "cancel the payment", "not paying", "i won't pay"],
};

const FILLER = new Set([
  "了",
  "啦",
  "的",
  "吧",
  "啊",
  "呀",
  "嗯",
  "好的",
  "好",
  "我",
  "我要",
  "我想",
  "ok",
  "yes",
  "please",
  "i",
  "i'll",
]);

/**
 * "确认", "yes" typed under a prompt whose one confirming button is "确认提交", "确定撤销", "Submit". Not "好的" or
 * "ok": under 确认到账 / 驳回 that is an acknowledgement, not money confirmed.
 */
const AFFIRM = new Set(["确认", "确定", "提交", "是的", "对", "没错", "yes", "confirm", "submit"]);
const AFFIRM_LABEL = /^(确认|确定|提交|confirm|submit|yes)/;

/** Saying no to a label ("不报名", "don't sign up") must not pick it. */
const NEGATION = /[不别没未莫勿]|\b(no|not|don't|dont|never)\b/i;

/** What was last offered: the rows as shown, and the dialog step whose question offered them, if one. */
export interface Offered {
  rows: Button[][];
  step?: string;
}

function parseOffered(raw: string | null): Offered | undefined {
  if (!raw) return undefined;
  const value = JSON.parse(raw) as Offered | Button[];
  // Kept before rows were: a flat list, one button a row.
  return Array.isArray(value) ? { rows: value.map((b) => [b]) } : value;
}

export function createChoiceMemory(redis: Redis, prefix: string) {
  const key = (ref: ConversationRef) => `${prefix}:choices:${ref.platform}:${ref.chatId}:${ref.userId}`;
  return {
    async remember(ref: ConversationRef, rows: Button[][], step?: string) {
      if (!rows.flat().length) return;
      const offered: Offered = step ? { rows, step } : { rows };
      await redis.set(key(ref), JSON.stringify(offered), "EX", TTL_SECONDS);
    },
    async forget(ref: ConversationRef) {
      await redis.del(key(ref));
    },
    /** The buttons offered last, if any are still valid. */
    async offered(ref: ConversationRef): Promise<Offered | undefined> {
      return parseOffered(await redis.get(key(ref)));
    },
    /** The payload the text picks, if it is a choice number, a button's label or a close synonym of one. */
    async pick(ref: ConversationRef, text: string, options?: PickOptions): Promise<string | undefined> {
      const offered = parseOffered(await redis.get(key(ref)));
      return offered && pickChoice(offered.rows.flat(), text, options);
    },
  };
}
export type ChoiceMemory = ReturnType<typeof createChoiceMemory>;

export interface PickOptions {
  /** Whether "2" picks the second button; false where a number is the answer asked for. */
  byNumber?: boolean;
}

/** Pure: which of the offered buttons the typed text means, if exactly one. */
export function pickChoice(offered: Button[], text: string, { byNumber = true }: PickOptions = {}): string | undefined {
  const said = normalise(text);
  const n = byNumber && /^\d{1,2}$/.test(said) ? Number(said) : Number.NaN;
  if (n >= 1 && n <= offered.length) return offered[n - 1]!.payload;
  const exact = offered.find((b) => normalise(b.label) === said);
  if (exact) return exact.payload;
  if (!said || said.length > 12) return undefined;
  const matches = offered.filter((b) => saysLabel(normalise(b.label), said));
  if (matches.length === 1) return matches[0]!.payload;
  // The start of one label, long enough to tell ("按活动时长" for 按活动时长 2.5 小时).
  const starts = said.length >= 4 ? offered.filter((b) => normalise(b.label).startsWith(said)) : [];
  if (matches.length === 0 && starts.length === 1) return starts[0]!.payload;
  // Buttons titled with a number ("报名 1.周六志愿服务"): "报名" when only one is offered, "报名2" / "报名第二个" for one.
  const titled = offered.flatMap((b) => {
    const parts = TITLED.exec(normalise(b.label));
    return parts ? [{ payload: b.payload, head: parts[1]!, n: parts[2]! }] : [];
  });
  const byHead = titled.filter((t) => saysLabel(t.head, said));
  if (matches.length === 0 && byHead.length === 1) return byHead[0]!.payload;
  const numbered = NUMBERED_ASK.exec(said);
  const item = numbered ? parseInteger(numbered[2]!) : null;
  const byNumberToo = titled.filter((t) => numbered && saysLabel(t.head, numbered[1]!) && Number(t.n) === item);
  if (matches.length === 0 && byNumberToo.length === 1) return byNumberToo[0]!.payload;
  // A part only one label has ("计算机学院那个" under 中山大学团委 / 中山大学计算机学院团总支), said with a pointing word.
  const part = PART_OF_LABEL.exec(said)?.[1];
  const holding =
    part && part.length >= 3 && !/^\d+$/.test(part) && !NEGATION.test(said)
      ? offered.filter((b) => normalise(b.label).includes(part))
      : [];
  if (matches.length === 0 && starts.length === 0 && holding.length === 1) return holding[0]!.payload;
  if (matches.length === 0 && AFFIRM.has(said)) {
    const confirming = offered.filter((b) => AFFIRM_LABEL.test(normalise(b.label)));
    if (confirming.length === 1) return confirming[0]!.payload;
  }
  return undefined;
}

/** "选计算机学院那个", "就计算机学院的吧": the part of a label, and the words that point at it. */
const PART_OF_LABEL = /^(?:我要|我选|就选|选|就|要|是)?\s*(.+?)\s*(?:的那个|那个|这个|那一个|的|吧|呀|the one|one)*$/;

/** "报名 1 周六志愿服务", "sign up: 1 title": the action, then the item's number. */
const TITLED = /^(.+?)\s*:?\s+(\d{1,2})\s/;
/** "报名2", "报名 第二个", "sign up 2". */
const NUMBERED_ASK = /^(.+?)\s*第?\s*(\d{1,2}|[一二两三四五六七八九十]{1,3})\s*个?$/;

/** The label said, with a synonym or only filler words around it, and no "no" ("不报名"). */
function saysLabel(label: string, said: string): boolean {
  if (label === said || SYNONYMS[label]?.includes(said)) return true;
  // "收到了" / "好的，收到" / "我要报名". Not "发起活动" under a menu offering "活动": that is another request.
  if (label.length < 2 || !said.includes(label)) return false;
  const rest = said.replace(label, " ").trim().split(/\s+/).filter(Boolean);
  return rest.every((w) => FILLER.has(w)) && !NEGATION.test(rest.join(""));
}

function normalise(text: string): string {
  return text
    .normalize("NFKC")
    .trim()
    .toLowerCase()
    .replace(/[\s.。、，,!！?？~～)）「」《》]+/g, " ")
    .trim()
    .replace(/^(\d{1,2}) ?$/, "$1");
}
