import type { IntentWords } from "../../core/nlu/vocabulary.ts";

export const bindingIntents: IntentWords[] = [
  {
    intent: "bind",
    zh: ["绑定", "认证", "关联账号", "验证身份", "登录", "绑定身份"],
    en: ["bind", "link account", "link my account", "verify", "log in", "login", "connect account"],
  },
  {
    intent: "unbind",
    // "解除绑定" outweighs the bind intent's "绑定" inside it. No "取消绑定": inside the bind dialog it means cancel.
    zh: ["解绑", "解除绑定", "解除关联"],
    en: ["unbind", "unlink"],
  },
];
