// Forged or odd arguments in buttons and commands: every button any feature registers declares a schema, and a
// payload that fails it gets the "expired button" reply; no handler runs, nothing is stored, no error is logged.
import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { idArg, partsArg, wordArg } from "../../bot/core/args.ts";
import { features } from "../../bot/features/index.ts";
import { createLogger } from "../../bot/infra/logger.ts";
import { chatAsMember } from "../features/membership/member-chat.ts";
import { createTestApp } from "../helpers/test-app.ts";

const app = await createTestApp({ CHAT_RATE_PER_MINUTE: "100000" });

// Every line the core logs while these tests run (the core reads `deps.logger` at each use).
const lines: { level: number; msg: string }[] = [];
app.deps.logger = createLogger(
  { LOG_LEVEL: "info", NODE_ENV: "test" },
  new Writable({
    write(chunk, _enc, done) {
      lines.push(JSON.parse(String(chunk)));
      done();
    },
  }),
);
const errorLines = () => lines.filter((l) => l.level >= 50);

/** Every registered button, from the features themselves: a new button is in this table the day it is added. */
const registered = features.flatMap((f) => Object.entries(f.buttons ?? {}).map(([name, action]) => ({ name, action })));

/** Ids out of int4, exponents, signs, words, empty and extra parts: none is a payload we could have made. */
const FORGED = ["abc", "2147483648", "1e308", "-1", "0", "01", "1.5", "Infinity", "__proto__", "1:2:3", "1.x", ""];

async function counts() {
  const db = app.deps.db;
  const [audit, outbox, signups, payments, steps, reads] = await Promise.all([
    db.auditLog.count(),
    db.outboxMessage.count(),
    db.activitySignup.count(),
    db.duesPayment.count(),
    db.transferStep.count({ where: { status: { not: "PENDING" } } }),
    db.noticeDelivery.count({ where: { readAt: { not: null } } }),
  ]);
  return { audit, outbox, signups, payments, steps, reads };
}

describe("button arguments", () => {
  it("are declared by every button of every feature", () => {
    expect(registered.length).toBeGreaterThan(40);
    const missing = registered.filter((b) => !b.action.arg).map((b) => b.name);
    expect(missing).toEqual([]);
  });

  it("refuses every forged payload of every button as an expired button, running nothing and logging no error", async () => {
    // A committee member with leader roles: a handler that ran would find things to do.
    const { chat } = await chatAsMember(app, "201701000003");
    const before = await counts();
    const wrong: string[] = [];
    for (const { name } of registered) {
      for (const arg of FORGED) {
        const payload = arg ? `${name}:${arg}` : name;
        const replies = await chat.press(payload);
        if (replies.length !== 1 || replies[0]!.text !== "这个按钮已失效，请重新发起操作。发送 /help 查看可用功能。") {
          wrong.push(`${payload} → ${replies.map((r) => r.text).join(" | ")}`);
        }
      }
    }
    expect(wrong).toEqual([]);
    expect(errorLines()).toEqual([]);
    expect(await counts()).toEqual(before);
  }, 180_000);

  it("refuses the payloads the security review reported, for a branch secretary too", async () => {
    const { chat } = await chatAsMember(app, "201801000002");
    for (const payload of ["dues-ok:abc", "tr-approve:2147483648", "act-leave:1e308", "notice-read:x"]) {
      const [reply] = await chat.press(payload);
      expect(reply!.text).toContain("这个按钮已失效");
    }
    expect(errorLines()).toEqual([]);
  });
});

describe("the argument schemas", () => {
  it("take ids of PostgreSQL integers only, written the way our buttons write them", () => {
    for (const ok of ["1", "42", "2147483647"]) expect(idArg.safeParse(ok).success).toBe(true);
    for (const bad of [...FORGED, "x", "99999999999", "1e3", "NaN", " 1", "0x10"]) {
      expect(idArg.safeParse(bad).success).toBe(false);
    }
    expect(idArg.parse("2147483647")).toBe(2_147_483_647);
  });

  it("split payloads of several parts into typed values, exactly as many as declared", () => {
    const step = partsArg(":", idArg, wordArg(["OTHER", "INCOMPLETE_INFO"]));
    expect(step.parse("12:OTHER")).toEqual([12, "OTHER"]);
    for (const bad of ["12", "12:OTHER:1", "x:OTHER", "12:other", "2147483648:OTHER"]) {
      expect(step.safeParse(bad).success).toBe(false);
    }
  });
});

describe("commands with ids", () => {
  it("answer an id that cannot exist as one that does not, without an error", async () => {
    const { chat } = await chatAsMember(app, "201801000010", { locale: "en" });
    const cases: [string, RegExp][] = [
      ["/report 99999999999", /does not take "99999999999"/],
      ["/report 1e308", /does not take "1e308"/],
      ["/duesbranch 99999999999", /99999999999/],
      ["/duesorgs 2147483648", /2147483648/],
      ["/code 99999999999999999999", /./],
      ["/branch 2147483648", /2147483648/],
      ["/checkin 1e308", /./],
    ];
    for (const [command, expected] of cases) {
      const replies = await chat.say(command);
      const text = replies.map((r) => r.text).join("\n");
      expect(text, command).toMatch(expected);
      expect(text, command).not.toContain("went wrong");
    }
    expect(errorLines()).toEqual([]);
  });
});
