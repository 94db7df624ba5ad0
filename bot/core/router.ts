// The core: one Incoming in, the Replies to send back out. Every channel calls this and nothing else.
//
// Order, under one error boundary (PostgreSQL or Redis out of reach anywhere → "busy, try again" with the
// `unavailable` intent, see unavailable.ts; any other failure → "something went wrong"; never no answer):
//   1. input checks (empty, binary, too long)      → polite refusal, nothing stored
//   2. per-chat flood control                       → "slow down" once a minute
//   3. identity: find or create the chat identity, load the bound member
//   4. typed digit/label/synonym of an offered choice → treated as that button (choices.ts); on Telegram a digit
//      is a number instead where the dialog's step asks for one (`numberSteps`)
//   5. button payload                               → its action, or "expired button" when unknown/forged
//      (the argument is parsed with the action's schema here, before any handler or query sees it)
//   6. /command                                     → its action (global commands close an open dialog)
//   7. open dialog                                  → the dialog's handler (unless the text means "cancel"); it may
//      hand the text back ("pass": the dialog closes) or have it answered aside (the dialog waits on)
//   8. free text                                    → intent model → action, when it is confident enough
//   9. unsure                                       → "did you mean…?" with the likeliest intents as buttons
//  10. an image with no dialog open                 → the first feature's `onImage` that takes it
//  11. nothing matched                              → short menu of what the bot can do

import { createChatRateLimit } from "./chat-rate-limit.ts";
import { createChoiceMemory } from "./choices.ts";
import { createDialogStore, type DialogState } from "./dialog-store.ts";
import type { Action, Context, CoreDeps, DialogHandler, Feature } from "./feature.ts";
import type { Args } from "./i18n.ts";
import { isLocale, type Locale, matchLocale } from "./i18n.ts";
import { loadIdentity, platformEnum } from "./identity.ts";
import { checkText, parseCommand, parsePayload } from "./input.ts";
import { isCancelPhrase } from "./nlu/cancel.ts";
import { createDidYouMean, DID_YOU_MEAN_ACTION, isSure } from "./nlu/did-you-mean.ts";
import { type Button, type ConversationRef, type Incoming, NUMBERED_CHOICES, type Reply } from "./types.ts";
import { isUnavailableError, unavailableReply } from "./unavailable.ts";

export interface Classification {
  intent: string;
  /** 0–1: how sure the model is of `intent`. */
  confidence: number;
  /** Every intent the model considered, likeliest first. */
  ranked: { intent: string; confidence: number }[];
}

export interface IntentClassifier {
  classify(text: string): Promise<Classification>;
}

export interface Core {
  handle(incoming: Incoming): Promise<Reply[]>;
}

/** Intents whose words close any open dialog instead of feeding it. */
const ESCAPE_INTENTS = new Set(["cancel"]);
/** "好的", "你好": inside a dialog these are not a new request; the dialog answers them (with its reminder). */
const SMALL_TALK = new Set(["smalltalk.thanks", "start"]);

