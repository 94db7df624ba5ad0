// The online payment provider's callback through the real fastify server: signed bodies settle the request and
// tell the member; a bad signature, a replay, a wrong amount or an unknown reference change nothing.
import { describe, expect, it } from "vitest";
import { CALLBACK_PATH, SIGNATURE_HEADER, signBody } from "../../../bot/http/payments-callback.ts";
import { createHttpServer } from "../../../bot/http/server.ts";
import { renderRow } from "../../../workers/delivery/render.ts";
import { createTestApp } from "../../helpers/test-app.ts";
import { chatAsMember } from "../membership/member-chat.ts";

const SECRET = "provider-shared-secret-0123456789";
const app = await createTestApp({ PAYMENT_CALLBACK_SECRET: SECRET, CHAT_RATE_PER_MINUTE: "500" });
const { db } = app.deps;
const http = createHttpServer(app.deps);

const zhao = await chatAsMember(app, "202101000006", { platform: "telegram" });

async function newRequest(months: number) {
  await zhao.chat.say("/pay");
  await zhao.chat.press(`dues-pay:${months}`);
  const [reply] = await zhao.chat.press(`dues-extra:${months}:0`);
  const reference = /TF-[A-Z0-9]{6}/.exec(reply!.text)![0];
  return db.duesPayment.findUniqueOrThrow({ where: { reference } });
}

function post(body: unknown, signature?: string) {
  const payload = typeof body === "string" ? body : JSON.stringify(body);
  return http.inject({
    method: "POST",
    url: CALLBACK_PATH,
    headers: {
      "content-type": "application/json",
      ...(signature === undefined
        ? { [SIGNATURE_HEADER]: signBody(SECRET, payload) }
        : { [SIGNATURE_HEADER]: signature }),
    },
    payload,
  });
}

/** Everything the callback may change, to compare before and after a refused call. */
async function ledgerState() {
  return {
    months: await db.duesMonth.count({ where: { memberId: zhao.member.id } }),
    payments: await db.duesPayment.findMany({
      where: { memberId: zhao.member.id },
      select: { id: true, status: true, providerTxnId: true, method: true },
      orderBy: { id: "asc" },
    }),
    outbox: await db.outboxMessage.count({ where: { identity: { memberId: zhao.member.id } } }),
  };
}

