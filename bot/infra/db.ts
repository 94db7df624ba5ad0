import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../../prisma/generated/client.ts";
import { serialTransactions } from "./serial-transactions.ts";
import { statementNames } from "./statement-names.ts";

export type Db = PrismaClient;
export * from "../../prisma/generated/client.ts";

export function createDb(databaseUrl: string, poolSize = 10): Db {
  // JIT off for every session: our statements are short, and PostgreSQL's cost guess for some (organisation
  // search, with its expensive token function) starts a compile of 40-50 ms that the query itself does not need.
  return new PrismaClient({
    // A server that takes the connection but never answers must not hold a chat message for ever: after 10 s
    // it is an error (so is waiting that long for a free pool slot), and the person is told the system is busy.
    // One query at a time inside a transaction (see serial-transactions.ts).
    adapter: serialTransactions(
      new PrismaPg(
        {
          connectionString: databaseUrl,
          max: poolSize,
          options: "-c jit=off",
          connectionTimeoutMillis: 10_000,
        },
        // Typed as always naming; pg leaves a statement without a name unprepared, as before.
        { statementNameGenerator: statementNames() as (query: { sql: string }) => string },
      ),
    ),
  });
}
