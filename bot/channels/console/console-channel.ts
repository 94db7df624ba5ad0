// The console channel: a chat in the terminal, or (--jsonl) one JSON message per line for scripts and tests.
import { open } from "node:fs/promises";
import { createInterface } from "node:readline";
import type { Readable, Writable } from "node:stream";
import { createAudit } from "../../core/audit.ts";
import { MAX_IMAGE_BYTES } from "../../core/images.ts";
import type { Core } from "../../core/router.ts";
import type { ChannelSender, Incoming, IncomingImage } from "../../core/types.ts";
import type { Db } from "../../infra/db.ts";
import { Platform } from "../../infra/db.ts";
import { renderForTerminal, renderJson } from "./render.ts";
import { saveReplyFile } from "./save-file.ts";

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
  const write = (s: string) => opts.output.write(`${s}\n`);
  const show = async (reply: Parameters<typeof renderJson>[0]) => {
    const filePath = reply.file ? await saveReplyFile(reply.file, opts.fileDir) : undefined;
    write(opts.jsonl ? renderJson(reply, filePath) : `\n${renderForTerminal(reply, opts.imageLabel, filePath)}\n`);
  };

  const sender: ChannelSender = {
    platform: "console",
    async send(chatId, reply) {
      if (chatId === ref.chatId) await show(reply);
    },
  };

  /** Reads until end of input (or Ctrl-D), answering each message in turn. */
  async function run(): Promise<void> {
    const rl = createInterface({ input: opts.input, terminal: false });
    const prompt = () => {
      if (!opts.jsonl) opts.output.write(opts.prompt ?? "> ");
    };
    prompt();
    for await (const line of rl) {
      if (!opts.jsonl && line.trim() === "") {
        prompt();
        continue;
      }
      const message = opts.jsonl ? parseLine(line) : { text: line };
      const replies = await opts.core.handle({ ref, chatType: "private", ...message });
      for (const reply of replies) await show(reply);
      prompt();
    }
  }

  return { sender, run, ref };
}
