// Transfers and their steps as JSON built in SQL, for the reads that take a request or step with what it names in
// one statement (the chat's timeline, the workflow's loads). Every field of each model and its column: `satisfies`
// makes a field added to the schema a compile error here.
import type { TransferRequest, TransferStep } from "../../infra/db.ts";
import { jsonTime } from "../../infra/utc-values.ts";

export const TRANSFER = {
  id: "id",
  memberId: "member_id",
  fromOrgId: "from_org_id",
  toOrgId: "to_org_id",
  assignedOrgId: "assigned_org_id",
  reason: "reason",
  reasonNote: "reason_note",
  destinationName: "destination_name",
  status: "status",
  initiatedById: "initiated_by_id",
  previousId: "previous_id",
  createdAt: "created_at",
  closedAt: "closed_at",
} as const satisfies Record<keyof TransferRequest, string>;

export const STEP = {
  id: "id",
  transferId: "transfer_id",
  seq: "seq",
  kind: "kind",
  orgId: "org_id",
  status: "status",
  startedAt: "started_at",
  dueAt: "due_at",
  slaHours: "sla_hours",
  slaBusinessHours: "sla_business_hours",
  escalationLevel: "escalation_level",
  slaStage: "sla_stage",
  claimedLevel: "claimed_level",
  claimedById: "claimed_by_id",
  claimedAt: "claimed_at",
  decidedById: "decided_by_id",
  decidedAt: "decided_at",
  rejectCode: "reject_code",
  note: "note",
} as const satisfies Record<keyof TransferStep, string>;

/** `'field', alias.column, …` for json_build_object. */
export const pairs = (alias: string, fields: Record<string, string>) =>
  Object.entries(fields)
    .map(([field, column]) => `'${field}', ${alias}.${column}`)
    .join(", ");

/** A related row as `{ name }`, or null when the join found none. */
export const named = (alias: string) =>
  `CASE WHEN ${alias}.id IS NULL THEN NULL ELSE json_build_object('name', ${alias}.name) END`;

/** `{ name }` of the row of `table` whose id is `id` (an SQL expression), or null: a subquery, so no join to alias. */
export const nameOf = (table: string, id: string) =>
  `(SELECT json_build_object('name', x.name) FROM ${table} x WHERE x.id = ${id})`;

/** A model's row as JSON carries it: times as text. */
export type Json<T> = { [K in keyof T]: T[K] extends Date ? string : T[K] extends Date | null ? string | null : T[K] };

export const transferFromJson = <T extends Json<TransferRequest>>(row: T) => ({
  ...row,
  createdAt: jsonTime(row.createdAt),
  closedAt: jsonTime(row.closedAt),
});

export const stepFromJson = <T extends Json<TransferStep>>(step: T) => ({
  ...step,
  startedAt: jsonTime(step.startedAt),
  dueAt: jsonTime(step.dueAt),
  claimedAt: jsonTime(step.claimedAt),
  decidedAt: jsonTime(step.decidedAt),
});
