// Dues: one member's paid months and payments, and an organisation's collection for a month.
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { loadDues } from "../../../features/dues/dues-service.ts";
import { monthOf } from "../../../features/dues/months.ts";
import { type AdminDeps, orgInScope } from "../context.ts";
import { duesCollection } from "../report-queries.ts";
import { idParam, monthSchema } from "../schemas.ts";
import { memberInScope } from "./members.ts";

export const duesRoutes: FastifyPluginAsyncZod<AdminDeps> = async (app, deps) => {
  const { db, audit, config } = deps;

  app.get(
    "/members/:id/dues",
    { schema: { summary: "A member's paid months, payments and what is owed", tags: ["dues"], params: idParam } },
    async (request) => {
      const member = await memberInScope(db, request.principal!, request.params.id);
      const [months, payments, full] = await Promise.all([
        db.duesMonth.findMany({
          where: { memberId: member.id },
          orderBy: { month: "asc" },
          select: { month: true, amountFen: true, paymentId: true },
        }),
        db.duesPayment.findMany({
          where: { memberId: member.id },
          orderBy: { id: "asc" },
          select: {
            id: true,
            reference: true,
            method: true,
            status: true,
            months: true,
            amountFen: true,
            createdAt: true,
            settledAt: true,
            handledById: true,
            note: true,
          },
        }),
        db.member.findUniqueOrThrow({
          where: { id: member.id },
          select: { id: true, joinedAt: true, duesCategory: true, monthlyIncomeFen: true },
        }),
      ]);
      const picture = await loadDues(db, full, deps.now(), config.TZ);
      await audit.record({
        actorLabel: request.principal!.actorLabel,
        action: "member.dues.view",
        orgId: member.orgId,
        targetType: "Member",
        targetId: member.id,
      });
      return {
        memberId: member.id,
        monthlyFen: picture.monthly?.amountFen ?? null,
        paidThrough: picture.position.paidThrough,
        owedMonths: picture.position.owedMonths,
        owedFen: picture.position.owedFen,
        months,
        payments,
      };
    },
  );

  app.get(
    "/orgs/:id/dues",
    {
      schema: {
        summary: "Dues collection for a month across an organisation's subtree",
        tags: ["dues"],
        params: idParam,
        querystring: z.object({ month: monthSchema.optional().describe("yyyymm; default the current month") }),
      },
    },
    async (request) => {
      const org = await orgInScope(db, request.principal!, request.params.id);
      const month = request.query.month ?? monthOf(deps.now(), config.TZ);
      const rows = await duesCollection(db, org.id, month);
      const total = rows.reduce(
        (t, r) => ({ members: t.members + r.members, paid: t.paid + r.paid, amountFen: t.amountFen + r.amountFen }),
        { members: 0, paid: 0, amountFen: 0 },
      );
      return { orgId: org.id, month, total, byOrg: rows };
    },
  );
};
