// The audit log: every privileged action and every look-up of someone else's record.
import type { Db, Prisma } from "../infra/db.ts";

export interface AuditEntry {
  actorId?: number | null;
  actorLabel?: string;
  action: string;
  orgId?: number | null;
  targetType?: string;
  targetId?: string | number;
  data?: Prisma.InputJsonValue;
}

type Writer = Pick<Db, "auditLog">;

export function createAudit(db: Db) {
  return {
    /** Writes through `tx` when given, so the entry commits or rolls back with the action it records. */
    async record(entry: AuditEntry, tx: Writer = db) {
      await tx.auditLog.create({
        data: {
          actorId: entry.actorId ?? null,
          actorLabel: entry.actorLabel ?? (entry.actorId ? `member:${entry.actorId}` : "system"),
          action: entry.action,
          orgId: entry.orgId ?? null,
          targetType: entry.targetType ?? null,
          targetId: entry.targetId === undefined ? null : String(entry.targetId),
          data: entry.data ?? {},
        },
      });
    },
  };
}
export type Audit = ReturnType<typeof createAudit>;
