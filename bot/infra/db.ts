import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "../../prisma/generated/client.ts";
import { pipelinedReads } from "./pipelined-reads.ts";
import { serialTransactions } from "./serial-transactions.ts";
import { statementNames } from "./statement-names.ts";
import { asParameter, getTypeParser } from "./utc-values.ts";

export type Db = PrismaClient;
export * from "../../prisma/generated/client.ts";

export interface DirectStatements {
  /** Rows of one statement on the pool, prepared when Prisma's would be (statement-names.ts); times as Prisma
   * sends and reads them (utc-values.ts). */
  query<R>(text: string, values: readonly unknown[]): Promise<R[]>;
  /** The same for a short read on the chat path, sent with the other reads of the moment (pipelined-reads.ts). */
  read<R>(text: string, values: readonly unknown[]): Promise<R[]>;
}

/** Of a process's connections, those that carry the chat path's pipelined reads (none for a pool under four). */
export function pipelinedShare(poolSize: number): number {
  return Math.min(2, Math.floor(poolSize / 4));
}

const direct = new WeakMap<object, DirectStatements>();

export function createDb(databaseUrl: string, poolSize = 10): Db {
  // JIT off for every session: our statements are short, and PostgreSQL's cost guess for some (organisation
  // search, with its expensive token function) starts a compile of 40-50 ms that the query itself does not need.
  // A server that takes the connection but never answers must not hold a chat message for ever: after 10 s
  // it is an error (so is waiting that long for a free pool slot), and the person is told the system is busy.
  const connection = { connectionString: databaseUrl, options: "-c jit=off", connectionTimeoutMillis: 10_000 };
  const share = pipelinedShare(poolSize);
  const pool = new pg.Pool({ ...connection, max: poolSize - share });
  const reads = share ? pipelinedReads(connection, share) : undefined;
  // An idle connection the server closed (a restart, a dropped database) is taken out of the pool, and the next
  // query opens another. Prisma's adapter listens for this only once Prisma itself has connected; the chat path's
  // direct statements may come first, and an unheard pool error would end the process.
  pool.on("error", () => undefined);
  const nameOf = statementNames();
  const db = new PrismaClient({
    // One query at a time inside a transaction (see serial-transactions.ts).
    adapter: serialTransactions(
      // Typed as always naming; pg leaves a statement without a name unprepared, as before.
      new PrismaPg(pool, {
        statementNameGenerator: nameOf as (query: { sql: string }) => string,
        disposeExternalPool: true,
      }),
    ),
  });
  const statement = (text: string, values: readonly unknown[]): pg.QueryConfig => ({
    name: nameOf({ sql: text }),
    text,
    values: values.map(asParameter),
    types: { getTypeParser },
  });
  direct.set(db, {
    async query<R>(text: string, values: readonly unknown[]) {
      return (await pool.query(statement(text, values))).rows as R[];
    },
    async read<R>(text: string, values: readonly unknown[]) {
      return (await (reads ?? pool).query(statement(text, values))).rows as R[];
    },
  });
  // Prisma ends the pool when it disconnects (disposeExternalPool), but only once it has connected itself: the
  // direct statements may have been all this client ever sent. Both end here whatever Prisma did.
  const disconnect = db.$disconnect.bind(db);
  db.$disconnect = async () => {
    await disconnect();
    await reads?.end();
    if (!pool.ending) await pool.end();
  };
  return db;
}

/**
 * The pool under a client made by createDb, for the chat path's single statements that need none of Prisma's work
 * on them (facts, identities, update marks); undefined for a transaction's client, whose statements must stay on
 * its connection.
 */
export function directStatements(db: object): DirectStatements | undefined {
  return direct.get(db);
}
