import type { IntentWords } from "../../core/nlu/vocabulary.ts";

export const membershipIntents: IntentWords[] = [
  {
    intent: "membership.status",
    zh: [
      "团籍",
      "我的信息",
      "我的资料",
      "个人信息",
      "团员信息",
      "查一下我",
      "我的情况",
      "团员身份",
      "团龄",
      "团员编号",
      "超龄",
    ],
    en: ["status", "my status", "my info", "my record", "membership", "profile", "who am i", "my details"],
  },
  {
    // For leaders; everyone else gets a polite refusal from the handler.
    intent: "membership.branch",
    zh: [
      "支部情况",
      "支部的情况",
      "花名册",
      "团员名单",
      "支部名单",
      "支部成员",
      "支部团员",
      "支部概况",
      "我的支部",
      "查团员",
    ],
    en: ["branch", "roster", "my branch", "member list", "branch members", "branch overview"],
  },
];
