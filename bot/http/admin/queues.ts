// The BullMQ dashboard at /admin/queues, behind the admin tokens. Queues span every organisation, so only a token
// of a root organisation may open it; a read token may look, a write token may also retry, clean or remove jobs.
//
// Browsers cannot send a bearer header, so /admin/queues/login takes the token in a POSTed form and sets it as an
// HttpOnly, SameSite=Strict cookie limited to /admin/queues. We never take the token in the URL: URLs end up in
// access logs, browser history and Referer headers. Scripts may still send `Authorization: Bearer …`.
import { createBullBoard } from "@bull-board/api";
import { BullMQAdapter } from "@bull-board/api/bullMQAdapter";
import { FastifyAdapter } from "@bull-board/fastify";
import type { FastifyInstance, FastifyPluginAsync, FastifyReply, FastifyRequest } from "fastify";
import { queueNames } from "../../core/queues.ts";
import { appendOnRequest, authenticate, COOKIE_NAME, forbidden, HttpError, requireToken } from "./auth.ts";
import type { AdminDeps } from "./context.ts";

export const QUEUES_PREFIX = "/admin/queues";
const LOGIN_PATH = `${QUEUES_PREFIX}/login`;
const COOKIE_MAX_AGE_S = 8 * 3600;

const loginPage = (problem?: string) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Tuanzhu queues</title><meta name="robots" content="noindex"></head>
<body style="font-family:sans-serif;max-width:32rem;margin:4rem auto">
<h1>Tuanzhu queues</h1>
${problem ? `<p role="alert" style="color:#b00">${problem}</p>` : ""}
<form method="post" action="${LOGIN_PATH}">
<label>Admin API token of a root organisation<br><input name="token" type="password" autocomplete="off" size="56" required></label>
<p><button type="submit">Open the dashboard</button></p>
</form>
<p>Create one with <code>npm run token -- create --org &lt;code&gt; --access read --name "…"</code>.</p>
</body></html>`;

function cookie(request: FastifyRequest, value: string, maxAge: number) {
  const secure = request.protocol === "https" ? "; Secure" : "";
  return `${COOKIE_NAME}=${encodeURIComponent(value)}; Path=${QUEUES_PREFIX}; Max-Age=${maxAge}; HttpOnly; SameSite=Strict${secure}`;
}

export async function registerQueueDashboard(app: FastifyInstance, deps: AdminDeps) {
  const auth = { db: deps.db, secret: deps.config.ID_HASH_SECRET, now: deps.now };

  // The login form, outside the token check.
  const loginRoutes: FastifyPluginAsync = async (login) => {
    login.addContentTypeParser(
      "application/x-www-form-urlencoded",
      { parseAs: "string", bodyLimit: 4096 },
      (_r, body, done) => done(null, Object.fromEntries(new URLSearchParams(body as string))),
    );
    login.get(LOGIN_PATH, { schema: { hide: true } }, async (_request, reply) =>
      reply.type("text/html").send(loginPage()),
    );
    login.post(LOGIN_PATH, { schema: { hide: true } }, async (request, reply) => {
      const token = (request.body as { token?: unknown } | null)?.token;
      const principal = await authenticate(auth, typeof token === "string" ? token.trim() : undefined);
      if (!principal?.isRoot) {
        const problem = principal ? "That token does not belong to a root organisation." : "Unknown or revoked token.";
        return reply
          .code(principal ? 403 : 401)
          .type("text/html")
          .send(loginPage(problem));
      }
      return reply
        .header("set-cookie", cookie(request, (token as string).trim(), COOKIE_MAX_AGE_S))
        .redirect(QUEUES_PREFIX, 303);
    });
    login.post(`${QUEUES_PREFIX}/logout`, { schema: { hide: true } }, async (request, reply) =>
      reply.header("set-cookie", cookie(request, "", 0)).redirect(LOGIN_PATH, 303),
    );
  };
  await app.register(loginRoutes);

  const serverAdapter = new FastifyAdapter();
  serverAdapter.setBasePath(QUEUES_PREFIX);
  createBullBoard({
    queues: queueNames.map((name) => new BullMQAdapter(deps.queues[name])),
    // @bull-board/fastify 9.10.1 types against @bull-board/api 9.10.1; the interface did not change in 9.10.2.
    serverAdapter: serverAdapter as unknown as Parameters<typeof createBullBoard>[0]["serverAdapter"],
    options: { uiConfig: { boardTitle: "Tuanzhu queues" } },
  });
  // bull-board's own handler answers 5xx with the error's message (and its stack in development): keep them generic.
  serverAdapter.setErrorHandler((error: Error & { statusCode?: number }) => {
    const status = error.statusCode ?? 500;
    if (status < 500) return { status: status as 400, body: { error: error.message } };
    deps.logger.error({ err: error }, "queue dashboard request failed");
    return { status: 500, body: { error: "Internal Server Error" } };
  });

  const board: FastifyPluginAsync = async (scope) => {
    const checkToken = requireToken(auth, { cookie: true });
    const check = async (request: FastifyRequest, reply: FastifyReply) => {
      try {
        await checkToken(request, reply);
      } catch (error) {
        // A person in a browser goes to the login form; a script gets the 401.
        const html = /text\/html/.test(request.headers.accept ?? "") && request.method === "GET";
        if (html && error instanceof HttpError && error.statusCode === 401) return reply.redirect(LOGIN_PATH, 303);
        throw error;
      }
      const principal = request.principal!;
      if (!principal.isRoot) throw forbidden("the queue dashboard needs a token of a root organisation");
      if (!["GET", "HEAD"].includes(request.method) && principal.access !== "WRITE") {
        throw forbidden("this token is read-only");
      }
    };
    scope.addHook("onRoute", (route) => appendOnRequest(route, check));
    await scope.register(serverAdapter.registerPlugin());
  };
  await app.register(board, { prefix: QUEUES_PREFIX });
}
