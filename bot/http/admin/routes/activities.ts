// Activities, read-only here: listed for an organisation's subtree, each with its sign-up counts.
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { ActivityStatus, type Db, type Prisma } from "../../../infra/db.ts";
import { HttpError } from "../auth.ts";
import { type AdminDeps, inSubtree, listRoot, pageArgs, paged } from "../context.ts";
import { idParam, orgQuery, pageQuery } from "../schemas.ts";

const activitySelect = {
  id: true,
  orgId: true,
  org: { select: { code: true, name: true } },
  createdById: true,
  title: true,
  description: true,
  place: true,
  startsAt: true,
  endsAt: true,
  capacity: true,
  signupDeadline: true,
  status: true,
  checkinOpensAt: true,
  checkinClosesAt: true,
  serviceMinutes: true,
  createdAt: true,
  updatedAt: true,
} satisfies Prisma.ActivitySelect;

async function signupCounts(db: Db, activityIds: number[]) {
  const [byStatus, checkedIn] = await Promise.all([
    db.activitySignup.groupBy({
      by: ["activityId", "status"],
      where: { activityId: { in: activityIds } },
      _count: true,
    }),
    db.activitySignup.groupBy({
      by: ["activityId"],
      where: { activityId: { in: activityIds }, checkedInAt: { not: null } },
      _count: true,
    }),
  ]);
  const counts = new Map(activityIds.map((id) => [id, { confirmed: 0, waitlisted: 0, cancelled: 0, checkedIn: 0 }]));
  for (const g of byStatus) {
    const c = counts.get(g.activityId)!;
    if (g.status === "CONFIRMED") c.confirmed = g._count;
    else if (g.status === "WAITLISTED") c.waitlisted = g._count;
    else c.cancelled = g._count;
  }
  for (const g of checkedIn) counts.get(g.activityId)!.checkedIn = g._count;
  return counts;
}

export const activityRoutes: FastifyPluginAsyncZod<AdminDeps> = async (app, deps) => {
  const { db } = deps;

  app.get(
    "/activities",
    {
      schema: {
        summary: "Activities organised in an organisation's subtree, newest first, with sign-up counts",
        tags: ["activities"],
        querystring: z.object({ ...orgQuery, ...pageQuery, status: z.enum(ActivityStatus).optional() }),
      },
    },
    async (request) => {
      const root = await listRoot(db, request.principal!, request.query.orgId);
      const where: Prisma.ActivityWhereInput = {
        org: { ancestorIds: { has: root.id } },
        ...(request.query.status ? { status: request.query.status } : {}),
      };
      const [rows, total] = await Promise.all([
        db.activity.findMany({
          where,
          select: activitySelect,
          orderBy: { startsAt: "desc" },
          ...pageArgs(request.query),
        }),
        db.activity.count({ where }),
      ]);
      const counts = await signupCounts(
        db,
        rows.map((a) => a.id),
      );
      return paged(
        rows.map((a) => ({ ...a, signups: counts.get(a.id)! })),
        total,
        request.query,
      );
    },
  );

  app.get(
    "/activities/:id",
    { schema: { summary: "One activity with its audience and sign-up counts", tags: ["activities"], params: idParam } },
    async (request) => {
      const activity = await db.activity.findFirst({
        where: { id: request.params.id, org: inSubtree(request.principal!) },
        select: { ...activitySelect, audiences: { select: { orgId: true } } },
      });
      if (!activity) throw new HttpError(404, `activity ${request.params.id} not found`);
      const counts = await signupCounts(db, [activity.id]);
      return {
        ...activity,
        audiences: activity.audiences.map((a) => a.orgId),
        signups: counts.get(activity.id)!,
      };
    },
  );
};
