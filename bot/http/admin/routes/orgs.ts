// Organisations: the subtree, one organisation, creating one, its settings, and moving it (with its whole subtree).
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { MAX_METHOD_LENGTH } from "../../../features/dues/payment-method.ts";
import { createOrganisation, initialsOf, pinyinOf } from "../../../features/orgs/org-service.ts";
import { OrgKind, OrgLevel, type Prisma } from "../../../infra/db.ts";
import { HttpError } from "../auth.ts";
import { type AdminDeps, listRoot, orgInScope } from "../context.ts";
import { dateSchema, idParam, idSchema, orgQuery, textSchema } from "../schemas.ts";

const LEVELS = Object.values(OrgLevel);
/** Serialises concurrent moves: two moves that each look fine alone could otherwise make a cycle. */
const TREE_LOCK = 7_236_001;

const orgSelect = {
  id: true,
  code: true,
  name: true,
  shortName: true,
  level: true,
  kind: true,
  parentId: true,
  ancestorIds: true,
  depth: true,
  slaHours: true,
  slaBusinessHours: true,
  graduatesOn: true,
  duesPaymentMethod: true,
  createdAt: true,
  updatedAt: true,
} satisfies Prisma.OrganisationSelect;

type OrgRow = Prisma.OrganisationGetPayload<{ select: typeof orgSelect }>;

export function orgView(org: OrgRow) {
  return { ...org, graduatesOn: org.graduatesOn?.toISOString().slice(0, 10) ?? null };
}

function assertBelow(level: OrgLevel, parentLevel: OrgLevel, field: string) {
  if (LEVELS.indexOf(level) <= LEVELS.indexOf(parentLevel)) {
    throw new HttpError(400, `${field}: a ${level} cannot sit under a ${parentLevel}`);
  }
}

const createBody = z.object({
  code: z
    .string()
    .trim()
    .min(1)
    .max(64)
    .regex(/^[\w-]+$/, "letters, digits, - and _"),
  name: textSchema(200),
  shortName: textSchema(100).optional(),
  level: z.enum(OrgLevel),
  kind: z.enum(OrgKind).optional(),
  parentId: idSchema,
});

const settingsBody = z
  .object({
    name: textSchema(200),
    shortName: textSchema(100).nullable(),
    slaHours: z
      .number()
      .int()
      .min(1)
      .max(24 * 30)
      .nullable()
      .describe("service-level hours; null = the default"),
    slaBusinessHours: z.boolean(),
    graduatesOn: dateSchema.nullable(),
    kind: z.enum(OrgKind),
    duesPaymentMethod: z
      .string()
      .trim()
      .min(1)
      .max(MAX_METHOD_LENGTH)
      .nullable()
      .describe("how members pay dues, shown on payment requests; null = as the organisation above says"),
    joinTrainingMonths: z
      .number()
      .int()
      .min(0)
      .max(36)
      .nullable()
      .describe(
        "入团: months an 入团积极分子 is trained; null = as the organisation above says, else JOIN_TRAINING_MONTHS",
      ),
    joinCourseHours: z
      .number()
      .int()
      .min(0)
      .max(200)
      .nullable()
      .describe(
        "入团: 团课 hours required before 发展对象; null = as the organisation above says, else JOIN_COURSE_HOURS",
      ),
  })
  .partial()
  .refine((b) => Object.keys(b).length > 0, "at least one field to change");

