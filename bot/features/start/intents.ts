import type { IntentWords } from "../../core/nlu/vocabulary.ts";

export const startIntents: IntentWords[] = [
  { intent: "start", zh: ["你好", "您好", "在吗", "开始"], en: ["hello", "hi", "hey", "start"] },
  {
    intent: "help",
    zh: ["帮助", "能做什么", "会什么", "功能", "怎么用", "菜单", "使用说明"],
    en: ["help", "what can you do", "menu", "how to use", "commands"],
  },
  {
    intent: "language",
    zh: ["语言", "切换语言", "英文", "英语", "中文"],
    en: ["language", "english", "chinese", "switch language"],
  },
  {
    intent: "cancel",
    zh: ["取消", "算了", "不要了", "不办了", "退出", "停止"],
    en: ["cancel", "stop", "quit", "never mind", "abort"],
  },
];
