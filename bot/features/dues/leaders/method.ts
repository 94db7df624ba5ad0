// /duesmethod: how members of an organisation pay dues ("微信转账给团支书王芳"), shown on every payment request
// below it that has no method of its own. `/duesmethod` shows it; `/duesmethod <text>` sets it for the leader's
// one organisation; `/duesmethod <code or name> <text>` for an organisation in scope; "清除"/"clear" removes it.
import type { Context } from "../../../core/feature.ts";
import { MAX_METHOD_LENGTH, paymentMethodFor, setPaymentMethod } from "../payment-method.ts";
import { leaderScope, scopedOrg } from "./scope.ts";

const CLEAR = /^(清除|删除|clear|none)$/i;

export async function paymentMethodCommand(ctx: Context) {
  const { db } = ctx.deps;
  const me = ctx.member!;
  const scope = await leaderScope(db, me.id);
  if (scope.orgs.length === 0) {
    await ctx.deps.audit.record({ actorId: me.id, action: "dues.payment-method", data: { outcome: "not-leader" } });
    return ctx.say("duesleaders-not-leader");
  }
  const arg = ctx.arg.trim();
  if (!arg) {
    const lines = [];
    for (const org of scope.orgs) {
      const method = await paymentMethodFor(db, org.id);
      lines.push(
        ctx.t("duesleaders-method-current", {
          org: org.name,
          method: method?.text ?? "none",
          from: method && method.orgName !== org.name ? method.orgName : "self",
        }),
      );
    }
    lines.push(ctx.t("duesleaders-method-usage", { max: MAX_METHOD_LENGTH }));
    return ctx.reply(lines.join("\n"));
  }
  // "<org> <text>" names an organisation in scope; otherwise the whole text is for the leader's one organisation.
  const [first = "", ...rest] = arg.split(/\s+/);
  const named = rest.length ? await scopedOrg(db, scope.roles, first) : null;
  // An organisation that exists but lies outside the scope is refused, never read as part of the method.
  if (rest.length && !named && (await db.organisation.count({ where: { OR: [{ code: first }, { name: first }] } }))) {
    await ctx.deps.audit.record({
      actorId: me.id,
      action: "dues.payment-method",
      data: { outcome: "denied", query: first.slice(0, 40) },
    });
    return ctx.say("duesleaders-branch-not-found", { query: first.slice(0, 40) });
  }
  const org = named ?? (scope.orgs.length === 1 ? scope.orgs[0]! : null);
  if (!org) return ctx.say("duesleaders-method-which", { orgs: scope.orgs.map((o) => o.name).join("、") });
  const text = (named ? rest.join(" ") : arg).trim();
  if (text.length > MAX_METHOD_LENGTH) return ctx.say("duesleaders-method-long", { max: MAX_METHOD_LENGTH });
  const cleared = CLEAR.test(text);
  await setPaymentMethod(ctx.deps, { memberId: me.id }, org.id, cleared ? null : text);
  ctx.say(cleared ? "duesleaders-method-cleared" : "duesleaders-method-set", { org: org.name, method: text });
}
