// Which friend requests the bot accepts (WECHAT_FRIEND_ACCEPT): none, all, or those whose greeting holds the
// keyword — the way a branch tells its members "add 团助 and say 团助".
import type { Config } from "../../config.ts";

export function acceptsFriendRequest(
  config: Pick<Config, "WECHAT_FRIEND_ACCEPT" | "WECHAT_FRIEND_KEYWORD">,
  hello: string,
): boolean {
  switch (config.WECHAT_FRIEND_ACCEPT) {
    case "off":
      return false;
    case "all":
      return true;
    case "keyword": {
      const keyword = config.WECHAT_FRIEND_KEYWORD.trim().toLowerCase();
      return keyword !== "" && hello.toLowerCase().includes(keyword);
    }
  }
}