export function createCore(deps: CoreDeps, features: Feature[], classifier: IntentClassifier): Core {
  const prefix = deps.config.REDIS_PREFIX;
  const dialogs = createDialogStore(deps.redis, prefix);
  const choices = createChoiceMemory(deps.redis, prefix);
  const didYouMean = createDidYouMean(deps);
  const rateCheck = createChatRateLimit(deps.redis, prefix, deps.config.CHAT_RATE_PER_MINUTE);

  const commands = new Map<string, Action<unknown>>();
  const buttons = new Map<string, Action<unknown>>();
  const intents = new Map<string, Action<unknown>>();
  const dialogHandlers = new Map<string, DialogHandler>();
  const numberSteps = new Set<string>();
  const imageHandlers = features.flatMap((f) => (f.onImage ? [f.onImage] : []));
  for (const f of features) {
    for (const [k, v] of Object.entries(f.commands ?? {})) register(commands, k, v, f.name);
    for (const [k, v] of Object.entries(f.buttons ?? {})) {
      // Types require it; this catches a feature assembled loosely (a spread that lost the schema).
      if (!v.arg) throw new Error(`${f.name}: button "${k}" declares no argument schema`);
      register(buttons, k, v, f.name);
    }
    for (const [k, v] of Object.entries(f.intents ?? {})) register(intents, k, v, f.name);
    for (const [k, v] of Object.entries(f.dialogs ?? {})) register(dialogHandlers, k, v, f.name);
    for (const [k, steps] of Object.entries(f.numberSteps ?? {})) for (const s of steps) numberSteps.add(`${k}:${s}`);
  }
  const fallbackAction = intents.get("unknown");
  if (!fallbackAction) throw new Error("a feature must answer the `unknown` intent");
  const fallback: Action<unknown> = fallbackAction;
  const needBind = intents.get("bind.required");

  async function handle(incoming: Incoming): Promise<Reply[]> {
    const hinted = matchLocale(incoming.languageCode) ?? deps.config.DEFAULT_LOCALE;
    try {
      return await answer(incoming, hinted);
    } catch (error) {
      // The person's stored language needs the database that may be what failed: their platform's hint it is.
      if (isUnavailableError(error)) {
        deps.logger.warn({ err: error, platform: incoming.ref.platform }, "storage unavailable; answered busy");
        return [unavailableReply(deps.i18n, hinted)];
      }
      deps.logger.error({ err: error, platform: incoming.ref.platform }, "handler failed");
      return [{ text: deps.i18n.t(hinted, "core-error-generic"), intent: "error" }];
    }
  }

  async function answer(incoming: Incoming, hinted: Locale): Promise<Reply[]> {
    const replies: Reply[] = [];
    const ref = incoming.ref;
    // Refusals before the identity is loaded: in the person's chosen language if we know them, storing nothing.
    const early = async (key: string, intent: string): Promise<Reply[]> => {
      const known = await deps.db.chatIdentity.findUnique({
        where: { platform_externalUserId: { platform: platformEnum[ref.platform], externalUserId: ref.userId } },
        select: { locale: true },
      });
      const locale = isLocale(known?.locale) ? known.locale : hinted;
      return [{ text: deps.i18n.t(locale, key), intent }];
    };

    let text: string | undefined;
    if (incoming.text !== undefined && incoming.button === undefined) {
      const checked = checkText(incoming.text);
      if ("problem" in checked) return early(`core-input-${checked.problem}`, "invalid");
      text = checked.text;
    } else if (incoming.button === undefined && !incoming.image) {
      return early("core-input-empty", "invalid");
    }

    // The dialog is read beside the flood check, not after the identity: the chat's Redis client sends both in one
    // round trip, and the read waits while PostgreSQL finds the person. A refused message just drops the read.
    const dialogRead = dialogs.get(ref);
    dialogRead.catch(() => undefined);
    const verdict = await rateCheck(ref);
    if (verdict === "drop") return [];
    if (verdict === "warn") return early("core-input-slow-down", "rate-limited");

    const { identity, member } = await loadIdentity(deps, incoming);
    const locale = isLocale(identity.locale) ? identity.locale : hinted;
    const t = deps.i18n.translator(locale);
    let current = await dialogRead;
    const opened = current;

    const ctx: Context = {
      incoming,
      deps,
      identity,
      member,
      locale,
      t,
      intent: "unknown",
      textIntent: "unknown",
      textConfidence: 0,
      arg: "",
      from: "text",
      replies,
      reply(text, buttons) {
        replies.push({ text, intent: ctx.intent, ...(buttons?.length ? { buttons } : {}) });
      },
      replyFile(name, mime, bytes, caption) {
        replies.push({ text: caption ?? "", file: { name, mime, bytes }, intent: ctx.intent });
      },
      say(key: string, args?: Args, buttons?: Button[][]) {
        ctx.reply(ctx.t(key, args), buttons);
      },
      button(labelKey, payload, args) {
        return { label: ctx.t(labelKey, args), payload };
      },
      dialog: {
        get current() {
          return current;
        },
        async start(name, step, data = {}) {
          current = { name, step, data };
          await dialogs.set(ref, current);
        },
        async update(step, data) {
          if (!current) return;
          current = { ...current, step, data: { ...current.data, ...data } };
          await dialogs.set(ref, current);
        },
        async end() {
          current = null;
          await dialogs.clear(ref);
        },
      },
    };

    const run = async (action: Action<unknown>, arg = "", from: "button" | "command" | "text" = "text") => {
      let value: unknown = arg;
      if (action.arg) {
        const parsed = action.arg.safeParse(arg);
        // Forged or mangled: answered like any unknown payload, nothing logged as an error, nothing queried.
        if (!parsed.success) {
          if (from !== "command") return ctx.say("core-input-stale-button");
          ctx.intent = action.intent;
          return ctx.say("core-input-bad-argument", { arg: arg.slice(0, 40) });
        }
        value = parsed.data;
      }
      ctx.intent = action.intent;
      ctx.arg = arg;
      ctx.from = from;
      // Whatever needs the person's identity shows personal data or acts for them: never in front of a group.
      if (action.needsMember && incoming.chatType === "group") return ctx.say("core-private-only");
      if (action.needsMember && !ctx.member && needBind) return needBind.handler(ctx, "");
      return action.handler(ctx, value);
    };

    // How sure this turn's answer is (the console's --jsonl prints it): buttons, commands, offered choices and
    // dialogs are certain; free text carries the model's confidence.
    let confidence = 1;
    try {
      let payload = incoming.button;
      if (payload === undefined && text !== undefined && !text.startsWith("/")) {
        const numberAsked = current ? numberSteps.has(`${current.name}:${current.step}`) : false;
        payload = await choices.pick(ref, text, { byNumber: !numberAsked || NUMBERED_CHOICES.has(ref.platform) });
      }

      if (payload !== undefined) {
        const parsed = parsePayload(payload);
        // "go:<intent>" buttons (menus) run that intent's action, as its words would; a "did you mean" answer is
        // recorded first, then runs the intent chosen.
        if (parsed?.action === "go" || parsed?.action === DID_YOU_MEAN_ACTION) {
          const intent = parsed.action === "go" ? parsed.arg : await didYouMean.chosen(parsed.arg);
          const action = intent ? intents.get(intent) : undefined;
          if (action) await run(action, "", "button");
          else ctx.say("core-input-stale-button");
        } else {
          const action = parsed && buttons.get(parsed.action);
          if (parsed && action) await run(action, parsed.arg, "button");
          else ctx.say("core-input-stale-button");
        }
      } else if (text?.startsWith("/")) {
        const command = parseCommand(text);
        const action = command && commands.get(command.name);
        if (command && action) {
          // A new command leaves the open dialog; /cancel closes it itself, to say so.
          if (current && action.intent !== "cancel") await ctx.dialog.end();
          await run(action, command.arg, "command");
        } else {
          await run(fallback);
        }
      } else if (text !== undefined) {
        const classification = await classifier.classify(text);
        // Dialogs hand text back when it clearly means something else ("我的团籍" where a name was asked): only a
        // confident answer counts, so a title, a note or a place is never taken for a request the model half-fits.
        // "Cancel" is only ever a whole cancel phrase (cancel.ts).
        const sure = isSure(classification) && classification.intent !== "cancel" ? classification.intent : "unknown";
        const intent = isCancelPhrase(text) ? "cancel" : current && SMALL_TALK.has(sure) ? "unknown" : sure;
        ctx.textIntent = intent;
        ctx.textConfidence = classification.confidence;
        const dialogHandler = current && dialogHandlers.get(current.name);
        let handled = false;
        let kept: typeof current = null;
        if (dialogHandler && !ESCAPE_INTENTS.has(intent)) {
          ctx.intent = current!.name;
          const outcome = await dialogHandler(ctx);
          handled = outcome !== "pass" && outcome !== "aside";
          if (outcome === "pass") await ctx.dialog.end();
          if (outcome === "aside") kept = current;
        }
        if (!handled) {
          confidence = classification.confidence;
          const candidates = didYouMean.candidates(classification, (i) => intents.has(i));
          if (candidates) {
            ctx.intent = "nlu.did-you-mean";
            await didYouMean.ask(ctx, text, candidates);
          } else {
            await run(intents.get(intent) ?? fallback);
          }
          // Answered aside, and the answer left the dialog alone: it is still waiting, so say so, with the buttons
          // its question offered (they stay the ones a typed "不用了" or "2" answers).
          if (kept && current === kept) {
            ctx.intent = kept.name;
            ctx.say("core-dialog-kept", {}, (await choices.offered(ref))?.rows);
          }
        }
      } else if (current && dialogHandlers.has(current.name)) {
        // An image while a dialog waits for one (a payment proof).
        ctx.intent = current.name;
        await dialogHandlers.get(current.name)!(ctx);
      } else {
        let taken = false;
        for (const onImage of incoming.image ? imageHandlers : []) {
          if ((await onImage(ctx)) !== "pass") {
            taken = true;
            break;
          }
        }
        if (!taken) await run(fallback);
      }
    } catch (error) {
      // Storage gone mid-action: the boundary answers busy (and Telegram's webhook may have it delivered again).
      if (isUnavailableError(error)) throw error;
      deps.logger.error({ err: error, platform: ref.platform, intent: ctx.intent }, "handler failed");
      replies.length = 0;
      ctx.say("core-error-generic");
    }

    for (const r of replies) r.confidence ??= Math.round(confidence * 100) / 100;
    // The action is done: losing the offered choices (typing "2" will not work) is better than saying "busy"
    // about something that happened.
    await keepChoices(ref, replies, opened, current).catch((err: unknown) =>
      deps.logger.warn({ err }, "offered choices not remembered"),
    );
    return replies;
  }

  /**
   * Offered choices stay valid until newer ones replace them (a "收到" typed after another answer still counts),
   * except around a dialog: while it waits for typed input its "3" is an answer, not choice 3 of an older message,
   * and once it is closed its question's buttons are not pressed by typing. A reply at the step whose question
   * offered buttons ("请输入 0 至 1000 元") shows them again: they still answer it.
   */
  async function keepChoices(
    ref: ConversationRef,
    replies: Reply[],
    opened: DialogState | null,
    now: DialogState | null,
  ) {
    const step = now ? `${now.name}:${now.step}` : undefined;
    const offering = [...replies].reverse().find((r) => r.buttons?.length);
    // Buttons of a request answered aside ("导出志愿时长表") are choices, but not the waiting step's own.
    if (offering) return choices.remember(ref, offering.buttons!, offering.intent === now?.name ? step : undefined);
    if (!now) return opened ? choices.forget(ref) : undefined;
    const last = replies.at(-1);
    const earlier = await choices.offered(ref);
    if (earlier && earlier.step === step && last && !last.file) last.buttons = earlier.rows;
    else await choices.forget(ref);
  }

  return { handle };
}

function register<T>(map: Map<string, T>, key: string, value: T, feature: string) {
  if (map.has(key)) throw new Error(`${feature}: "${key}" is registered twice`);
  map.set(key, value);
}
