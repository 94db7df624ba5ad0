// One query at a time on a transaction's connection. Prisma's query interpreter loads the relations of a read with
// several `include`s side by side (Promise.all over the child queries); on a pooled query each gets its own
// connection, but inside `$transaction` they all share one pg client, and pg queues the second behind the first
// with a DeprecationWarning ("client.query() when the client is already executing a query": an error in pg 9).
// Chaining the transaction's queries here gives the order pg's queue gave, without the deprecated path.
import type { SqlDriverAdapter, SqlDriverAdapterFactory, Transaction } from "@prisma/driver-adapter-utils";

function oneAtATime(tx: Transaction): Transaction {
  let tail: Promise<unknown> = Promise.resolve();
  const queued =
    <A extends unknown[], R>(run: (...args: A) => Promise<R>) =>
    (...args: A): Promise<R> => {
      const result = tail.then(() => run.apply(tx, args));
      tail = result.catch(() => undefined);
      return result;
    };
  const queryRaw = queued(tx.queryRaw);
  const executeRaw = queued(tx.executeRaw);
  return new Proxy(tx, {
    get(target, prop, receiver) {
      if (prop === "queryRaw") return queryRaw;
      if (prop === "executeRaw") return executeRaw;
      return Reflect.get(target, prop, receiver);
    },
  });
}

function withSerialTransactions(adapter: SqlDriverAdapter): SqlDriverAdapter {
  return new Proxy(adapter, {
    get(target, prop, receiver) {
      if (prop === "startTransaction") {
        return async (...args: Parameters<SqlDriverAdapter["startTransaction"]>) =>
          oneAtATime(await target.startTransaction(...args));
      }
      return Reflect.get(target, prop, receiver);
    },
  });
}

export function serialTransactions<F extends SqlDriverAdapterFactory>(factory: F): F {
  return new Proxy(factory, {
    get(target, prop, receiver) {
      if (prop === "connect") return async () => withSerialTransactions(await target.connect());
      return Reflect.get(target, prop, receiver);
    },
  });
}
