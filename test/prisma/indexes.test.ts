// Every foreign key is backed by an index that starts with its columns, so joins and cascades never scan a table.
import pg from "pg";
import { describe, expect, it } from "vitest";
import { cloneTemplate } from "../helpers/test-db.ts";

describe("the schema", () => {
  it("indexes every foreign key", async () => {
    const database = await cloneTemplate();
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      const { rows } = await client.query<{ fk: string }>(`
        SELECT c.conrelid::regclass || '(' || array_to_string(ARRAY(
                 SELECT a.attname FROM unnest(c.conkey) k JOIN pg_attribute a
                   ON a.attrelid = c.conrelid AND a.attnum = k), ',') || ')' AS fk
        FROM pg_constraint c
        WHERE c.contype = 'f' AND NOT EXISTS (
          SELECT 1 FROM pg_index i
          WHERE i.indrelid = c.conrelid
            AND (i.indkey::int2[])[0:array_length(c.conkey, 1) - 1] @> c.conkey
            AND (i.indkey::int2[])[0:array_length(c.conkey, 1) - 1] <@ c.conkey)`);
      expect(rows.map((r) => r.fk)).toEqual([]);
      const { rows: all } = await client.query("SELECT count(*)::int AS n FROM pg_constraint WHERE contype = 'f'");
      expect(all[0].n).toBeGreaterThan(30);
    } finally {
      await client.end();
      await database.drop();
    }
  });
});
