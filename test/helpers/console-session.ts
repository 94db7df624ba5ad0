// One console session as `npm run console -- --as <code> --jsonl`, in the test's process (so on the app's clock):
// the lines it prints, parsed.
import { PassThrough, Readable } from "node:stream";
import { bindConsoleIdentity, createConsoleChannel } from "../../bot/channels/console/console-channel.ts";
import type { ConsoleInbox } from "../../bot/channels/console/inbox.ts";
import { settleOutbox } from "../../bot/channels/console/settle.ts";
import type { JsonlLine } from "./run-script.ts";
import type { TestApp } from "./test-app.ts";

export async function consoleSession(
  app: TestApp,
  inbox: ConsoleInbox,
  code: string,
  lines: string[],
): Promise<JsonlLine[]> {
  const { db } = app.deps;
  const identity = await bindConsoleIdentity(db, code);
  const output = new PassThrough();
  let text = "";
  output.on("data", (d) => {
    text += d;
  });
  await createConsoleChannel({
    core: app.core,
    db,
    input: Readable.from(lines.map((l) => `${l}\n`)),
    output,
    jsonl: true,
    as: code,
    userId: identity.userId,
    imageLabel: "[image]",
    inbox,
    settle: () => settleOutbox(db, identity.userId, app.deps.now),
  }).run();
  return text
    .trim()
    .split("\n")
    .filter(Boolean)
    .map((l) => JSON.parse(l) as JsonlLine);
}
