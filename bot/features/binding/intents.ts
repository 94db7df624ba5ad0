import type { IntentWords } from "../../core/nlu/vocabulary.ts";

export const bindingIntents: IntentWords[] = [
  {
    intent: "bind",
    zh: ["绑定", "认证", "关联账号", "验证身份", "登录", "绑定身份"],
    en: ["bind", "link account", "link my account", "verify", "log in", "login", "connect account"],
  },
];
