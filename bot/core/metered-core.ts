// The core with its traffic counted and its log lines tagged: every channel calls handle(), so this is the one
// place to measure it.
import { randomUUID } from "node:crypto";
import { withLogContext } from "../infra/logger.ts";
import type { Metrics } from "../infra/metrics.ts";
import type { Core } from "./router.ts";

export function meteredCore(core: Core, metrics: Pick<Metrics, "messagesIn" | "messagesOut" | "handlerSeconds">): Core {
  return {
    handle(incoming) {
      // A short id of its own for each message: WeChat and the console have no update id.
      return withLogContext({ platform: incoming.ref.platform, msgId: randomUUID().slice(0, 8) }, () =>
        measured(incoming),
      );
    },
  };

  async function measured(incoming: Parameters<Core["handle"]>[0]) {
    const platform = incoming.ref.platform;
    metrics.messagesIn.inc({ platform });
    const started = performance.now();
    const replies = await core.handle(incoming);
    metrics.handlerSeconds.observe(
      { platform, intent: replies[0]?.intent ?? "none" },
      (performance.now() - started) / 1000,
    );
    if (replies.length) metrics.messagesOut.inc({ platform, kind: "reply" }, replies.length);
    return replies;
  }
}
