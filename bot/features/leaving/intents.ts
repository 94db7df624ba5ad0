import type { IntentWords } from "../../core/nlu/vocabulary.ts";

export const leavingIntents: IntentWords[] = [
  {
    intent: "leaving.request",
    zh: [
      "我要退团",
      "申请离团",
      "退团",
      "离团",
      "主动离团",
      "我想退团",
      "退出共青团",
      "不想当团员了",
      "办理离团",
      "申请退团",
    ],
    en: [
      "leave the league",
      "quit the league",
      "i want to leave the league",
      "resign membership",
      "withdraw from the league",
      "apply to leave",
    ],
  },
];
