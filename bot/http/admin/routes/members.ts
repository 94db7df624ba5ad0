// Members: listed by organisation, one member, and the corrections an office makes (branch, status, dues category).
// The ID-card hash never leaves the database; the last four digits are enough to tell people apart.
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { type Db, DuesCategory, MemberStatus, type Prisma } from "../../../infra/db.ts";
import { HttpError, type Principal } from "../auth.ts";
import { type AdminDeps, inSubtree, orgInScope, pageArgs, paged } from "../context.ts";
import { idParam, idSchema, incomeFenSchema, pageQuery } from "../schemas.ts";

export const memberSelect = {
  id: true,
  code: true,
  name: true,
  idLast4: true,
  birthDate: true,
  joinedAt: true,
  status: true,
  duesCategory: true,
  monthlyIncomeFen: true,
  hasLeaguePost: true,
  lastOrgLifeAt: true,
  orgId: true,
  org: { select: { code: true, name: true } },
  createdAt: true,
  updatedAt: true,
} satisfies Prisma.MemberSelect;

type MemberRow = Prisma.MemberGetPayload<{ select: typeof memberSelect }>;

const day = (d: Date) => d.toISOString().slice(0, 10);
export function memberView(m: MemberRow) {
  return { ...m, birthDate: day(m.birthDate), joinedAt: day(m.joinedAt) };
}

/** Loads a member whose organisation lies in the token's subtree: 404 for one outside it, as for none. */
export async function memberInScope(db: Db, principal: Principal, id: number) {
  const member = await db.member.findFirst({ where: { id, org: inSubtree(principal) }, select: memberSelect });
  if (!member) throw new HttpError(404, `member ${id} not found`);
  return member;
}

const updateBody = z
  .object({
    orgId: idSchema,
    status: z.enum(MemberStatus),
    duesCategory: z.enum(DuesCategory),
    monthlyIncomeFen: incomeFenSchema.nullable().describe("after-tax monthly pay in fen, for SALARIED"),
    hasLeaguePost: z.boolean(),
  })
  .partial()
  .refine((b) => Object.keys(b).length > 0, "at least one field to change");

export const memberRoutes: FastifyPluginAsyncZod<AdminDeps> = async (app, deps) => {
  const { db, audit } = deps;

  app.get(
    "/orgs/:id/members",
    {
      schema: {
        summary: "Members of an organisation (with subtree=true, of its whole subtree), a page at a time",
        tags: ["members"],
        params: idParam,
        querystring: z.object({
          ...pageQuery,
          subtree: z.stringbool().default(false),
          status: z.enum(MemberStatus).optional(),
        }),
      },
    },
    async (request) => {
      const org = await orgInScope(db, request.principal!, request.params.id);
      const where: Prisma.MemberWhereInput = {
        ...(request.query.subtree ? { org: { ancestorIds: { has: org.id } } } : { orgId: org.id }),
        ...(request.query.status ? { status: request.query.status } : {}),
      };
      const [items, total] = await Promise.all([
        db.member.findMany({ where, select: memberSelect, orderBy: { id: "asc" }, ...pageArgs(request.query) }),
        db.member.count({ where }),
      ]);
      return paged(items.map(memberView), total, request.query);
    },
  );

  app.get(
    "/members/:id",
    { schema: { summary: "One member", tags: ["members"], params: idParam } },
    async (request) => {
      const member = await memberInScope(db, request.principal!, request.params.id);
      await audit.record({
        actorLabel: request.principal!.actorLabel,
        action: "member.view",
        orgId: member.orgId,
        targetType: "Member",
        targetId: member.id,
      });
      return memberView(member);
    },
  );

  app.patch(
    "/members/:id",
    {
      config: { access: "write" },
      schema: {
        summary: "Correct a member's organisation, status or dues category",
        tags: ["members"],
        params: idParam,
        body: updateBody,
      },
    },
    async (request) => {
      const principal = request.principal!;
      const before = await memberInScope(db, request.principal!, request.params.id);
      const body = request.body;
      if (body.orgId !== undefined) await orgInScope(db, principal, body.orgId);
      const category = body.duesCategory ?? before.duesCategory;
      const income = body.monthlyIncomeFen === undefined ? before.monthlyIncomeFen : body.monthlyIncomeFen;
      if (category === DuesCategory.SALARIED && income === null) {
        throw new HttpError(400, "body.monthlyIncomeFen: required when duesCategory is SALARIED");
      }
      const data: Prisma.MemberUncheckedUpdateInput = {
        ...body,
        // Only salaried dues depend on pay; keep no income figure that nothing uses.
        monthlyIncomeFen: category === DuesCategory.SALARIED ? income : null,
      };
      const updated = await db.$transaction(async (tx) => {
        const member = await tx.member.update({ where: { id: before.id }, data, select: memberSelect });
        await audit.record(
          {
            actorLabel: principal.actorLabel,
            action: "member.update",
            orgId: member.orgId,
            targetType: "Member",
            targetId: member.id,
            data: { ...body, ...(body.orgId === undefined ? {} : { fromOrgId: before.orgId }) },
          },
          tx,
        );
        return member;
      });
      return memberView(updated);
    },
  );
};
