// Names for the statements pg should prepare once per connection. PostgreSQL parses and plans an unnamed statement
// on every execution: for the status look-up's one statement that was 1.2 ms of planning against 0.9 ms of work
// (bench:chat). A named statement is parsed once per connection and, once PostgreSQL finds its generic plan as
// good as the custom ones, planned once.
//
// Which statements: Prisma's own (reads and writes of a model, by key or simple filters; they name their tables
// "public"."…") and our raw SQL that asks for it with PREPARED at its start (the chat path's facts). Other raw
// SQL — reports, scans, feeders, whose cost depends on which organisation or how many rows a parameter means — is
// left to a plan per execution, as before. The name is derived from the text, so one name never stands for two
// texts; a connection keeps what it prepared until it closes, so only the first `limit` distinct texts below
// `maxLength` get a name (not every length of a bulk insert's VALUES list).
import { createHash } from "node:crypto";

export const NAMED_STATEMENTS = 400;
export const NAMED_STATEMENT_MAX_LENGTH = 8_192;

/** The start of raw SQL that should be prepared (a comment: PostgreSQL ignores it). */
export const PREPARED = "/* prepared */ ";

const worthPreparing = (sql: string) => sql.startsWith(PREPARED) || sql.includes('"public".');

export function statementNames(limit = NAMED_STATEMENTS, maxLength = NAMED_STATEMENT_MAX_LENGTH) {
  const names = new Map<string, string>();
  return (query: { sql: string }): string | undefined => {
    const known = names.get(query.sql);
    if (known !== undefined || names.size >= limit || query.sql.length > maxLength) return known;
    if (!worthPreparing(query.sql)) return undefined;
    const name = `tz_${createHash("sha1").update(query.sql).digest("base64url")}`;
    names.set(query.sql, name);
    return name;
  };
}
