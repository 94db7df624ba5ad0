import type { IntentWords } from "../../core/nlu/vocabulary.ts";

export const circumstanceIntents: IntentWords[] = [
  {
    intent: "dues.change",
    zh: [
      "换工作",
      "上班了",
      "找到工作",
      "入职",
      "收入变",
      "工资变",
      "涨工资",
      "月薪",
      "失业",
      "辞职",
      "团费类别",
      "读研",
    ],
    en: ["new job", "started a job", "income changed", "salary changed", "lost my job", "raise", "dues category"],
  },
];
