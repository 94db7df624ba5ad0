// The workflow's reads of a request or step with what its messages name, each one statement inside the unit of
// work, where Prisma's includes were four to six (bench:chat: a transfer application's CPU was Prisma's work per
// query, not PostgreSQL's).
import {
  type Db,
  type OrgKind,
  type OrgLevel,
  Prisma,
  type TransferRequest,
  type TransferStep,
} from "../../infra/db.ts";
import { readFact, readFacts } from "../../infra/facts.ts";
import { type Json, nameOf, pairs, STEP, stepFromJson, TRANSFER, transferFromJson } from "./transfer-columns.ts";

type Tx = Prisma.TransactionClient;

export type LoadedTransfer = TransferRequest & {
  member: { name: string };
  fromOrg: { name: string };
  toOrg: { name: string; level: OrgLevel };
};

export type ScopedStep = TransferStep & {
  org: { name: string; ancestorIds: number[] };
  transfer: LoadedTransfer;
};

// `t` is the request.
const LOADED = `json_build_object(${pairs("t", TRANSFER)},
  'member', ${nameOf("members", "t.member_id")},
  'fromOrg', ${nameOf("organisations", "t.from_org_id")},
  'toOrg', (SELECT json_build_object('name', o.name, 'level', o.level) FROM organisations o WHERE o.id = t.to_org_id))`;

const loadedFromJson = (row: Json<LoadedTransfer>): LoadedTransfer => transferFromJson(row);

export function loadTransfer(tx: Tx, id: number): Promise<LoadedTransfer | null> {
  return readFact(tx, {
    sql: Prisma.sql`SELECT ${Prisma.raw(LOADED)} FROM transfer_requests t WHERE t.id = ${id}`,
    parse: (value) => (value ? loadedFromJson(value as Json<LoadedTransfer>) : null),
  });
}

export function loadStep(db: Tx | Db, id: number): Promise<ScopedStep | null> {
  return readFact(db, {
    sql: Prisma.sql`
      SELECT json_build_object(${Prisma.raw(pairs("s", STEP))},
        'org', json_build_object('name', so.name, 'ancestorIds', so.ancestor_ids),
        'transfer', ${Prisma.raw(LOADED)})
      FROM transfer_steps s
      JOIN organisations so ON so.id = s.org_id
      JOIN transfer_requests t ON t.id = s.transfer_id
      WHERE s.id = ${id}`,
    parse: (value) => {
      if (!value) return null;
      const row = value as Json<Omit<ScopedStep, "transfer">> & { transfer: Json<LoadedTransfer> };
      return { ...stepFromJson(row), transfer: loadedFromJson(row.transfer) };
    },
  });
}

/** What a submission checks, read after the member's row is locked: open requests, the destination, where from. */
export function submitFacts(tx: Tx, memberId: number, toOrgId: number) {
  return readFacts(tx, {
    open: {
      sql: Prisma.sql`SELECT count(*)::int FROM transfer_requests WHERE member_id = ${memberId} AND status = 'IN_PROGRESS'`,
      parse: (value) => value as number,
    },
    to: {
      sql: Prisma.sql`SELECT json_build_object('id', id, 'name', name, 'kind', kind, 'level', level)
        FROM organisations WHERE id = ${toOrgId}`,
      parse: (value) => (value ?? null) as { id: number; name: string; kind: OrgKind; level: OrgLevel } | null,
    },
    fromName: {
      sql: Prisma.sql`SELECT o.name FROM members m JOIN organisations o ON o.id = m.org_id WHERE m.id = ${memberId}`,
      parse: (value) => value as string,
    },
  });
}
