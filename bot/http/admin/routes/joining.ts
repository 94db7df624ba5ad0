// 入团 over the admin API: the same operations as /applicants in chat — applicants by stage in the token's subtree,
// a step taken with its data, 团课 hours, a leader's entry (name + phone) — through the same service, so the same
// scope checks, audit entries, applicant messages and service-level timers. A step outside the subtree is 404; a
// step already taken 409 (nothing done twice); a record the rules refuse 400 with the reason.
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  type Actor,
  type AdvanceResult,
  advanceStep,
  applicantsInScope,
  preRegister,
  recordCourseHours,
} from "../../../features/joining/join-service.ts";
import { normalisePhone } from "../../../features/joining/rules.ts";
import { JoinStage } from "../../../infra/db.ts";
import { HttpError, type Principal } from "../auth.ts";
import { type AdminDeps, listRoot, orgInScope } from "../context.ts";
import { idParam, idSchema, orgQuery, textSchema } from "../schemas.ts";

const count = z.number().int().min(0).max(100_000);

/** What taking a step needs: nothing, the meeting's three counts, or the 编号 智慧团建 issued. */
export const joinStepBody = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("MARK_ACTIVIST") }),
  z.object({ kind: z.literal("MARK_CANDIDATE") }),
  z.object({ kind: z.literal("RECORD_MEETING"), due: count, present: count, votesFor: count }),
  z.object({ kind: z.literal("APPROVE") }),
  z.object({
    kind: z.literal("ENTER_CODE"),
    code: z
      .string()
      .regex(/^\d{12}$/, "12 digits")
      .describe("发展团员编号; the first four digits are this year"),
  }),
]);

const actorOf = (p: Principal): Actor => ({ token: p.tokenId, label: p.actorLabel, orgId: p.orgId });

function answer(stepId: number, result: AdvanceResult) {
  if (result.ok) return result;
  switch (result.problem) {
    case "not-found":
      throw new HttpError(404, `join step ${stepId} not found`);
    case "handled":
      throw new HttpError(409, `step already taken; the application is ${result.stage}`);
    case "wrong-step":
      throw new HttpError(409, "the application is not at that step");
    case "training":
      throw new HttpError(400, `training period not over (until ${result.endsOn.toISOString().slice(0, 10)})`);
    case "hours":
      throw new HttpError(400, `团课 hours ${result.have} of ${result.need}`);
    case "meeting-invalid":
      throw new HttpError(400, `meeting record cannot be right: ${result.reason}`);
    case "meeting-failed":
      throw new HttpError(400, "the vote did not pass (recorded): more than half of those due must be present and for");
    case "code-format":
      throw new HttpError(400, "code: 12 digits");
    case "code-year":
      throw new HttpError(400, `code: the first four digits must be the year of joining, ${result.year}`);
    case "code-taken":
      throw new HttpError(400, "code: belongs to another member");
  }
}

export const joiningRoutes: FastifyPluginAsyncZod<AdminDeps> = async (app, deps) => {
  app.get(
    "/joining/applicants",
    {
      schema: {
        summary: "入团 applications under way in the token's subtree, by stage, with the step each waits on",
        tags: ["joining"],
        querystring: z.object({ ...orgQuery, stage: z.enum(JoinStage).optional() }),
      },
    },
    async (request) => {
      const principal = request.principal!;
      const root = await listRoot(deps.db, principal, request.query.orgId);
      const listed = await applicantsInScope(deps, { ...actorOf(principal), orgId: root.id }, 500);
      const items = listed
        .filter(({ app: a }) => !request.query.stage || a.stage === request.query.stage)
        .map(({ app: a }) => ({
          id: a.id,
          name: a.name,
          stage: a.stage,
          org: { id: a.orgId, name: a.org.name },
          appliedAt: a.appliedAt,
          activistAt: a.activistAt,
          courseHours: a.courseHours,
          courseHoursRequired: a.courseHoursRequired,
          trainingMonths: a.trainingMonths,
          step: a.steps[0]
            ? { id: a.steps[0].id, kind: a.steps[0].kind, orgId: a.steps[0].orgId, dueAt: a.steps[0].dueAt }
            : null,
        }));
      return { items };
    },
  );

  app.post(
    "/joining/steps/:id",
    {
      config: { access: "write" },
      schema: {
        summary: "Take a waiting 入团 step, with its data",
        tags: ["joining"],
        params: idParam,
        body: joinStepBody,
      },
    },
    async (request) => {
      const body = request.body;
      const action =
        body.kind === "RECORD_MEETING"
          ? { kind: body.kind, vote: { due: body.due, present: body.present, votesFor: body.votesFor } }
          : body;
      return answer(request.params.id, await advanceStep(deps, actorOf(request.principal!), request.params.id, action));
    },
  );

  app.post(
    "/joining/applications/:id/course-hours",
    {
      config: { access: "write" },
      schema: {
        summary: "Add 团课 hours to an 入团积极分子",
        tags: ["joining"],
        params: idParam,
        body: z.object({ hours: z.number().int().min(1).max(40) }),
      },
    },
    async (request) => {
      const result = await recordCourseHours(deps, actorOf(request.principal!), request.params.id, request.body.hours);
      if (result.ok) return result;
      if (result.problem === "not-found") throw new HttpError(404, `application ${request.params.id} not found`);
      throw new HttpError(409, "the application is not at the 入团积极分子 stage");
    },
  );

  app.post(
    "/joining/applicants",
    {
      config: { access: "write" },
      schema: {
        summary: "Enter a person (name + phone) a 团支部 expects to apply; they bind by typing the same",
        tags: ["joining"],
        body: z.object({ orgId: idSchema, name: textSchema(40), phone: z.string().max(20) }),
      },
    },
    async (request, reply) => {
      const principal = request.principal!;
      await orgInScope(deps.db, principal, request.body.orgId);
      const phone = normalisePhone(request.body.phone);
      if (!phone) throw new HttpError(400, "phone: an 11-digit mobile number");
      const result = await preRegister(deps, actorOf(principal), request.body.orgId, request.body.name, phone);
      if (result.ok) return reply.code(201).send(result);
      if (result.problem === "exists") throw new HttpError(409, "that name and phone are entered already");
      throw new HttpError(400, "orgId: a 团支部");
    },
  );
};
