// Reads and writes of the organisation tree that several features share.
import { pinyin } from "pinyin-pro";
import { type Db, type OrgKind, type OrgLevel, Prisma } from "../../infra/db.ts";
import type { Fact } from "../../infra/facts.ts";
import { ancestorsOf } from "./tree.ts";

type Tx = Prisma.TransactionClient | Db;

/** Pinyin initials of the Chinese characters ("华南理工大学" → "hnlgdx"), for search by initials. */
export function initialsOf(name: string): string {
  return pinyin(name, { pattern: "first", toneType: "none", type: "array", nonZh: "removed" }).join("").toLowerCase();
}

/** Toneless full pinyin ("华南理工大学" → "huananligongdaxue"), for search by pinyin. */
export function pinyinOf(name: string): string {
  return pinyin(name, { toneType: "none", type: "array", nonZh: "removed" }).join("").toLowerCase();
}

export async function createOrganisation(
  db: Tx,
  input: {
    code: string;
    name: string;
    shortName?: string;
    level: OrgLevel;
    kind?: OrgKind;
    parentId?: number | null;
  },
) {
  const parent = input.parentId ? await db.organisation.findUniqueOrThrow({ where: { id: input.parentId } }) : null;
  const created = await db.organisation.create({
    data: {
      code: input.code,
      name: input.name,
      shortName: input.shortName ?? null,
      initials: initialsOf(input.name),
      pinyin: pinyinOf(input.name),
      level: input.level,
      kind: input.kind ?? "OTHER",
      parentId: parent?.id ?? null,
      depth: parent ? parent.depth + 1 : 0,
    },
  });
  return db.organisation.update({
    where: { id: created.id },
    data: { ancestorIds: ancestorsOf(parent?.ancestorIds ?? null, created.id) },
  });
}

/** "广东省团委 › 广州市团委 › … › 计科1班团支部": the organisation's path from the root down to itself, with names. */
export function orgPathFact(orgId: number): Fact<{ id: number; name: string }[]> {
  return {
    sql: Prisma.sql`
      SELECT COALESCE(json_agg(json_build_object('id', a.id, 'name', a.name) ORDER BY u.n), '[]')
      FROM organisations o, unnest(o.ancestor_ids) WITH ORDINALITY AS u(id, n)
      JOIN organisations a ON a.id = u.id WHERE o.id = ${orgId}`,
    parse: (value) => value as { id: number; name: string }[],
  };
}

export async function orgPathNames(db: Tx, ids: number[]): Promise<string[]> {
  const orgs = await db.organisation.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } });
  const byId = new Map(orgs.map((o) => [o.id, o.name]));
  return ids.map((id) => byId.get(id) ?? "?");
}