export const orgRoutes: FastifyPluginAsyncZod<AdminDeps> = async (app, deps) => {
  const { db, audit } = deps;

  app.get(
    "/orgs",
    {
      schema: {
        summary: "The subtree of an organisation, root first",
        tags: ["organisations"],
        querystring: z.object({
          ...orgQuery,
          maxDepth: z.coerce.number().int().min(0).max(10).optional().describe("levels below the root to include"),
        }),
      },
    },
    async (request) => {
      const root = await listRoot(db, request.principal!, request.query.orgId);
      const orgs = await db.organisation.findMany({
        where: {
          ancestorIds: { has: root.id },
          ...(request.query.maxDepth === undefined ? {} : { depth: { lte: root.depth + request.query.maxDepth } }),
        },
        select: { ...orgSelect, _count: { select: { members: true } } },
        orderBy: [{ depth: "asc" }, { code: "asc" }],
      });
      return { items: orgs.map(({ _count, ...o }) => ({ ...orgView(o), memberCount: _count.members })) };
    },
  );

  app.get(
    "/orgs/:id",
    { schema: { summary: "One organisation", tags: ["organisations"], params: idParam } },
    async (request) => {
      await orgInScope(db, request.principal!, request.params.id);
      const org = await db.organisation.findUniqueOrThrow({ where: { id: request.params.id }, select: orgSelect });
      const [memberCount, children] = await Promise.all([
        db.member.count({ where: { orgId: org.id } }),
        db.organisation.findMany({
          where: { parentId: org.id },
          select: { id: true, code: true, name: true, level: true },
          orderBy: { code: "asc" },
        }),
      ]);
      return { ...orgView(org), memberCount, children };
    },
  );

  app.post(
    "/orgs",
    {
      config: { access: "write" },
      schema: { summary: "Create an organisation under one in scope", tags: ["organisations"], body: createBody },
    },
    async (request, reply) => {
      const principal = request.principal!;
      const parent = await orgInScope(db, principal, request.body.parentId);
      assertBelow(request.body.level, parent.level, "level");
      const created = await db.$transaction(async (tx) => {
        const org = await createOrganisation(tx, request.body);
        await audit.record(
          {
            actorLabel: principal.actorLabel,
            action: "org.create",
            orgId: org.id,
            targetType: "Organisation",
            targetId: org.id,
            data: { code: org.code, parentId: parent.id },
          },
          tx,
        );
        return org;
      });
      return reply.code(201).send(orgView(created));
    },
  );

  app.patch(
    "/orgs/:id",
    {
      config: { access: "write" },
      schema: {
        summary: "Change an organisation's name or settings (service level, graduation day)",
        tags: ["organisations"],
        params: idParam,
        body: settingsBody,
      },
    },
    async (request) => {
      const principal = request.principal!;
      await orgInScope(db, principal, request.params.id);
      const { graduatesOn, name, ...rest } = request.body;
      const data: Prisma.OrganisationUpdateInput = {
        ...rest,
        ...(name === undefined ? {} : { name, initials: initialsOf(name), pinyin: pinyinOf(name) }),
        ...(graduatesOn === undefined ? {} : { graduatesOn: graduatesOn === null ? null : new Date(graduatesOn) }),
      };
      const updated = await db.$transaction(async (tx) => {
        const org = await tx.organisation.update({ where: { id: request.params.id }, data, select: orgSelect });
        await audit.record(
          {
            actorLabel: principal.actorLabel,
            action: "org.update",
            orgId: org.id,
            targetType: "Organisation",
            targetId: org.id,
            data: request.body,
          },
          tx,
        );
        return org;
      });
      return orgView(updated);
    },
  );

  app.post(
    "/orgs/:id/move",
    {
      config: { access: "write" },
      schema: {
        summary: "Move an organisation and its whole subtree under a new parent in scope",
        tags: ["organisations"],
        params: idParam,
        body: z.object({ parentId: idSchema }),
      },
    },
    async (request) => {
      const principal = request.principal!;
      const { id } = request.params;
      const { parentId } = request.body;
      const moved = await db.$transaction(async (tx) => {
        await tx.$executeRaw`SELECT pg_advisory_xact_lock(${TREE_LOCK})`;
        // Read inside the lock: another move may just have changed either path.
        const org = await orgInScope(tx, principal, id);
        const parent = await orgInScope(tx, principal, parentId);
        if (parent.ancestorIds.includes(org.id)) {
          throw new HttpError(409, "parentId: an organisation cannot move under itself or its own subtree");
        }
        assertBelow(org.level, parent.level, "parentId");
        const keep = org.ancestorIds.length; // 1-based position of the moved organisation in every path below it
        const count = await tx.$executeRaw`
          UPDATE organisations
          SET ancestor_ids = ${parent.ancestorIds}::int[] || ancestor_ids[${keep}:],
              depth = depth - ${org.depth} + ${parent.depth + 1},
              updated_at = now()
          WHERE ancestor_ids @> ARRAY[${org.id}]::int[]`;
        await tx.organisation.update({ where: { id: org.id }, data: { parentId: parent.id } });
        await audit.record(
          {
            actorLabel: principal.actorLabel,
            action: "org.move",
            orgId: org.id,
            targetType: "Organisation",
            targetId: org.id,
            data: { fromParentId: org.parentId, toParentId: parent.id, subtreeSize: count },
          },
          tx,
        );
        return tx.organisation.findUniqueOrThrow({ where: { id: org.id }, select: orgSelect });
      });
      return orgView(moved);
    },
  );
};
