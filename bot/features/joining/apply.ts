// The applicant's side: /join (or "我要入团") asks for the branch's invite code — or the name and phone a 团支书
// entered — then name, phone and ID number (age 14–28 checked on it), shows what will be sent and submits on
// 「提交」. Only keyed hashes and last four digits of the numbers are kept, in the dialog too.
import { wordArg } from "../../core/args.ts";
import { buttonAction, type Context, type DialogHandler, otherRequest } from "../../core/feature.ts";
import { isPhraseAmong } from "../../core/nlu/cancel.ts";
import { normaliseName } from "../binding/rules.ts";
import { asksHowToJoin, showGuide } from "./guide.ts";
import {
  applicationOf,
  bindPreRegistered,
  branchByInvite,
  findPreRegistered,
  phoneHashOf,
  readApplicantId,
  submitApplication,
} from "./join-service.ts";
import { normaliseInvite, normalisePhone } from "./rules.ts";
import { showStatus } from "./status.ts";

export const APPLY_DIALOG = "joining.apply";
const YES = /^(是|是的|好|好的|对|确认|确定|提交|提交申请|嗯|yes|y|ok|okay|submit|sure)[。.!！]*$/i;
const NO = /^(不|不用|不要|否|算了|取消|先不|no|n|cancel|not now)了?[。.!！]*$/i;

/** `/join`, "我要入团": a member is told so; someone with an application sees it; anyone else starts one. */
export async function join(ctx: Context) {
  // "入团流程是什么" asks how, not to apply: the steps, with the way to apply a tap away.
  if (ctx.from === "text" && asksHowToJoin(ctx, ctx.incoming.text ?? "")) return showGuide(ctx);
  if (ctx.member) return ctx.say("joining-already-member", { name: ctx.member.name });
  if (ctx.incoming.chatType !== "private") return ctx.say("joining-private-only");
  const mine = await applicationOf(ctx.deps.db, ctx.identity.id);
  if (mine?.appliedAt) return showStatus(ctx);
  await ctx.dialog.start(APPLY_DIALOG, "invite");
  ctx.say("joining-ask-invite");
}

async function onInvite(ctx: Context, text: string) {
  // "入团申请书怎么写" while the code is asked for: answered, and the code still awaited.
  if (asksHowToJoin(ctx, text)) {
    await showGuide(ctx);
    return ctx.say("joining-invite-malformed");
  }
  // "没有邀请码", "where do I get the code": where it comes from, not the format again ("no code" is not a code).
  if (isPhraseAmong(text, ctx.t("joining-no-code-words"))) return ctx.say("joining-no-code");
  const invite = normaliseInvite(text);
  if (invite) {
    const branch = await branchByInvite(ctx.deps.db, invite);
    if (!branch) return ctx.say("joining-invite-unknown");
    await ctx.dialog.update("name", { orgId: branch.id, org: branch.name });
    return ctx.say("joining-ask-name", { org: branch.name });
  }
  // "张三 13800138000": a leader's entry.
  const match = text.normalize("NFKC").match(/^(.+?)[\s,，、]*((?:\+?86)?[\d\s-]{11,16})$/);
  const name = match ? normaliseName(match[1]!) : null;
  const phone = match ? normalisePhone(match[2]!) : null;
  if (!name || !phone) return ctx.say("joining-invite-malformed");
  const entry = await findPreRegistered(ctx.deps, name, phone);
  if (!entry || !(await bindPreRegistered(ctx.deps.db, ctx.identity.id, entry.id))) {
    return ctx.say("joining-entry-unknown");
  }
  await ctx.dialog.update("id", {
    orgId: entry.orgId,
    org: entry.org.name,
    name,
    phoneHash: phoneHashOf(ctx.deps, phone),
    phoneLast4: phone.slice(-4),
  });
  ctx.say("joining-entry-found", { org: entry.org.name, name });
  ctx.say("joining-ask-id");
}

