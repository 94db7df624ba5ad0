// GET /verify/<token>: what scanning a 电子团员证's QR code opens. It answers only "valid member of <organisation>"
// or "not valid" — the same "not valid" for a garbage, rotated-out or expired token and for a member who left — as
// a small page in the reader's language, or JSON when the caller asks for it. Public, so in the coarse rate limit.
import type { FastifyPluginAsync, FastifyRequest } from "fastify";
import type { CoreDeps } from "../core/feature.ts";
import { type Locale, matchLocale } from "../core/i18n.ts";
import { verifyCard } from "../features/card/card-service.ts";
import type { Verdict } from "../features/card/rules.ts";
import { xmlText } from "../infra/cjk-png.ts";

export type VerifyDeps = Pick<CoreDeps, "db" | "config" | "now" | "i18n">;

/** The first language of Accept-Language we speak, else the bot's default. */
function localeOf(request: FastifyRequest, fallback: Locale): Locale {
  const header = request.headers["accept-language"] ?? "";
  for (const part of header.split(",")) {
    const found = matchLocale(part.split(";")[0]!.trim());
    if (found) return found;
  }
  return fallback;
}

/** JSON only when the caller names it before (or instead of) HTML; a browser's Accept gets the page. */
function wantsJson(request: FastifyRequest): boolean {
  const accept = request.headers.accept ?? "";
  const json = accept.indexOf("application/json");
  const html = accept.indexOf("text/html");
  return json >= 0 && (html < 0 || json < html);
}

function page(deps: VerifyDeps, locale: Locale, verdict: Verdict): string {
  const t = (key: string, args?: Record<string, string>) => xmlText(deps.i18n.t(locale, key, args));
  const [colour, line] = verdict.valid
    ? ["#1a7f37", t("card-verify-valid", { organisation: verdict.organisation })]
    : ["#b42318", t("card-verify-invalid")];
  return [
    "<!doctype html>",
    `<html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">`,
    `<title>${t("card-verify-title")}</title></head>`,
    `<body style="font-family:sans-serif;margin:2em"><h1>${t("card-verify-title")}</h1>`,
    `<p style="font-size:1.4em;color:${colour}">${line}</p></body></html>`,
  ].join("");
}

export const verifyRoutes: FastifyPluginAsync<VerifyDeps> = async (app, deps) => {
  app.get<{ Params: { token: string } }>("/verify/:token", async (request, reply) => {
    const verdict = await verifyCard(deps, request.params.token);
    // A card is shown at a door: a cached "valid" must not outlive the card's rotation.
    void reply.header("cache-control", "no-store").header("vary", "Accept, Accept-Language");
    if (wantsJson(request)) {
      return reply.send(verdict.valid ? { valid: true, organisation: verdict.organisation } : { valid: false });
    }
    return reply.type("text/html; charset=utf-8").send(page(deps, localeOf(request, deps.i18n.defaultLocale), verdict));
  });
};
