// Operations over HTTP, in one encapsulated plugin: the admin API under /admin/api/v1, its OpenAPI document and
// docs page at /docs, and the BullMQ dashboard at /admin/queues. Tokens: `npm run token` (token-cli.ts).
import type { FastifyInstance, FastifyPluginAsync } from "fastify";
import { ADMIN_API_PREFIX, adminApi } from "./api.ts";
import type { AdminDeps } from "./context.ts";
import { registerDocs } from "./docs.ts";
import { registerQueueDashboard } from "./queues.ts";

export type { AdminDeps } from "./context.ts";

export interface AdminRoute {
  method: string;
  url: string;
}

declare module "fastify" {
  interface FastifyInstance {
    /** Every route under the admin plugin, as registered (the authorization tests walk it). */
    adminRoutes: AdminRoute[];
  }
}

export function registerAdmin(app: FastifyInstance, deps: AdminDeps) {
  const table: AdminRoute[] = [];
  app.decorate("adminRoutes", table);
  const admin: FastifyPluginAsync = async (scope) => {
    scope.addHook("onRoute", (route) => {
      for (const method of [route.method].flat()) table.push({ method, url: route.url });
    });
    await registerDocs(scope);
    await scope.register(adminApi, { deps, prefix: ADMIN_API_PREFIX });
    await registerQueueDashboard(scope, deps);
  };
  void app.register(admin);
}
