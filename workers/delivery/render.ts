// An outbox row as a Reply in the recipient's language: text and button labels are message ids until now.
import { z } from "zod";
import type { MessageHooks } from "../../bot/core/feature.ts";
import { type Args, type I18n, isLocale, type Locale } from "../../bot/core/i18n.ts";
import type { Reply } from "../../bot/core/types.ts";
import type { Db } from "../../bot/infra/db.ts";
import type { ImageCache } from "./image-cache.ts";

const buttonRows = z.array(z.array(z.object({ labelKey: z.string().min(1), payload: z.string().min(1) })));

export class BadOutboxRow extends Error {}

export interface RenderableRow {
  messageKey: string;
  args: unknown;
  buttons: unknown;
  /** A stored image (Media id) to send with the text. */
  imageId?: number | null;
}

export function recipientLocale(identityLocale: string | null, fallback: Locale): Locale {
  return isLocale(identityLocale) ? identityLocale : fallback;
}

function toArgs(value: unknown): Args {
  if (value === null || value === undefined) return {};
  if (typeof value !== "object" || Array.isArray(value)) throw new BadOutboxRow("args is not an object");
  const args: Args = {};
  for (const [key, v] of Object.entries(value)) {
    if (typeof v === "string" || typeof v === "number") args[key] = v;
    else if (v !== null && v !== undefined) args[key] = String(v);
  }
  return args;
}

/** Throws BadOutboxRow for a row no retry can fix (malformed args or buttons). */
export async function renderRow(
  row: RenderableRow,
  locale: Locale,
  deps: { i18n: I18n; db: Db; images?: ImageCache },
  hooks: MessageHooks | undefined,
): Promise<Reply> {
  const own = toArgs(row.args);
  // Loaded at send time (a notice's text lives once on the notice); they win over what the row holds.
  const loaded = hooks?.resolveArgs ? await hooks.resolveArgs(deps.db, own as Record<string, unknown>) : {};
  const args = { ...own, ...loaded };
  const parsed = row.buttons === null || row.buttons === undefined ? [] : buttonRows.safeParse(row.buttons);
  if (!Array.isArray(parsed) && !parsed.success) throw new BadOutboxRow("buttons are not [[{labelKey, payload}]]");
  const rows = Array.isArray(parsed) ? parsed : parsed.data;
  const buttons = rows.map((r) => r.map((b) => ({ label: deps.i18n.t(locale, b.labelKey), payload: b.payload })));
  const image = row.imageId ? await loadImage(row.imageId, deps) : undefined;
  return {
    text: deps.i18n.t(locale, row.messageKey, args),
    ...(buttons.length ? { buttons } : {}),
    ...(image ? { image } : {}),
    intent: "delivery",
  };
}

async function loadImage(id: number, deps: { db: Db; images?: ImageCache }): Promise<Uint8Array> {
  const bytes = deps.images
    ? await deps.images.get(id)
    : (await deps.db.media.findUnique({ where: { id }, select: { bytes: true } }))?.bytes;
  if (!bytes) throw new BadOutboxRow(`image ${id} is missing`);
  return bytes;
}