describe("POST /payments/callback", () => {
  it("settles a signed payment, oldest months first, tells the member and audits the provider", async () => {
    const payment = await newRequest(7);
    expect(payment.amountFen).toBe(140);
    const owedBefore = await db.duesMonth.count({ where: { memberId: zhao.member.id } });

    const res = await post({ reference: payment.reference, transactionId: "wx-4200001", amountFen: 140 });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: "settled", reference: payment.reference, months: 7 });

    expect(await db.duesPayment.findUniqueOrThrow({ where: { id: payment.id } })).toMatchObject({
      status: "CONFIRMED",
      method: "CALLBACK",
      providerTxnId: "wx-4200001",
    });
    expect(await db.duesMonth.count({ where: { memberId: zhao.member.id } })).toBe(owedBefore + 7);
    expect(await zhao.chat.text("/dues")).toContain("欠缴情况：无欠缴");
    const audit = await db.auditLog.findFirstOrThrow({
      where: { action: "dues.payment.settled", targetId: String(payment.id) },
    });
    expect(audit).toMatchObject({ actorId: null, actorLabel: "callback" });

    const row = await db.outboxMessage.findFirstOrThrow({
      where: { identity: { memberId: zhao.member.id }, messageKey: "dues-settled-member" },
    });
    const told = await renderRow(row, "zh-CN", app.deps, undefined);
    expect(told.text).toMatch(
      new RegExp(`^你的团费缴费单 ${payment.reference} 已确认到账：7 个月，共 1\\.40 元。已缴至 \\d{4}年\\d{1,2}月。$`),
    );
  });

  it("answers a replay 200 and changes nothing", async () => {
    const payment = await db.duesPayment.findFirstOrThrow({ where: { providerTxnId: "wx-4200001" } });
    const before = await ledgerState();
    const body = { reference: payment.reference, transactionId: "wx-4200001", amountFen: 140 };
    const replays = await Promise.all([post(body), post(body)]);
    for (const res of replays) {
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({ status: "already-settled", reference: payment.reference });
    }
    expect(await ledgerState()).toEqual(before);
  });

  it("settles a request delivered twice at once exactly once", async () => {
    const payment = await newRequest(2);
    const body = { reference: payment.reference, transactionId: "wx-4200002", amountFen: payment.amountFen };
    const results = await Promise.all([post(body), post(body), post(body)]);
    expect(results.map((r) => r.statusCode)).toEqual([200, 200, 200]);
    expect(results.map((r) => r.json().status).sort()).toEqual(["already-settled", "already-settled", "settled"]);
    expect(await db.duesMonth.count({ where: { paymentId: payment.id } })).toBe(2);
    expect(
      await db.outboxMessage.count({
        where: { identity: { memberId: zhao.member.id }, messageKey: "dues-settled-member" },
      }),
    ).toBe(2);
  });

  it("refuses a bad or missing signature with 401 and changes nothing", async () => {
    const payment = await newRequest(1);
    const before = await ledgerState();
    const body = JSON.stringify({ reference: payment.reference, transactionId: "wx-forged", amountFen: 20 });
    const forged = [
      signBody("some-other-secret-0123456789", body),
      signBody(SECRET, `${body} `),
      "sha256=",
      "",
      signBody(SECRET, body).toUpperCase().replace("SHA256", "md5"),
    ];
    for (const signature of forged) {
      const res = await post(body, signature);
      expect(res.statusCode, signature).toBe(401);
    }
    const unsigned = await http.inject({
      method: "POST",
      url: CALLBACK_PATH,
      headers: { "content-type": "application/json" },
      payload: body,
    });
    expect(unsigned.statusCode).toBe(401);
    expect(await ledgerState()).toEqual(before);
  });

  it("refuses an amount that differs from the request with 422, changes nothing and audits it", async () => {
    const payment = await db.duesPayment.findFirstOrThrow({
      where: { memberId: zhao.member.id, status: "PENDING" },
      orderBy: { id: "desc" },
    });
    const before = await ledgerState();
    const res = await post({
      reference: payment.reference,
      transactionId: "wx-4200003",
      amountFen: payment.amountFen - 1,
    });
    expect(res.statusCode).toBe(422);
    expect(res.json()).toEqual({ error: "amount does not match the payment request" });
    expect(await ledgerState()).toEqual(before);
    const audit = await db.auditLog.findFirstOrThrow({
      where: { action: "dues.callback.refused", targetId: String(payment.id) },
      orderBy: { id: "desc" },
    });
    expect(audit).toMatchObject({ actorLabel: "callback" });
    expect(audit.data).toMatchObject({ transactionId: "wx-4200003", amountFen: 19, expectedFen: 20 });

    // The right amount afterwards still settles it.
    const ok = await post({ reference: payment.reference, transactionId: "wx-4200003", amountFen: payment.amountFen });
    expect(ok.statusCode).toBe(200);
  });

  it("answers 404 for an unknown reference and 409 for a transaction id or request already used", async () => {
    const before = await ledgerState();
    const unknown = await post({ reference: "TF-ZZZZZZ", transactionId: "wx-4200009", amountFen: 20 });
    expect(unknown.statusCode).toBe(404);
    const settled = await db.duesPayment.findFirstOrThrow({ where: { providerTxnId: "wx-4200001" } });
    const again = await post({ reference: settled.reference, transactionId: "wx-other", amountFen: settled.amountFen });
    expect(again.statusCode).toBe(409);
    expect(await ledgerState()).toEqual(before);

    const fresh = await newRequest(1);
    const mid = await ledgerState();
    const reused = await post({ reference: fresh.reference, transactionId: "wx-4200001", amountFen: fresh.amountFen });
    expect(reused.statusCode).toBe(409);
    expect(await ledgerState()).toEqual(mid);
  });

  it("answers 400 for a signed body that is not a callback", async () => {
    for (const body of [
      "not json",
      "{}",
      JSON.stringify({ reference: "TF-ABCDEF", transactionId: "x", amountFen: 1.5 }),
    ]) {
      expect((await post(body)).statusCode, body).toBe(400);
    }
  });

  it("does not exist without PAYMENT_CALLBACK_SECRET", async () => {
    const plain = createHttpServer({ ...app.deps, config: { ...app.deps.config, PAYMENT_CALLBACK_SECRET: undefined } });
    const res = await plain.inject({ method: "POST", url: CALLBACK_PATH, payload: {} });
    expect(res.statusCode).toBe(404);
    await plain.close();
  });
});
