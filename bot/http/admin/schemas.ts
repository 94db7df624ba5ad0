// Zod pieces the admin routes share; they become the OpenAPI document too.
import { z } from "zod";

export const idParam = z.object({ id: z.coerce.number().int().positive() });

export const pageQuery = {
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
};

export const orgQuery = {
  orgId: z.coerce
    .number()
    .int()
    .positive()
    .optional()
    .describe("an organisation in the token's subtree (default: the token's own)"),
};

export const formatQuery = {
  format: z.enum(["json", "csv"]).optional().describe("csv, or send Accept: text/csv"),
};

/** Month as yyyymm (202611). */
export const monthSchema = z.coerce
  .number()
  .int()
  .refine((m) => m >= 200001 && m <= 299912 && m % 100 >= 1 && m % 100 <= 12, "a month as yyyymm, e.g. 202611");

export const dateSchema = z.iso.date({ error: "a date as YYYY-MM-DD" });