/** Words that are some other request ("我的团籍") where a phone number or an ID number was asked for. */
const elsewhere = (ctx: Context) => otherRequest(ctx, "join.apply", "join.status");
/** Digits typed where a number was asked for are an answer, mistyped or not, whatever the model makes of them. */
const typedDigits = (text: string) => /^[\d\sXx+-]{6,}$/.test(text.normalize("NFKC").trim());

const onApplyText: DialogHandler = async (ctx) => {
  const dialog = ctx.dialog.current!;
  const text = ctx.incoming.text?.trim() ?? "";
  switch (dialog.step) {
    case "invite":
      return onInvite(ctx, text);
    case "name": {
      const name = normaliseName(text);
      if (!name) return ctx.say("joining-name-malformed");
      await ctx.dialog.update("phone", { ...dialog.data, name });
      return ctx.say("joining-ask-phone");
    }
    case "phone": {
      const phone = normalisePhone(text);
      if (!phone && !typedDigits(text) && elsewhere(ctx)) return "aside";
      if (!phone) return ctx.say("joining-phone-malformed");
      await ctx.dialog.update("id", {
        ...dialog.data,
        phoneHash: phoneHashOf(ctx.deps, phone),
        phoneLast4: phone.slice(-4),
      });
      return ctx.say("joining-ask-id");
    }
    case "id": {
      const id = readApplicantId(ctx.deps, text);
      const answered = id.ok || id.problem === "too-young" || id.problem === "too-old" || typedDigits(text);
      if (!answered && elsewhere(ctx)) return "aside";
      if (!id.ok) {
        if (id.problem === "too-young" || id.problem === "too-old") {
          await ctx.dialog.end();
          return ctx.say("joining-age-refused", { problem: id.problem });
        }
        return ctx.say("joining-id-malformed", { problem: id.problem });
      }
      await ctx.dialog.update("confirm", { ...dialog.data, idHash: id.idHash, idLast4: id.idLast4, birth: id.birth });
      return ctx.say(
        "joining-confirm",
        {
          name: String(dialog.data.name),
          org: String(dialog.data.org),
          phone: String(dialog.data.phoneLast4),
          id: id.idLast4,
          birth: id.birth,
        },
        [
          [
            ctx.button("joining-button-submit", "join-submit:yes"),
            ctx.button("joining-button-cancel", "join-submit:no"),
          ],
        ],
      );
    }
    case "confirm":
      if (YES.test(text)) return submit(ctx, "yes");
      if (NO.test(text)) return submit(ctx, "no");
      // Anything else is answered (or not understood) while the application waits for 提交 or 取消.
      return "aside";
  }
  return "pass";
};

async function submit(ctx: Context, choice: "yes" | "no") {
  const dialog = ctx.dialog.current;
  // A second tap, or a tap after the dialog ended: nothing is sent twice.
  if (dialog?.name !== APPLY_DIALOG || dialog.step !== "confirm") {
    if ((await applicationOf(ctx.deps.db, ctx.identity.id))?.appliedAt) return showStatus(ctx);
    return ctx.say("joining-expired");
  }
  await ctx.dialog.end();
  if (choice === "no") return ctx.say("joining-cancelled");
  const d = dialog.data;
  const result = await submitApplication(ctx.deps, ctx.identity.id, {
    orgId: Number(d.orgId),
    name: String(d.name),
    phoneHash: String(d.phoneHash),
    phoneLast4: String(d.phoneLast4),
    idHash: String(d.idHash),
    idLast4: String(d.idLast4),
    birth: String(d.birth),
  });
  if (!result.ok) {
    if (result.problem === "already") return showStatus(ctx);
    return ctx.say("joining-age-refused", { problem: result.problem });
  }
  ctx.say("joining-submitted", { org: result.org, told: result.told.join("、") || "none" }, [
    [ctx.button("joining-button-status", "go:join.status")],
  ]);
}

export const applyButtons = {
  "join-submit": buttonAction("join.apply", wordArg(["yes", "no"]), submit, { needsMember: false }),
};
export const applyDialogs = { [APPLY_DIALOG]: onApplyText };
