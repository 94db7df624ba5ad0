// What starting a channel gives back to the process that runs it.
import type { ChannelSender, PlatformName } from "../core/types.ts";

export interface RunningChannel {
  name: PlatformName;
  /** For proactive messages from the delivery worker. */
  sender: ChannelSender;
  /** Stop taking updates; resolves when the ones in flight are answered. */
  stop(): Promise<void>;
}
