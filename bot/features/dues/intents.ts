import type { IntentWords } from "../../core/nlu/vocabulary.ts";

export const duesIntents: IntentWords[] = [
  {
    intent: "dues.status",
    zh: ["团费", "欠费", "欠多少", "欠了多少", "会费"],
    en: ["dues", "fee", "fees", "owe", "membership fee", "how much dues"],
  },
  {
    intent: "dues.pay",
    zh: [
      "交团费",
      "缴团费",
      "缴纳团费",
      "付团费",
      "预缴团费",
      "补缴团费",
      "补交团费",
      "缴费",
      "交费",
      "我要交",
      "预缴",
      "补缴",
    ],
    en: ["pay dues", "pay my dues", "pay fees", "pay"],
  },
];
