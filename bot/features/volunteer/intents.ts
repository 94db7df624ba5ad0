import type { IntentWords } from "../../core/nlu/vocabulary.ts";

export const volunteerIntents: IntentWords[] = [
  {
    // For 团支书 and committee staff; everyone else gets a polite refusal from the handler. Before "mine", so a tie
    // ("登记志愿时长" holds "志愿时长") goes to the leader's request.
    intent: "volunteer.add",
    zh: [
      "加时长",
      "补录",
      "补登",
      "记时长",
      "加志愿时长",
      "补录时长",
      "登记时长",
      "补录志愿时长",
      "登记志愿时长",
      "添加志愿时长",
    ],
    en: ["add hours", "log hours", "record hours", "credit hours", "add volunteer hours"],
  },
  {
    // Before "mine" too: "志愿时长统计" holds "志愿时长".
    intent: "volunteer.export",
    zh: ["导出", "统计", "时长表", "导出时长", "时长统计", "志愿时长表", "导出志愿时长", "时长汇总"],
    en: ["export hours", "hours export", "hours sheet", "hours csv", "export volunteer hours"],
  },
  {
    intent: "volunteer.mine",
    zh: ["志愿时长", "志愿服务时长", "服务时长", "志愿小时", "志愿服务小时", "时长", "多少小时", "志愿工时"],
    en: ["volunteer hours", "service hours", "my hours", "hours"],
  },
];
