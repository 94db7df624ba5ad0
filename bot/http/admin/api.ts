// /admin/api/v1: every route needs a token (onRequest, before the body is read); schemas are zod, checked by the
// type provider and turned into the OpenAPI document; errors go through the admin error boundary.
import type { FastifyPluginAsync } from "fastify";
import { serializerCompiler, validatorCompiler } from "fastify-type-provider-zod";
import { appendOnRequest, requireToken } from "./auth.ts";
import type { AdminDeps } from "./context.ts";
import { adminErrorHandler } from "./errors.ts";
import { activityRoutes } from "./routes/activities.ts";
import { duesRoutes } from "./routes/dues.ts";
import { importRoutes } from "./routes/import.ts";
import { joiningRoutes } from "./routes/joining.ts";
import { memberRoutes } from "./routes/members.ts";
import { noticeRoutes } from "./routes/notices.ts";
import { orgRoutes } from "./routes/orgs.ts";
import { reportRoutes } from "./routes/reports.ts";
import { roleRoutes } from "./routes/roles.ts";
import { transferRoutes } from "./routes/transfers.ts";

export const ADMIN_API_PREFIX = "/admin/api/v1";
/** Admin requests are small JSON documents; anything bigger is refused (413) before it is parsed. */
export const ADMIN_BODY_LIMIT = 64 * 1024;

export const adminApi: FastifyPluginAsync<{ deps: AdminDeps }> = async (app, { deps }) => {
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(adminErrorHandler);
  const checkToken = requireToken({ db: deps.db, secret: deps.config.ID_HASH_SECRET, now: deps.now });
  app.addHook("onRoute", (route) => {
    route.bodyLimit ??= ADMIN_BODY_LIMIT;
    appendOnRequest(route, checkToken);
  });

  for (const routes of [
    orgRoutes,
    memberRoutes,
    roleRoutes,
    transferRoutes,
    duesRoutes,
    activityRoutes,
    noticeRoutes,
    reportRoutes,
    importRoutes,
    joiningRoutes,
  ]) {
    await app.register(routes, deps);
  }
};
