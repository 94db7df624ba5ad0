import type { IntentWords } from "../../../core/nlu/vocabulary.ts";

export const duesLeaderIntents: IntentWords[] = [
  {
    intent: "duesleaders.branch",
    zh: ["支部团费收缴情况", "团费收缴情况", "收缴情况", "团费台账", "导出团费", "团费明细", "支部团费", "团费收缴表"],
    en: ["dues collection", "branch dues", "export dues", "dues csv", "dues report"],
  },
  {
    intent: "duesleaders.cash",
    zh: ["登记现金团费", "现金团费", "登记团费", "代收团费", "现金收缴", "收了现金"],
    en: ["cash dues", "record cash", "cash payment", "record dues"],
  },
  {
    intent: "duesleaders.review",
    zh: [
      "待确认缴费",
      "待确认的缴费",
      "待确认团费",
      "缴费截图",
      "付款截图",
      "确认缴费",
      "审核缴费",
      "谁交了团费",
      "待审核缴费",
    ],
    en: ["payments to confirm", "payment screenshots", "review payments", "confirm payments", "pending payments"],
  },
  {
    intent: "duesleaders.method",
    zh: ["收款方式", "团费收款方式", "设置收款方式", "缴费方式设置"],
    en: ["payment method", "how to pay dues", "set payment method"],
  },
  {
    intent: "duesleaders.orgs",
    zh: ["团费收缴率", "收缴率", "各支部收缴", "下级收缴"],
    en: ["collection rate", "dues rate", "collection rates"],
  },
  {
    intent: "duesleaders.nudge",
    zh: ["催交团费", "催缴团费", "催缴", "催交", "提醒没交团费", "催团费"],
    en: ["chase dues", "remind members who owe", "dues reminder", "chase unpaid"],
  },
];
