// Where a member pays dues: each organisation may say how ("微信转账给团支书王芳"); a branch without its own
// method uses the nearest organisation above it that has one. Leaders set it for organisations in their scope.
import type { CoreDeps } from "../../core/feature.ts";
import { type Db, Prisma } from "../../infra/db.ts";
import { type Fact, readFact } from "../../infra/facts.ts";

type Tx = Prisma.TransactionClient | Db;

/** A method is a sentence or two (an account, a QR code's whereabouts), never a document. */
export const MAX_METHOD_LENGTH = 300;

export interface PaymentMethod {
  text: string;
  /** The organisation that set it (the member's own branch, or the one above it whose method applies). */
  orgName: string;
}

interface OrgMethod {
  id: number;
  name: string;
  duesPaymentMethod: string | null;
}

/** The deepest organisation on the path (root first) with a method set; null when none has one. */
export function pickPaymentMethod(orgs: OrgMethod[], ancestorIds: readonly number[]): PaymentMethod | null {
  for (const id of [...ancestorIds].reverse()) {
    const org = orgs.find((o) => o.id === id);
    if (org?.duesPaymentMethod) return { text: org.duesPaymentMethod, orgName: org.name };
  }
  return null;
}

/** The method for a member of `orgId` (pickPaymentMethod over its path): a fact, so the dues view reads it in the
 * same statement as the rest. */
export function paymentMethodFact(orgId: number): Fact<PaymentMethod | null> {
  return {
    sql: Prisma.sql`
      SELECT COALESCE(json_agg(json_build_object('id', o.id, 'name', o.name, 'duesPaymentMethod', o.dues_payment_method)
                               ORDER BY path.n), '[]')
      FROM organisations own, unnest(own.ancestor_ids) WITH ORDINALITY AS path(id, n)
      JOIN organisations o ON o.id = path.id
      WHERE own.id = ${orgId}`,
    parse: (value) => {
      const path = value as OrgMethod[];
      return pickPaymentMethod(
        path,
        path.map((o) => o.id),
      );
    },
  };
}

export function paymentMethodFor(db: Tx, orgId: number): Promise<PaymentMethod | null> {
  return readFact(db, paymentMethodFact(orgId));
}

/** Sets (or with null clears) an organisation's method; the caller has checked the actor's scope. Audited. */
export async function setPaymentMethod(
  deps: Pick<CoreDeps, "db" | "audit">,
  actor: { memberId?: number; label?: string },
  orgId: number,
  text: string | null,
) {
  await deps.db.$transaction(async (tx) => {
    const before = await tx.organisation.findUniqueOrThrow({
      where: { id: orgId },
      select: { duesPaymentMethod: true },
    });
    await tx.organisation.update({ where: { id: orgId }, data: { duesPaymentMethod: text } });
    await deps.audit.record(
      {
        ...(actor.memberId === undefined ? {} : { actorId: actor.memberId }),
        ...(actor.label ? { actorLabel: actor.label } : {}),
        action: "dues.payment-method",
        orgId,
        targetType: "Organisation",
        targetId: orgId,
        data: { before: before.duesPaymentMethod, after: text },
      },
      tx,
    );
  });
}
