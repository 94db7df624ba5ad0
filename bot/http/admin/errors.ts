// The admin API's error boundary: 4xx say what is wrong with the input (field paths for schema errors), database
// conflicts become 404/409 with the field named, everything else is a generic 500 with the details only in the log.
import type { FastifyError, FastifyReply, FastifyRequest } from "fastify";
import { hasZodFastifySchemaValidationErrors } from "fastify-type-provider-zod";
import { Prisma } from "../../infra/db.ts";

export interface FieldIssue {
  field: string;
  message: string;
}

function fieldIssues(error: FastifyError): FieldIssue[] {
  const where = error.validationContext ?? "input";
  return (error.validation ?? []).map((v) => {
    const path = v.instancePath.split("/").filter(Boolean).join(".");
    return { field: path ? `${where}.${path}` : where, message: v.message ?? "is invalid" };
  });
}

/**
 * The unique fields of a P2002: `meta.target` from the query engine; from a driver adapter, the constraint's fields
 * or its index name ("organisations_code_key" → "code").
 */
function uniqueFields(meta: Record<string, unknown> | undefined): string[] {
  const adapter = meta?.driverAdapterError as
    | { cause?: { table?: string; constraint?: { fields?: string[]; index?: string } } }
    | undefined;
  const constraint = adapter?.cause?.constraint;
  const table = adapter?.cause?.table ?? "";
  const fromIndex = constraint?.index?.replace(`${table}_`, "").replace(/_key$/, "");
  const target = meta?.target ?? constraint?.fields ?? fromIndex ?? [];
  return [target].flat().map(String);
}

function prismaClientError(error: unknown): { status: number; message: string } | undefined {
  if (!(error instanceof Prisma.PrismaClientKnownRequestError)) return undefined;
  if (error.code === "P2002") {
    return { status: 409, message: `${uniqueFields(error.meta).join(", ") || "a unique value"} already exists` };
  }
  if (error.code === "P2025") return { status: 404, message: "not found" };
  if (error.code === "P2003") return { status: 409, message: "still referenced by other records" };
  return undefined;
}

export function adminErrorHandler(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  if (hasZodFastifySchemaValidationErrors(error)) {
    const issues = fieldIssues(error);
    return reply.code(400).send({ error: issues.map((i) => `${i.field}: ${i.message}`).join("; "), issues });
  }
  const known = prismaClientError(error);
  if (known) return reply.code(known.status).send({ error: known.message });
  const status = error.statusCode ?? 500;
  // Overload (under-pressure) is a "come back shortly", not a failure: its 503 and Retry-After pass through.
  if (status === 503) return reply.code(503).send({ error: error.message });
  if (status >= 500) {
    request.log.error({ err: error }, "admin request failed");
    return reply.code(500).send({ error: "Internal Server Error" });
  }
  if (status === 401) reply.header("www-authenticate", 'Bearer realm="tuanzhu-admin"');
  return reply.code(status).send({ error: error.message });
}
