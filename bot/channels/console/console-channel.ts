// The console channel: a chat in the terminal, or (--jsonl) one JSON message per line for scripts and tests.
import { open } from "node:fs/promises";
import { createInterface } from "node:readline";
import type { Readable, Writable } from "node:stream";
import { createAudit } from "../../core/audit.ts";
import { MAX_IMAGE_BYTES } from "../../core/images.ts";
import type { Core } from "../../core/router.ts";
import type { ChannelSender, Incoming, IncomingImage, Reply } from "../../core/types.ts";
import type { Db } from "../../infra/db.ts";
import { Platform } from "../../infra/db.ts";
import type { ConsoleInbox } from "./inbox.ts";
import { renderForTerminal, renderJson } from "./render.ts";
import { saveReplyFile } from "./save-file.ts";
import { createTerminal, type Terminal } from "./terminal.ts";

export interface ConsoleOptions {
  core: Core;
  db: Db;
  input: Readable;
  output: Writable;
  jsonl: boolean;
  /** 发展团员编号 of the member to act as, or "none". */
  as: string;
  prompt?: string;
  /** Shown above a reply that carries an image: the catalogue's core-image-attached. */
  imageLabel: string;
  /** Where attached files (exports) are written; the system's temp directory when not given. */
  fileDir?: string;
  /**
   * Messages the bot sends on its own go through this Redis list per chat, so the console playing the member
   * prints them whichever process delivered them. Without it, only this console's own chat is shown, directly.
   */
  inbox?: ConsoleInbox;
  /** The prompt and the lines printed above it; one is made on `output` when not given. */
  terminal?: Terminal;
  /** How often the inbox is looked at (ms). */
  pollMs?: number;
  /** Awaited at the start and when input ends, before a look at the inbox: lets messages on their way arrive. */
  settle?: () => Promise<void>;
}

/**
 * The console is a local operator's tool: `--as` binds the console identity to that member directly, without
 * the binding dialog, the way a developer logs in as a seeded user.
 */
export async function bindConsoleIdentity(db: Db, as: string): Promise<{ userId: string; memberName?: string }> {
  const userId = `console:${as}`;
  const member = as === "none" ? null : await db.member.findUnique({ where: { code: as } });
  if (as !== "none" && !member) throw new Error(`No member has 编号 ${as}; run \`npm run db:seed\` or pass --as none`);
  const where = { platform_externalUserId: { platform: Platform.CONSOLE, externalUserId: userId } };
  if (member) {
    // One console identity per member: move it here if another --as left it elsewhere.
    await db.chatIdentity.updateMany({
      where: { memberId: member.id, platform: Platform.CONSOLE, NOT: { externalUserId: userId } },
      data: { memberId: null, boundAt: null },
    });
  }
  await db.chatIdentity.upsert({
    where,
    create: {
      platform: Platform.CONSOLE,
      externalUserId: userId,
      chatId: userId,
      memberId: member?.id ?? null,
      boundAt: member ? new Date() : null,
    },
    update: { memberId: member?.id ?? null, boundAt: member ? new Date() : null },
  });
  if (member) {
    await createAudit(db).record({
      actorLabel: "console",
      action: "console.act-as",
      targetType: "member",
      targetId: member.id,
    });
  }
  return { userId, ...(member ? { memberName: member.name } : {}) };
}

/** A local file as an image the person sent; read only when fetched, and never more than one byte over the limit. */
export function localImage(path: string): IncomingImage {
  return {
    fileRef: path,
    async fetch() {
      const file = await open(path, "r");
      try {
        const buffer = Buffer.alloc(MAX_IMAGE_BYTES + 1);
        const { bytesRead } = await file.read(buffer, 0, buffer.length, 0);
        return buffer.subarray(0, bytesRead);
      } finally {
        await file.close();
      }
    },
  };
}

/** Parses one --jsonl input line: plain text, or {"text": …} / {"button": …} / {"image": "<local file path>"}. */
export function parseLine(line: string): Pick<Incoming, "text" | "button" | "image"> {
  const trimmed = line.trim();
  if (trimmed.startsWith("{")) {
    try {
      const value = JSON.parse(trimmed) as Record<string, unknown>;
      if (typeof value.button === "string") return { button: value.button };
      if (typeof value.image === "string") return { image: localImage(value.image) };
      if (typeof value.text === "string") return { text: value.text };
    } catch {
      // Not JSON after all: treat it as text.
    }
  }
  return { text: line };
}

export function createConsoleChannel(opts: ConsoleOptions & { userId: string }) {
  const ref = { platform: "console" as const, chatId: opts.userId, userId: opts.userId };
  const terminal = opts.terminal ?? createTerminal(opts.output, opts.prompt ?? "> ");
  const write = (s: string) => opts.output.write(`${s}\n`);
  const show = async (reply: Parameters<typeof renderJson>[0]) => {
    const filePath = reply.file ? await saveReplyFile(reply.file, opts.fileDir) : undefined;
    write(opts.jsonl ? renderJson(reply, filePath) : `\n${renderForTerminal(reply, opts.imageLabel, filePath)}\n`);
  };
  /** A message the bot sent on its own: marked in --jsonl, printed above the prompt in a terminal. */
  const showProactive = async (reply: Reply) => {
    const filePath = reply.file ? await saveReplyFile(reply.file, opts.fileDir) : undefined;
    if (opts.jsonl) write(JSON.stringify({ proactive: true, ...JSON.parse(renderJson(reply, filePath)) }));
    else terminal.above(`\n${renderForTerminal(reply, opts.imageLabel, filePath)}\n`);
  };

  const sender: ChannelSender = {
    platform: "console",
    async send(chatId, reply) {
      if (opts.inbox) await opts.inbox.push(chatId, reply);
      else if (chatId === ref.chatId) await showProactive(reply);
    },
  };

  let polling: Promise<void> = Promise.resolve();
  /** Prints what waits in the inbox; one look at a time, so nothing is printed twice or out of order. */
  const checkInbox = () => {
    const inbox = opts.inbox;
    if (!inbox) return polling;
    polling = polling.then(async () => {
      for (const reply of await inbox.take(ref.chatId)) await showProactive(reply);
    });
    return polling;
  };

  /** Reads until end of input (or Ctrl-D), answering each message in turn. */
  async function run(): Promise<void> {
    const prompt = () => {
      if (!opts.jsonl) terminal.prompt();
    };
    // What the bot said while this member was away comes first — also what is still on its way (a leader's
    // notice written a moment before this session began: under load the delivery worker may not have sent it yet).
    await opts.settle?.();
    await checkInbox();
    // Only now, and iterated at once: lines readline reads before the loop listens would be lost.
    const rl = createInterface({ input: opts.input, terminal: false });
    const timer = opts.inbox ? setInterval(() => void checkInbox().catch(() => {}), opts.pollMs ?? 300) : undefined;
    try {
      prompt();
      for await (const line of rl) {
        terminal.lineEntered();
        if (!opts.jsonl && line.trim() === "") {
          prompt();
          continue;
        }
        const message = opts.jsonl ? parseLine(line) : { text: line };
        const replies = await opts.core.handle({ ref, chatType: "private", ...message });
        await polling;
        for (const reply of replies) await show(reply);
        prompt();
      }
      await opts.settle?.();
      await checkInbox();
    } finally {
      clearInterval(timer);
    }
  }

  return { sender, run, ref, checkInbox };
}
