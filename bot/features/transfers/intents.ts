import type { IntentWords } from "../../core/nlu/vocabulary.ts";

// The intents share the topic words; the asking-for-progress, cancelling and to-do words tip the balance.
const topicZh = ["转接", "组织关系", "转团", "转关系", "团关系"];
const topicEn = ["transfer", "move my membership"];

export const transferIntents: IntentWords[] = [
  {
    intent: "transfer.start",
    zh: [...topicZh, "申请", "想转", "毕业", "转出", "转入", "办理", "办理转出", "办理转入"],
    en: [...topicEn, "apply", "graduate", "graduated", "move", "start", "another branch", "new branch"],
  },
  {
    intent: "transfer.status",
    zh: [...topicZh, "到哪一步", "哪一步", "进度", "审批", "批了吗", "怎么样了", "状态"],
    en: [...topicEn, "progress", "where is", "how far", "transfer status", "approved yet", "my transfer"],
  },
  {
    intent: "transfer.cancel",
    zh: ["取消转接", "撤销转接", "撤回转接", "撤销申请", "撤回申请", "不转了", "取消申请"],
    en: ["cancel my transfer", "withdraw my transfer", "cancel transfer", "withdraw transfer"],
  },
  {
    intent: "transfer.pending",
    zh: [
      ...["待审批", "待办", "待处理", "要审批", "待我审批", "待审批的转接", "审批的转接", "待办的转接", "要审批的转接"],
      // A leader asking what waits for them: 有啥要我审批的吗, 有什么要我批的, 有没有待我处理的.
      ...["要我审批", "需要我审批", "要我批", "待我处理", "要我处理", "等我审批", "等我批"],
    ],
    en: [
      ...["pending", "pending transfers", "transfers waiting", "waiting for me", "to approve", "my queue"],
      ...["my approval", "for me to approve", "anything to approve"],
    ],
  },
];
