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

/** Stores the bytes once: the same image sent again (or by someone else) is the same row. Returns its id. */
export async function storeImage(db: Db, bytes: Uint8Array, mime: ImageMime): Promise<number> {
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  const media = await db.media.upsert({
    where: { sha256 },
    create: { sha256, mime, size: bytes.length, bytes: Buffer.from(bytes) },
    update: {},
    select: { id: true },
  });
  return media.id;
}
