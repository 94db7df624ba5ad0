// POST /payments/callback: an online payment provider reports a paid request. The body is signed with
// HMAC-SHA256 over the raw bytes (PAYMENT_CALLBACK_SECRET); anything unsigned is refused before it is parsed.
// Idempotent by the provider's transaction id: a replay answers 200 and changes nothing. The amount must equal
// the request's total; a mismatch changes nothing and is audited for a person to look at.
import { createHmac, timingSafeEqual } from "node:crypto";
import type { FastifyPluginAsync } from "fastify";
import { z } from "zod";
import type { CoreDeps } from "../core/feature.ts";
import { settlePayment } from "../features/dues/ledger.ts";
import { tellSettled } from "../features/dues/payment-service.ts";
import { PaymentMethod, PaymentStatus, Prisma } from "../infra/db.ts";

export const CALLBACK_PATH = "/payments/callback";
export const SIGNATURE_HEADER = "x-signature";
/** Who the audit log names for ledger changes the provider causes. */
export const CALLBACK_ACTOR = "callback";

export type PaymentsCallbackDeps = Pick<CoreDeps, "db" | "audit" | "outbox" | "now" | "config" | "logger">;

const callbackBody = z.object({
  reference: z.string().min(1).max(40),
  transactionId: z.string().min(1).max(100),
  amountFen: z.number().int().positive(),
});
export type PaymentCallback = z.infer<typeof callbackBody>;

/** The header value a provider sends for a body: "sha256=<hex>". */
export function signBody(secret: string, body: string | Buffer): string {
  return `sha256=${createHmac("sha256", secret).update(body).digest("hex")}`;
}

function signatureMatches(secret: string, body: Buffer, given: unknown): boolean {
  if (typeof given !== "string") return false;
  const expected = Buffer.from(signBody(secret, body));
  const actual = Buffer.from(given.trim().toLowerCase());
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

type Outcome =
  | { code: 200; body: { status: "settled" | "already-settled"; reference: string; months?: number } }
  | { code: 404 | 409 | 422; body: { error: string } };

/**
 * Registered only when PAYMENT_CALLBACK_SECRET is set: without a secret nothing could be verified, so the route
 * does not exist (404) rather than accept unsigned money.
 */
export const paymentsCallbackRoutes: FastifyPluginAsync<PaymentsCallbackDeps> = async (app, deps) => {
  const secret = deps.config.PAYMENT_CALLBACK_SECRET;
  if (!secret) return;

  // The signature covers the exact bytes, so this plugin keeps JSON bodies raw (scoped: other routes still parse).
  app.addContentTypeParser("application/json", { parseAs: "buffer" }, (_request, body, done) => done(null, body));

  // The provider proves itself with the signature and must never be throttled into losing a payment.
  app.post(CALLBACK_PATH, { config: { rateLimit: false } }, async (request, reply) => {
    const raw = request.body;
    if (!Buffer.isBuffer(raw)) return reply.code(415).send({ error: "application/json expected" });
    if (!signatureMatches(secret, raw, request.headers[SIGNATURE_HEADER])) {
      request.log.warn("payment callback with a bad signature");
      return reply.code(401).send({ error: "Unauthorized" });
    }
    let parsed: PaymentCallback;
    try {
      parsed = callbackBody.parse(JSON.parse(raw.toString("utf8")));
    } catch {
      return reply.code(400).send({ error: "expected { reference, transactionId, amountFen }" });
    }
    const outcome = await handleCallback(deps, parsed);
    return reply.code(outcome.code).send(outcome.body);
  });
};

/** Applies one verified callback. Exported for tests of the rules without HTTP. */
export async function handleCallback(deps: PaymentsCallbackDeps, cb: PaymentCallback): Promise<Outcome> {
  const payment = await deps.db.duesPayment.findUnique({
    where: { reference: cb.reference },
    select: {
      id: true,
      status: true,
      amountFen: true,
      providerTxnId: true,
      member: { select: { id: true, orgId: true } },
    },
  });
  if (!payment) return { code: 404, body: { error: "unknown reference" } };
  if (payment.providerTxnId === cb.transactionId) {
    return { code: 200, body: { status: "already-settled", reference: cb.reference } };
  }
  const refuse = async (code: 409 | 422, why: string, data: Record<string, unknown> = {}): Promise<Outcome> => {
    deps.logger.warn({ reference: cb.reference, transactionId: cb.transactionId, why }, "payment callback refused");
    await deps.audit.record({
      actorLabel: CALLBACK_ACTOR,
      action: "dues.callback.refused",
      orgId: payment.member.orgId,
      targetType: "DuesPayment",
      targetId: payment.id,
      data: { why, transactionId: cb.transactionId, amountFen: cb.amountFen, ...data } as Prisma.InputJsonValue,
    });
    return { code, body: { error: why } };
  };
  if (cb.amountFen !== payment.amountFen) {
    return refuse(422, "amount does not match the payment request", { expectedFen: payment.amountFen });
  }
  // A request withdrawn by the member can still be paid: the money arrived. A confirmed or rejected one cannot.
  if (payment.status === PaymentStatus.CONFIRMED || payment.status === PaymentStatus.REJECTED) {
    return refuse(409, `payment request already ${payment.status.toLowerCase()}`, {
      otherTransactionId: payment.providerTxnId,
    });
  }

  const ids: bigint[] = [];
  try {
    const outcome = await deps.db.$transaction(async (tx): Promise<Outcome | "lost"> => {
      const claimed = await tx.duesPayment.updateMany({
        where: {
          id: payment.id,
          status: { in: [PaymentStatus.PENDING, PaymentStatus.EXPIRED] },
          providerTxnId: null,
        },
        data: { status: PaymentStatus.PENDING, providerTxnId: cb.transactionId, method: PaymentMethod.CALLBACK },
      });
      if (claimed.count === 0) return "lost";
      const result = await settlePayment(tx, payment.id, { label: CALLBACK_ACTOR }, deps.now());
      if (!result.settled) return "lost";
      ids.push(...(await tellSettled(deps, tx, result)));
      return { code: 200, body: { status: "settled", reference: cb.reference, months: result.months.length } };
    });
    if (outcome !== "lost") {
      await deps.outbox.dispatch(ids);
      return outcome;
    }
  } catch (error) {
    // The same transaction id already settles another request.
    if (!(error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002")) throw error;
    return refuse(409, "transaction id already used for another payment request");
  }
  // A concurrent delivery of the same callback, a leader's confirmation or another transaction got there first.
  const now = await deps.db.duesPayment.findUniqueOrThrow({
    where: { id: payment.id },
    select: { providerTxnId: true, status: true },
  });
  if (now.providerTxnId === cb.transactionId) {
    return { code: 200, body: { status: "already-settled", reference: cb.reference } };
  }
  return refuse(409, `payment request already ${now.status.toLowerCase()}`, { otherTransactionId: now.providerTxnId });
}
