import type { IntentWords } from "../../core/nlu/vocabulary.ts";

export const cardIntents: IntentWords[] = [
  {
    intent: "card.show",
    zh: ["团员证", "我的团员证", "电子团员证", "团员证明", "出示团员证", "亮证", "团员卡", "证明我是团员"],
    en: ["card", "my card", "member card", "membership card", "my member card", "league card", "prove membership"],
  },
];
