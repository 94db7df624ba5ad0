// Names for the statements pg should prepare once per connection. PostgreSQL parses and plans an unnamed statement
// on every execution: for the status look-up's one statement that was 1.2 ms of planning against 0.9 ms of work
// (bench:chat), and every Prisma query pays its share too. A named statement is parsed once per connection and, once
// PostgreSQL finds its generic plan as good, planned once. The name is derived from the text, so one name never
// stands for two texts. A connection keeps every statement it prepared until it closes, so only the first `limit`
// distinct texts below `maxLength` get a name: the everyday queries, which run from the first minutes on, and not
// every length of a bulk insert's VALUES list.
import { createHash } from "node:crypto";

export const NAMED_STATEMENTS = 400;
export const NAMED_STATEMENT_MAX_LENGTH = 8_192;

export function statementNames(limit = NAMED_STATEMENTS, maxLength = NAMED_STATEMENT_MAX_LENGTH) {
  const names = new Map<string, string>();
  return (query: { sql: string }): string | undefined => {
    const known = names.get(query.sql);
    if (known !== undefined || names.size >= limit || query.sql.length > maxLength) return known;
    const name = `tz_${createHash("sha1").update(query.sql).digest("base64url")}`;
    names.set(query.sql, name);
    return name;
  };
}
