// Notices, read-only here: listed for an organisation's subtree, each with its delivery and read counts.
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { progress } from "../../../features/notices/notice-service.ts";
import { type Db, NoticeStatus, type Prisma } from "../../../infra/db.ts";
import { HttpError } from "../auth.ts";
import { type AdminDeps, inSubtree, listRoot, pageArgs, paged } from "../context.ts";
import { idParam, orgQuery, pageQuery } from "../schemas.ts";

const noticeSelect = {
  id: true,
  orgId: true,
  org: { select: { code: true, name: true } },
  createdById: true,
  text: true,
  imageId: true,
  status: true,
  createdAt: true,
  sentAt: true,
} satisfies Prisma.NoticeSelect;

const emptyCounts = () => ({ total: 0, unreachable: 0, queued: 0, sent: 0, failed: 0, read: 0 });

async function deliveryCounts(db: Db, noticeIds: number[]) {
  const groups = await db.noticeDelivery.groupBy({
    by: ["noticeId", "status"],
    where: { noticeId: { in: noticeIds } },
    _count: true,
  });
  const counts = new Map(noticeIds.map((id) => [id, emptyCounts()]));
  for (const g of groups) {
    const c = counts.get(g.noticeId)!;
    c.total += g._count;
    const key = g.status.toLowerCase() as keyof ReturnType<typeof emptyCounts>;
    c[key] += g._count;
  }
  return counts;
}

export const noticeRoutes: FastifyPluginAsyncZod<AdminDeps> = async (app, deps) => {
  const { db } = deps;

  app.get(
    "/notices",
    {
      schema: {
        summary: "Notices sent from an organisation's subtree, newest first, with delivery counts",
        tags: ["notices"],
        querystring: z.object({ ...orgQuery, ...pageQuery, status: z.enum(NoticeStatus).optional() }),
      },
    },
    async (request) => {
      const root = await listRoot(db, request.principal!, request.query.orgId);
      const where: Prisma.NoticeWhereInput = {
        org: { ancestorIds: { has: root.id } },
        ...(request.query.status ? { status: request.query.status } : {}),
      };
      const [rows, total] = await Promise.all([
        db.notice.findMany({ where, select: noticeSelect, orderBy: { id: "desc" }, ...pageArgs(request.query) }),
        db.notice.count({ where }),
      ]);
      const counts = await deliveryCounts(
        db,
        rows.map((n) => n.id),
      );
      return paged(
        rows.map((n) => ({ ...n, deliveries: counts.get(n.id)! })),
        total,
        request.query,
      );
    },
  );

  app.get(
    "/notices/:id",
    {
      schema: {
        summary: "One notice with delivery counts, overall and per branch",
        tags: ["notices"],
        params: idParam,
      },
    },
    async (request) => {
      const notice = await db.notice.findFirst({
        where: { id: request.params.id, org: inSubtree(request.principal!) },
        select: { ...noticeSelect, audiences: { select: { orgId: true } } },
      });
      if (!notice) throw new HttpError(404, `notice ${request.params.id} not found`);
      const [counts, byBranch] = await Promise.all([deliveryCounts(db, [notice.id]), progress(db, notice.id)]);
      return {
        ...notice,
        audiences: notice.audiences.map((a) => a.orgId),
        deliveries: counts.get(notice.id)!,
        byBranch,
      };
    },
  );
};
