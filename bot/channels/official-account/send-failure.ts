// WeChat's error codes as the delivery worker's kinds of failure.
import type { SendFailure } from "../../core/types.ts";
import { OaApiError } from "./api.ts";

/** Outside the 48 h after the person's last message, or past the messages allowed in it. */
export const OUT_OF_WINDOW = new Set([45015, 45047]);

export function sendFailure(error: unknown): SendFailure {
  if (!(error instanceof OaApiError)) {
    return { kind: "transient", reason: error instanceof Error ? error.message : String(error) };
  }
  const reason = `${error.errcode} ${error.errmsg}`.trim();
  switch (error.errcode) {
    case 43004: // not (or no longer) following the account
    case 40003: // not a follower of this account
      return { kind: "blocked" };
    case 45009: // the account's daily or per-minute API quota
    case 45011:
      return { kind: "rate-limited", retryAfterSec: 60 };
    case 43101: // the person declined this kind of message
      return { kind: "waiting", reason };
    case -1: // "system busy"
      return { kind: "transient", reason };
    default:
      return OUT_OF_WINDOW.has(error.errcode) ? { kind: "waiting", reason } : { kind: "permanent", reason };
  }
}
