// Images people send: what we accept (PNG or JPEG, judged by the bytes, at most 5 MB) and storing them once per
// content. Pure checks first; the store is the only I/O.
import { createHash } from "node:crypto";
import type { Db } from "../infra/db.ts";
import type { IncomingImage } from "./types.ts";

export const MAX_IMAGE_BYTES = 5 * 1024 * 1024;

export type ImageMime = "image/png" | "image/jpeg";
export type ImageProblem = "too-large" | "wrong-type" | "unreadable";

const PNG_MAGIC = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const JPEG_MAGIC = [0xff, 0xd8, 0xff];

const startsWith = (bytes: Uint8Array, magic: number[]) =>
  bytes.length >= magic.length && magic.every((b, i) => bytes[i] === b);

/** The type the bytes really are (a file name or the platform's word is not trusted). */
export function imageMime(bytes: Uint8Array): ImageMime | null {
  if (startsWith(bytes, PNG_MAGIC)) return "image/png";
  if (startsWith(bytes, JPEG_MAGIC)) return "image/jpeg";
  return null;
}

export function checkImage(bytes: Uint8Array): { mime: ImageMime } | { problem: ImageProblem } {
  if (bytes.length > MAX_IMAGE_BYTES) return { problem: "too-large" };
  const mime = imageMime(bytes);
  return mime ? { mime } : { problem: "wrong-type" };
}

/** A file name with the right extension, for platforms that want one. */
export const imageFileName = (bytes: Uint8Array) => (imageMime(bytes) === "image/jpeg" ? "image.jpg" : "image.png");

/** Downloads and checks an incoming image; a failed download is "unreadable", never an exception. */
export async function fetchImage(
  image: IncomingImage,
): Promise<{ bytes: Uint8Array; mime: ImageMime } | { problem: ImageProblem }> {
  let bytes: Uint8Array;
  try {
    bytes = await image.fetch();
  } catch {
    return { problem: "unreadable" };
  }
  const checked = checkImage(bytes);
  return "problem" in checked ? checked : { bytes, mime: checked.mime };
}

/**
 * Stores the bytes once: the same image sent again (or by someone else) is the same row. Returns its id.
 * Idempotent under concurrency: two writers of the same bytes at once (two committees' identical weekly charts drawn
 * by two workers) both get the one row. Prisma's upsert reads, then inserts, and the slower of two such writers hit
 * the unique hash (P2002); `ON CONFLICT DO NOTHING` waits for the other insert to commit instead, and the row is
 * then read back. The common case (bytes stored before) is one read that does not send the bytes.
 */
export async function storeImage(db: Db, bytes: Uint8Array, mime: ImageMime): Promise<number> {
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  const stored = () => db.media.findUnique({ where: { sha256 }, select: { id: true } });
  const before = await stored();
  if (before) return before.id;
  const [inserted] = await db.$queryRaw<{ id: number }[]>`
    INSERT INTO media (sha256, mime, size, bytes) VALUES (${sha256}, ${mime}, ${bytes.length}, ${Buffer.from(bytes)})
    ON CONFLICT (sha256) DO NOTHING
    RETURNING id`;
  if (inserted) return inserted.id;
  // Another writer's row, committed by the time ON CONFLICT returned: each statement reads what is committed.
  return (await stored())!.id;
}
