import type { IntentWords } from "../../core/nlu/vocabulary.ts";

export const duesIntents: IntentWords[] = [
  {
    intent: "dues.status",
    zh: ["团费", "交团费", "缴团费", "缴费", "欠费", "欠多少", "欠了多少", "会费", "交费"],
    en: ["dues", "fee", "fees", "owe", "pay dues", "membership fee", "how much dues"],
  },
];
