// Zod pieces the admin routes share; they become the OpenAPI document too. Every id, date, month and amount is
// parsed here, at the edge, into a value the database can hold: out of range is a 400 naming the field, never a
// query that fails (a 500).
import { z } from "zod";
import { MAX_MONTHLY_INCOME_FEN } from "../../features/dues/rules.ts";

/** PostgreSQL's int4: the type of every id. */
export const INT4_MAX = 2_147_483_647;
const ID_RULE = `an id: a whole number from 1 to ${INT4_MAX}`;

/** An id in a JSON body. */
export const idSchema = z.number({ error: ID_RULE }).int(ID_RULE).min(1, ID_RULE).max(INT4_MAX, ID_RULE);

/** An id in a path or a query string: decimal digits only (no "1e3", "0x10", " 7"). */
export const idText = z
  .string()
  .regex(/^\d{1,10}$/, ID_RULE)
  .transform(Number)
  .pipe(idSchema);

export const idParam = z.object({ id: idText });

/** Pages up to the millionth: far beyond any list, and the offset stays a database integer. */
export const pageQuery = {
  page: z.coerce.number().int().min(1).max(1_000_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
};

export const orgQuery = {
  orgId: idText.optional().describe("an organisation in the token's subtree (default: the token's own)"),
};

export const formatQuery = {
  format: z.enum(["json", "csv"]).optional().describe("csv, or send Accept: text/csv"),
};

const FIRST_YEAR = 2000;
const LAST_YEAR = 2099;

/** Month as yyyymm (202611), 2000 to 2099. */
export const monthSchema = z.coerce
  .number()
  .int()
  .refine(
    (m) => m >= FIRST_YEAR * 100 + 1 && m <= LAST_YEAR * 100 + 12 && m % 100 >= 1 && m % 100 <= 12,
    `a month as yyyymm from ${FIRST_YEAR}01 to ${LAST_YEAR}12, e.g. 202611`,
  );

/** A day as YYYY-MM-DD, 2000-01-01 to 2099-12-31: what the league's records and reports can be about. */
export const dateSchema = z.iso
  .date({ error: "a date as YYYY-MM-DD" })
  .refine(
    (d) => d >= `${FIRST_YEAR}-01-01` && d <= `${LAST_YEAR}-12-31`,
    `a date from ${FIRST_YEAR}-01-01 to ${LAST_YEAR}-12-31`,
  );

/** After-tax monthly pay in fen. */
export const incomeFenSchema = z
  .number()
  .int("whole fen")
  .min(0)
  .max(MAX_MONTHLY_INCOME_FEN, `at most ${MAX_MONTHLY_INCOME_FEN} fen (${MAX_MONTHLY_INCOME_FEN / 100} 元) a month`);

/** Text a person typed: trimmed, no control characters (PostgreSQL refuses NUL, and none belongs in a name). */
export const textSchema = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
    .refine((s) => !/[\u0000-\u001f\u007f]/.test(s), "no control characters");
