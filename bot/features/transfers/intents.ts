import type { IntentWords } from "../../core/nlu/vocabulary.ts";

// Both intents share the topic words; the asking-for-progress words tip it to transfer.status.
const topicZh = ["转接", "组织关系", "转团", "转关系", "团关系"];
const topicEn = ["transfer", "move my membership"];

export const transferIntents: IntentWords[] = [
  {
    intent: "transfer.start",
    zh: [...topicZh, "申请", "想转", "毕业", "转出", "转入", "办理"],
    en: [...topicEn, "apply", "graduate", "graduated", "move", "start", "another branch", "new branch"],
  },
  {
    intent: "transfer.status",
    zh: [...topicZh, "到哪一步", "哪一步", "进度", "审批", "批了吗", "怎么样了", "状态"],
    en: [...topicEn, "progress", "where is", "how far", "transfer status", "approved yet", "my transfer"],
  },
];
