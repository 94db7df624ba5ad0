// Writing a notice in chat: as which organisation → text → optional image → audience → preview with counts → confirm.
import { type Context, otherRequest } from "../../core/feature.ts";
import { fetchImage, storeImage } from "../../core/images.ts";
import { type AudienceChoice, audienceOrgIds } from "./audience.ts";
import { audienceRows, meansWholeAudience, toggledChildIds } from "./audience-buttons.ts";
import { audienceCounts, createNotice, senderScopes } from "./notice-service.ts";

export const DIALOG = "notice.create";

interface NoticeDraft {
  orgId?: number;
  childIds?: number[];
  text?: string;
  /** The stored picture (Media id), when one was sent. */
  imageId?: number;
}

const draftOf = (ctx: Context) =>
  ctx.dialog.current?.name === DIALOG ? (ctx.dialog.current.data as NoticeDraft) : null;

export async function startNotice(ctx: Context) {
  const { roles, orgs } = await senderScopes(ctx.deps.db, ctx.member!.id);
  if (!orgs.length) {
    await ctx.deps.audit.record({ actorId: ctx.member!.id, action: "notice.denied", data: { roles: roles.length } });
    return ctx.say("notices-not-allowed");
  }
  if (orgs.length === 1) return askText(ctx, orgs[0]!.id);
  await ctx.dialog.start(DIALOG, "org", {});
  ctx.say(
    "notices-choose-org",
    {},
    orgs.map((o) => [{ label: o.name, payload: `notice-org:${o.id}` }]),
  );
}

async function askText(ctx: Context, orgId: number) {
  await ctx.dialog.start(DIALOG, "text", { orgId, childIds: [] });
  ctx.say("notices-ask-text");
}

/** Button: the organisation to send as (must be one of the sender's scopes). */
export async function chooseOrg(ctx: Context, orgId: number) {
  const { orgs } = await senderScopes(ctx.deps.db, ctx.member!.id);
  if (!draftOf(ctx) || !orgs.some((o) => o.id === orgId)) return ctx.say("notices-expired");
  return askText(ctx, orgId);
}

const elsewhere = (ctx: Context) => otherRequest(ctx, "notice.create");

/** Typed text (or a sent image) while the dialog is open. */
export async function onDialogText(ctx: Context) {
  const draft = draftOf(ctx);
  const step = ctx.dialog.current?.step;
  if (draft && step === "image") {
    // Anything but an image here gets the same question again (the skip button is the way on without one),
    // unless it is some other request ("谁没读"), which is answered while the draft waits.
    if (!ctx.incoming.image && elsewhere(ctx)) return "aside";
    return ctx.incoming.image ? takeImage(ctx) : askImage(ctx);
  }
  const text = ctx.incoming.text?.trim();
  if (draft && step === "audience" && text && meansWholeAudience(ctx, text)) return chooseAudience(ctx, "all");
  if (!draft) return ctx.say("notices-use-buttons");
  if (step !== "text") return elsewhere(ctx) ? "aside" : ctx.say("notices-use-buttons");
  if (!text) return ctx.say("notices-ask-text");
  await ctx.dialog.update("image", { text });
  // A photo with the text as its caption (Telegram) answers both questions at once.
  return ctx.incoming.image ? takeImage(ctx) : askImage(ctx);
}

function askImage(ctx: Context) {
  ctx.say("notices-ask-image", {}, [[ctx.button("notices-skip-image", "notice-img:skip")]]);
}

/** Fetches, checks and stores the picture; a refused one leaves the draft waiting for another (nothing stored). */
async function takeImage(ctx: Context) {
  const image = await fetchImage(ctx.incoming.image!);
  if ("problem" in image) {
    ctx.say(`core-image-${image.problem}`);
    return askImage(ctx);
  }
  const imageId = await storeImage(ctx.deps.db, image.bytes, image.mime);
  await ctx.dialog.update("audience", { imageId });
  return showAudience(ctx);
}

/** Button: go on without a picture. */
export async function skipImage(ctx: Context) {
  const draft = draftOf(ctx);
  if (!draft?.text || ctx.dialog.current?.step !== "image") return ctx.say("notices-expired");
  await ctx.dialog.update("audience");
  return showAudience(ctx);
}

async function showAudience(ctx: Context) {
  const draft = draftOf(ctx)!;
  const rows = await audienceRows(ctx, draft.orgId!, draft.childIds ?? [], "notice-aud");
  if (!rows) return preview(ctx);
  ctx.say("notices-choose-audience", { chosen: draft.childIds?.length ?? 0 }, [
    ...rows,
    [ctx.button("notices-audience-done", "notice-aud:done")],
  ]);
}

/** Button: toggle a child organisation, or done (no child chosen = the whole subtree); "all" typed clears the choice. */
export async function chooseAudience(ctx: Context, child: number | "done" | "all") {
  const draft = draftOf(ctx);
  if (!draft?.orgId || !draft.text) return ctx.say("notices-expired");
  if (child === "all") await ctx.dialog.update("audience", { childIds: [] });
  if (child === "done" || child === "all") return preview(ctx);
  const childIds = await toggledChildIds(ctx, draft.orgId, draft.childIds ?? [], child);
  await ctx.dialog.update("audience", { childIds });
  return showAudience(ctx);
}

async function preview(ctx: Context) {
  const draft = draftOf(ctx)!;
  const choice: AudienceChoice = { orgId: draft.orgId!, childIds: draft.childIds ?? [] };
  const counts = await audienceCounts(ctx.deps.db, audienceOrgIds(choice));
  await ctx.dialog.update("confirm");
  const image = draft.imageId ? ctx.t("notices-image-attached") : "";
  ctx.say("notices-preview", { text: draft.text!, image, ...counts }, [
    [ctx.button("notices-send", "notice-send:yes"), ctx.button("notices-cancel", "notice-send:no")],
  ]);
  if (draft.imageId) {
    // The sender sees the picture as members will: with the preview as its caption.
    const media = await ctx.deps.db.media.findUnique({ where: { id: draft.imageId }, select: { bytes: true } });
    if (media) ctx.replies.at(-1)!.image = media.bytes;
  }
}

/** Button: send or drop the previewed notice. */
export async function confirm(ctx: Context, answer: "yes" | "no") {
  const draft = draftOf(ctx);
  if (!draft?.orgId || !draft.text || ctx.dialog.current?.step !== "confirm") return ctx.say("notices-expired");
  await ctx.dialog.end();
  if (answer !== "yes") return ctx.say("notices-dropped");
  // Roles may have changed while the draft waited.
  const { orgs } = await senderScopes(ctx.deps.db, ctx.member!.id);
  if (!orgs.some((o) => o.id === draft.orgId)) return ctx.say("notices-not-allowed");
  const notice = await createNotice(
    ctx.deps,
    ctx.member!.id,
    { orgId: draft.orgId, childIds: draft.childIds ?? [] },
    draft.text,
    draft.imageId,
  );
  ctx.say("notices-sending", { id: notice.id }, [
    [ctx.button("notices-progress-button", `notice-progress:${notice.id}`)],
  ]);
}
