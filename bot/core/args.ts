// Schemas of button and command arguments, parsed once at the edge (the router) so handlers get typed values and a
// forged payload ("dues-ok:abc", "tr-approve:2147483648", "act-leave:1e308") never reaches the database.
import { z } from "zod";

/** PostgreSQL `integer` (int4): every id a button carries is one. */
export const INT4_MAX = 2_147_483_647;

/** A row id of an Int column as a button writes it: plain digits, no sign, exponent, spaces or leading zero. */
export const idArg = z
  .string()
  .regex(/^[1-9]\d{0,9}$/)
  .transform(Number)
  .pipe(z.number().int().max(INT4_MAX));

/** A small count or amount (months, fen): plain digits without a leading zero, from `min` to `max`. */
export const countArg = (min: number, max: number) =>
  z
    .string()
    .regex(/^(0|[1-9]\d{0,8})$/)
    .transform(Number)
    .pipe(z.number().int().min(min).max(max));

/** One of a few words (`yes`/`no`, a reason code). */
export const wordArg = <const T extends string>(words: readonly T[]): z.ZodType<T, string> =>
  z
    .string()
    .refine((v) => (words as readonly string[]).includes(v))
    .transform((v) => v as T);

/** `<a><sep><b>…`: a payload of several parts, each with its own schema, exactly as many parts as schemas. */
export function partsArg<const T extends readonly [z.ZodType<unknown, string>, ...z.ZodType<unknown, string>[]]>(
  separator: string,
  ...parts: T
) {
  return z
    .string()
    .transform((s) => s.split(separator))
    .pipe(z.tuple(parts as unknown as [z.ZodType<unknown, string>]) as unknown as z.ZodType<PartsOf<T>, string[]>);
}
type PartsOf<T extends readonly z.ZodType<unknown, string>[]> = { -readonly [K in keyof T]: z.output<T[K]> };

/** An id, or nothing (a command or free text that may name one). */
export const optionalIdArg = z.union([z.literal("").transform(() => null), idArg]);

/** The id in typed text, or null when it is not one we could have made ("12abc", "99999999999"). */
export function idIn(text: string): number | null {
  const parsed = idArg.safeParse(text.trim());
  return parsed.success ? parsed.data : null;
}

/** What an action declares about its argument. */
export type ArgSchema<A> = z.ZodType<A, string>;
