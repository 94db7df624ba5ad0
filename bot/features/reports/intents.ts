import type { IntentWords } from "../../core/nlu/vocabulary.ts";

export const reportIntents: IntentWords[] = [
  {
    intent: "report.league",
    zh: ["转接统计", "转接周报", "转接排名", "转接排行", "响应率", "办理时效", "数据治团", "排行榜", "周报"],
    en: ["league table", "transfer report", "transfer stats", "transfer statistics", "response rate", "weekly report"],
  },
];
