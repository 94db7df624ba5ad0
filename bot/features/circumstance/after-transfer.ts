// After an employment-related transfer completes, the member is asked once whether their dues category should
// change. Written in the transfer's completing transaction; the dedupe key makes a retry write nothing.
import type { Outbox } from "../../core/outbox.ts";
import { MemberStatus, type Prisma, type TransferReason } from "../../infra/db.ts";
import { AFTER_TRANSFER } from "./circumstance-service.ts";
import { EMPLOYMENT_REASONS } from "./rules.ts";

export async function askAfterTransfer(
  tx: Prisma.TransactionClient,
  outbox: Pick<Outbox, "toMember">,
  transfer: { id: number; memberId: number; reason: TransferReason },
  orgName: string,
): Promise<bigint[]> {
  if (!EMPLOYMENT_REASONS.includes(transfer.reason)) return [];
  const member = await tx.member.findUnique({ where: { id: transfer.memberId }, select: { status: true } });
  if (member?.status !== MemberStatus.ACTIVE) return [];
  return outbox.toMember(tx, transfer.memberId, {
    messageKey: AFTER_TRANSFER,
    args: { org: orgName, reason: transfer.reason },
    buttons: [
      [
        { labelKey: "circumstance-button-after-yes", payload: `circ-after:${transfer.id}:yes` },
        { labelKey: "circumstance-button-after-no", payload: `circ-after:${transfer.id}:no` },
      ],
    ],
    dedupeKey: `circ-after-transfer:${transfer.id}`,
  });
}
