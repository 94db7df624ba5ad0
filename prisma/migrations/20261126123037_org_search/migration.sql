-- Organisation search (bot/features/orgs/org-search.ts). Hand-written: Prisma's schema cannot express an
-- expression index, and its diff leaves one alone, so schema.prisma is unchanged.
-- No semicolons inside statements or comments here: the migration runner splits the script at each one.
--
-- Each organisation's search tokens, from its name and short name (lower-cased, letters and digits only): every
-- character, every pair of neighbouring characters, and "^" + the first character. From its pinyin every three
-- letters as "~" + trigram. From its initials every two letters as "#" + pair. Chinese words are mostly two
-- characters, so pairs find a fragment anywhere in a name. The query side (the same rules, in TypeScript) asks for
-- all of a query's tokens, or for all but those one wrong or missing character spoils. GIN answers "contains" from
-- the index alone, without recomputing the tokens of the rows it returns.
CREATE FUNCTION org_search_tokens(name text, short_name text, pinyin text, initials text) RETURNS text[]
  -- COST: its true cost (about 250 µs a row). With the default the planner would rather run it on every row in a
  -- sequential scan than read the index whenever it expects a "contains" to match many rows. PARALLEL UNSAFE: at
  -- that cost it would start parallel workers (10-20 ms each) for a search that reads a few index pages.
  LANGUAGE sql IMMUTABLE PARALLEL UNSAFE COST 10000
  AS $$
    WITH words(v) AS (
      VALUES (lower(regexp_replace(coalesce(name, ''), '[^[:alnum:]]+', '', 'g'))),
             (lower(regexp_replace(coalesce(short_name, ''), '[^[:alnum:]]+', '', 'g')))
    ), latin(p, k) AS (VALUES (coalesce(pinyin, ''), coalesce(initials, '')))
    SELECT coalesce(array_agg(DISTINCT t), '{}') FROM (
      SELECT substr(v, i, 1) FROM words, generate_series(1, char_length(v)) i
      UNION ALL SELECT substr(v, i, 2) FROM words, generate_series(1, char_length(v) - 1) i
      UNION ALL SELECT '^' || left(v, 1) FROM words WHERE v <> ''
      UNION ALL SELECT '~' || substr(p, i, 3) FROM latin, generate_series(1, char_length(p) - 2) i
      UNION ALL SELECT '#' || substr(k, i, 2) FROM latin, generate_series(1, char_length(k) - 1) i
    ) AS u(t)
  $$;

-- fastupdate off: with a pending list every search would scan all recent inserts (megabytes) linearly.
-- Organisations change rarely, so paying at insert time is the right side.
CREATE INDEX "organisations_search_idx" ON "organisations"
  USING gin (org_search_tokens("name", "short_name", "pinyin", "initials")) WITH (fastupdate = off);
