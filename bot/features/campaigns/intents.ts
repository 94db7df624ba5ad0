import type { IntentWords } from "../../core/nlu/vocabulary.ts";

export const campaignIntents: IntentWords[] = [
  {
    intent: "campaign.register",
    zh: ["团籍注册", "团员注册", "年度注册", "团员报到", "团籍注册进度", "发起团籍注册"],
    en: ["membership registration", "annual registration", "registration status"],
  },
];
