// Transfers (组织关系转接), read-only here: the chat flow and the service-level timers change them.
// A transfer is visible to a token whose subtree holds its sending, receiving or assigned organisation.
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { type Prisma, TransferStatus } from "../../../infra/db.ts";
import { HttpError } from "../auth.ts";
import { type AdminDeps, listRoot, pageArgs, paged } from "../context.ts";
import { idParam, orgQuery, pageQuery } from "../schemas.ts";

const touching = (orgId: number): Prisma.TransferRequestWhereInput => ({
  OR: [
    { fromOrg: { ancestorIds: { has: orgId } } },
    { toOrg: { ancestorIds: { has: orgId } } },
    { assignedOrg: { ancestorIds: { has: orgId } } },
  ],
});

const orgBrief = { select: { id: true, code: true, name: true } } as const;
const transferSelect = {
  id: true,
  reason: true,
  reasonNote: true,
  status: true,
  createdAt: true,
  closedAt: true,
  previousId: true,
  member: { select: { id: true, code: true, name: true } },
  fromOrg: orgBrief,
  toOrg: orgBrief,
  assignedOrg: orgBrief,
  initiatedById: true,
} satisfies Prisma.TransferRequestSelect;

export const transferRoutes: FastifyPluginAsyncZod<AdminDeps> = async (app, deps) => {
  const { db } = deps;

  app.get(
    "/transfers",
    {
      schema: {
        summary: "Transfers from, to or assigned within an organisation's subtree",
        tags: ["transfers"],
        querystring: z.object({ ...orgQuery, ...pageQuery, status: z.enum(TransferStatus).optional() }),
      },
    },
    async (request) => {
      const root = await listRoot(db, request.principal!, request.query.orgId);
      const where: Prisma.TransferRequestWhereInput = {
        ...touching(root.id),
        ...(request.query.status ? { status: request.query.status } : {}),
      };
      const [items, total] = await Promise.all([
        db.transferRequest.findMany({
          where,
          select: transferSelect,
          orderBy: { id: "desc" },
          ...pageArgs(request.query),
        }),
        db.transferRequest.count({ where }),
      ]);
      return paged(items, total, request.query);
    },
  );

  app.get(
    "/transfers/:id",
    { schema: { summary: "One transfer with its steps and event log", tags: ["transfers"], params: idParam } },
    async (request) => {
      const principal = request.principal!;
      // Outside the subtree is answered as none at all.
      const transfer = await db.transferRequest.findFirst({
        where: { id: request.params.id, ...touching(principal.orgId) },
        select: {
          ...transferSelect,
          steps: { orderBy: { seq: "asc" }, include: { org: orgBrief } },
          events: { orderBy: { id: "asc" } },
        },
      });
      if (!transfer) throw new HttpError(404, `transfer ${request.params.id} not found`);
      return { ...transfer, events: transfer.events.map((e) => ({ ...e, id: e.id.toString() })) };
    },
  );
};
