// Role assignments: who holds which role where. A role reaches its organisation's whole subtree, so granting one
// needs both the member and the organisation inside the token's subtree.
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { type Prisma, Role } from "../../../infra/db.ts";
import { HttpError } from "../auth.ts";
import { type AdminDeps, inSubtree, orgInScope } from "../context.ts";
import { idParam, idSchema } from "../schemas.ts";
import { memberInScope } from "./members.ts";

const roleSelect = {
  id: true,
  role: true,
  orgId: true,
  memberId: true,
  createdAt: true,
  org: { select: { code: true, name: true } },
  member: { select: { code: true, name: true } },
} satisfies Prisma.RoleAssignmentSelect;

export const roleRoutes: FastifyPluginAsyncZod<AdminDeps> = async (app, deps) => {
  const { db, audit } = deps;

  app.get(
    "/orgs/:id/roles",
    {
      schema: {
        summary: "Roles held in an organisation (with subtree=true, anywhere in its subtree)",
        tags: ["roles"],
        params: idParam,
        querystring: z.object({ subtree: z.stringbool().default(false) }),
      },
    },
    async (request) => {
      const org = await orgInScope(db, request.principal!, request.params.id);
      const items = await db.roleAssignment.findMany({
        where: request.query.subtree ? { org: { ancestorIds: { has: org.id } } } : { orgId: org.id },
        select: roleSelect,
        orderBy: { id: "asc" },
      });
      return { items };
    },
  );

  app.post(
    "/roles",
    {
      config: { access: "write" },
      schema: {
        summary: "Grant a role",
        tags: ["roles"],
        body: z.object({
          memberId: idSchema,
          orgId: idSchema,
          role: z.enum(Role),
        }),
      },
    },
    async (request, reply) => {
      const principal = request.principal!;
      const { memberId, orgId, role } = request.body;
      await memberInScope(db, principal, memberId);
      await orgInScope(db, principal, orgId);
      const existing = await db.roleAssignment.findUnique({
        where: { memberId_orgId_role: { memberId, orgId, role } },
      });
      if (existing) throw new HttpError(409, `member ${memberId} already holds ${role} in organisation ${orgId}`);
      const created = await db.$transaction(async (tx) => {
        const row = await tx.roleAssignment.create({ data: { memberId, orgId, role }, select: roleSelect });
        await audit.record(
          {
            actorLabel: principal.actorLabel,
            action: "role.grant",
            orgId,
            targetType: "RoleAssignment",
            targetId: row.id,
            data: { memberId, role },
          },
          tx,
        );
        return row;
      });
      return reply.code(201).send(created);
    },
  );

  app.delete(
    "/roles/:id",
    {
      config: { access: "write" },
      schema: { summary: "Revoke a role", tags: ["roles"], params: idParam },
    },
    async (request, reply) => {
      const principal = request.principal!;
      const row = await db.roleAssignment.findFirst({ where: { id: request.params.id, org: inSubtree(principal) } });
      if (!row) throw new HttpError(404, `role assignment ${request.params.id} not found`);
      await db.$transaction(async (tx) => {
        await tx.roleAssignment.delete({ where: { id: row.id } });
        await audit.record(
          {
            actorLabel: principal.actorLabel,
            action: "role.revoke",
            orgId: row.orgId,
            targetType: "RoleAssignment",
            targetId: row.id,
            data: { memberId: row.memberId, role: row.role },
          },
          tx,
        );
      });
      return reply.code(204).send();
    },
  );
};
