// Several independent reads in one statement. Each fact is a scalar subquery (a number, an array, or a JSON value
// for rows) and the function that turns its value into our types; `readFacts` selects them side by side. Why: on
// the chat path every statement costs a round trip, a write system call in the driver and Prisma's own work per
// query — the status look-up's eight reads as eight statements spent more on that than on the reads themselves
// (bench:chat). A feature's own loader reads the same fact alone, so each piece of SQL is written once.
import { type Db, directStatements, Prisma } from "./db.ts";
import { PREPARED } from "./statement-names.ts";

type Tx = Prisma.TransactionClient | Db;

export interface Fact<T> {
  sql: Prisma.Sql;
  parse: (value: unknown) => T;
}

export type FactValues<F extends Record<string, Fact<unknown>>> = {
  [K in keyof F]: F[K] extends Fact<infer T> ? T : never;
};

/** The one statement: each fact a column. */
export function factsSql(facts: Record<string, Fact<unknown>>): Prisma.Sql {
  // Positional column names, so a fact's name never has to be a safe identifier.
  const columns = Object.values(facts).map((fact, i) => Prisma.sql`(${fact.sql}) AS ${Prisma.raw(`f${i}`)}`);
  // Prepared: the same text for every member, and each fact an indexed look-up by member or organisation.
  return Prisma.sql`${Prisma.raw(PREPARED)}SELECT ${Prisma.join(columns)}`;
}

export async function readFacts<F extends Record<string, Fact<unknown>>>(db: Tx, facts: F): Promise<FactValues<F>> {
  const row = await factsRow(db, factsSql(facts));
  return Object.fromEntries(
    Object.entries(facts).map(([key, fact], i) => [key, fact.parse(row?.[`f${i}`])]),
  ) as FactValues<F>;
}

/**
 * Straight through pg where the client allows (not inside a transaction): Prisma's own work on a raw statement —
 * arguments, result rows, its request pipeline — cost about 0.3 ms of CPU a look-up, twice what the read costs the
 * driver (bench:chat). Facts are JSON, arrays and plain scalars, which pg reads as Prisma does; a time or a date
 * is read as UTC, as Prisma reads our `timestamp(3)` and `date` columns.
 */
async function factsRow(db: Tx, sql: Prisma.Sql): Promise<Record<string, unknown> | undefined> {
  const direct = directStatements(db);
  if (!direct) return (await db.$queryRaw<Record<string, unknown>[]>(sql))[0];
  return (await direct.read<Record<string, unknown>>(sql.text, sql.values))[0];
}

export async function readFact<T>(db: Tx, fact: Fact<T>): Promise<T> {
  return (await readFacts(db, { value: fact })).value;
}
