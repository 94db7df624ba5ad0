// The OpenAPI document of the admin API (from its zod schemas) and the Swagger UI at /docs, served from
// node_modules: no CDN, so it works offline and under a strict Content-Security-Policy.
import swagger from "@fastify/swagger";
import swaggerUi from "@fastify/swagger-ui";
import type { FastifyInstance } from "fastify";
import { jsonSchemaTransform } from "fastify-type-provider-zod";

export const DOCS_PREFIX = "/docs";

/** Register before the API routes: the document collects routes as they are added. */
export async function registerDocs(app: FastifyInstance) {
  await app.register(swagger, {
    openapi: {
      openapi: "3.1.0",
      info: {
        title: "Tuanzhu admin API",
        description:
          "Every route needs `Authorization: Bearer <token>`; create tokens with `npm run token -- create`. " +
          "A token reaches one organisation's subtree, for reading or for reading and writing.",
        version: "1",
      },
      components: { securitySchemes: { bearerAuth: { type: "http", scheme: "bearer" } } },
      security: [{ bearerAuth: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, {
    routePrefix: DOCS_PREFIX,
    // No call to validator.swagger.io: the page makes no request outside this server.
    uiConfig: { validatorUrl: null, deepLinking: true },
  });
}
