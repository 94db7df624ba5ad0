// A terminal cannot show a document, so a reply's file is written to disk and its path printed instead.
import { mkdir, mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { ReplyFile } from "../../core/types.ts";

/** Where exports go unless the console is told otherwise: the system's temp directory, never the repo. */
export const defaultFileDir = () => join(tmpdir(), "tuanzhu-exports");

/** The name as given, less anything that would leave the directory or upset a file system. */
export function safeFileName(name: string): string {
  const cleaned = name.replace(/[/\\:*?"<>|\p{Cc}]/gu, "_").replace(/^\.+/, "_");
  return cleaned.trim() || "file";
}

/** Writes the file in a directory of its own (two exports with one name never overwrite each other). */
export async function saveReplyFile(file: ReplyFile, dir = defaultFileDir()): Promise<string> {
  await mkdir(dir, { recursive: true });
  const own = await mkdtemp(join(dir, "export-"));
  const path = join(own, safeFileName(file.name));
  await writeFile(path, file.bytes);
  return path;
}
