// Reads of a member's transfer (组织关系转接) for the status views; the workflow itself lives elsewhere.
import { type Db, type Prisma, StepStatus, TransferStatus } from "../../infra/db.ts";

type Tx = Prisma.TransactionClient | Db;

const orgName = { select: { name: true } } as const;

/** The member's transfer in progress with its steps in order, or null. */
export async function openTransfer(db: Tx, memberId: number) {
  return db.transferRequest.findFirst({
    where: { memberId, status: TransferStatus.IN_PROGRESS },
    orderBy: { createdAt: "desc" },
    include: {
      fromOrg: orgName,
      toOrg: orgName,
      steps: { orderBy: { seq: "asc" }, include: { org: orgName } },
    },
  });
}

export type OpenTransfer = NonNullable<Awaited<ReturnType<typeof openTransfer>>>;
export type TransferStepView = OpenTransfer["steps"][number];

/** The step waiting for someone: the first pending one. */
export function currentStep<T extends { status: StepStatus; seq: number }>(steps: T[]): T | undefined {
  return steps.find((s) => s.status === StepStatus.PENDING);
}
