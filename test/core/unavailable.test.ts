// Which failures mean "our storage is out of reach" (answer busy, let Telegram retry) and which are bugs or bad
// data (answer "something went wrong", never retried).
import { describe, expect, it } from "vitest";
import { isUnavailableError } from "../../bot/core/unavailable.ts";

const withCode = (message: string, code: string) => Object.assign(new Error(message), { code });

describe("isUnavailableError", () => {
  it("recognises PostgreSQL gone, as pg and Prisma report it, also when wrapped", () => {
    expect(isUnavailableError(new Error("Connection terminated unexpectedly"))).toBe(true);
    expect(isUnavailableError(new Error("timeout exceeded when trying to connect"))).toBe(true);
    expect(isUnavailableError(withCode("connect ECONNREFUSED 127.0.0.1:5432", "ECONNREFUSED"))).toBe(true);
    expect(isUnavailableError(withCode("terminating connection due to administrator command", "57P01"))).toBe(true);
    expect(isUnavailableError(withCode("sorry, too many clients already", "53300"))).toBe(true);
    expect(isUnavailableError(withCode("Can't reach database server at `db:5432`", "P1001"))).toBe(true);
    const noSlot = "Transaction API error: Unable to start a transaction in the given time.";
    expect(isUnavailableError(withCode(noSlot, "P2028"))).toBe(true);
    expect(isUnavailableError(new Error("query failed", { cause: withCode("reset", "ECONNRESET") }))).toBe(true);
    expect(isUnavailableError(new AggregateError([withCode("refused", "ECONNREFUSED")], "all failed"))).toBe(true);
  });

  it("recognises Redis gone, as ioredis reports it", () => {
    const maxRetries = Object.assign(new Error("Reached the max retries per request limit (which is 1)."), {
      name: "MaxRetriesPerRequestError",
    });
    expect(isUnavailableError(maxRetries)).toBe(true);
    expect(isUnavailableError(new Error("Connection is closed."))).toBe(true);
    expect(isUnavailableError(new Error("Command timed out"))).toBe(true);
  });

  it("leaves bugs and refused data alone", () => {
    expect(isUnavailableError(new TypeError("Cannot read properties of undefined (reading 'id')"))).toBe(false);
    expect(isUnavailableError(withCode("Unique constraint failed on the fields: (`code`)", "P2002"))).toBe(false);
    expect(isUnavailableError(withCode('null value in column "name" violates not-null constraint', "23502"))).toBe(
      false,
    );
    expect(isUnavailableError("a string")).toBe(false);
    expect(isUnavailableError(undefined)).toBe(false);
    const loop: Error & { cause?: unknown } = new Error("loops");
    loop.cause = loop;
    expect(isUnavailableError(loop)).toBe(false);
  });
});
