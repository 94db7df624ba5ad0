import type { IntentWords } from "../../core/nlu/vocabulary.ts";

export const noticeIntents: IntentWords[] = [
  {
    intent: "notice.create",
    zh: ["发通知", "发布通知", "群发", "下发通知", "发个通知", "通知全体"],
    en: ["send notice", "broadcast", "new notice", "announce"],
  },
  {
    intent: "notice.progress",
    zh: ["通知进度", "谁没读", "未读", "已读情况", "阅读情况", "通知情况"],
    en: ["notice progress", "who has not read", "unread", "read receipts"],
  },
];
