import type { IntentWords } from "../../../core/nlu/vocabulary.ts";

// "毕业" alone belongs to transfer.start (a graduate asking to transfer); these need the leader's words.
export const graduateIntents: IntentWords[] = [
  {
    intent: "graduates.mark",
    zh: ["毕业时间", "毕业日期", "设置毕业时间", "标记毕业", "设置毕业日期", "毕业班"],
    en: ["graduation date", "set graduation date", "mark graduation", "graduating branch"],
  },
  {
    intent: "graduates.progress",
    zh: ["毕业生", "毕业生转接", "毕业生转接进度", "毕业生进度", "毕业季", "毕业生情况"],
    en: ["graduates", "graduate progress", "graduate season", "graduates transfer progress"],
  },
];
