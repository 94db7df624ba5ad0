// PostgreSQL goes away with the answer to a send's claim: the claim may have committed (the row says a send began)
// though the worker never called the platform. The next try must send it, not end it "outcome unknown".
import { describe, expect, it } from "vitest";
import { directStatements } from "../../../bot/infra/db.ts";
import { createTestApp } from "../../helpers/test-app.ts";
import { directDelivery, outboxRow, telegramPerson } from "../fake-sender.ts";

const app = await createTestApp({ QUIET_HOURS_START: "00:00", QUIET_HOURS_END: "00:00" });

describe("PostgreSQL lost at the claim", () => {
  it("sends the message on the next try, once", async () => {
    const person = await telegramPerson(app);
    const row = await app.deps.db.outboxMessage.create({
      data: { identityId: person.id, messageKey: "start-help-text", status: "QUEUED" },
    });
    const delivered: string[] = [];
    const processDelivery = directDelivery(app, row.id, delivered);

    // The claim's UPDATE commits; its answer never reaches the worker.
    const direct = directStatements(app.deps.db)!;
    const query = direct.query.bind(direct);
    let cut = false;
    direct.query = (async (text: string, values?: unknown[]) => {
      const result = await query(text, values as never);
      if (!cut && text.includes("SET status = 'SENDING'")) {
        cut = true;
        throw new Error("Connection terminated unexpectedly");
      }
      return result;
    }) as typeof direct.query;
    try {
      await expect(processDelivery()).rejects.toThrow("Connection terminated unexpectedly");
    } finally {
      direct.query = query;
    }
    expect(await outboxRow(app, row.id)).toMatchObject({ status: "SENDING" });
    expect(delivered).toEqual([]);

    expect(await processDelivery()).toBe("sent");
    expect(await outboxRow(app, row.id)).toMatchObject({ status: "SENT", lastError: null });
    expect(delivered).toEqual([person.chatId]);
  });
});
