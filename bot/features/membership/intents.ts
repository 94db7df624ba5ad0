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
    ],
    en: ["status", "my info", "my record", "membership", "profile", "who am i", "my details"],
  },
];
