// A scripted console session starts with what the bot sent its member while away — including a message still on
// its way: written to the outbox a moment before the session began but not yet delivered (under load the delivery
// worker may be behind). Here nothing delivers it until 600 ms into the session; it must still come first.
import { describe, expect, it } from "vitest";
import { bindConsoleIdentity } from "../../../bot/channels/console/console-channel.ts";
import { createConsoleInbox } from "../../../bot/channels/console/inbox.ts";
import { consoleSession } from "../../helpers/console-session.ts";
import { createTestApp } from "../../helpers/test-app.ts";

const app = await createTestApp({ QUIET_HOURS_START: "00:00", QUIET_HOURS_END: "00:00" });
const { db } = app.deps;
const inbox = createConsoleInbox(app.deps.redis, app.config.REDIS_PREFIX);

describe("a console session opened while a message to its member is on its way", () => {
  it("waits for it and prints it before the first answer", async () => {
    // The app's clock (the suite's fixed day) is behind the wall clock: the row is due from the app's clock, as the
    // session reads it, not held for later.
    const code = "201801000002";
    const identity = await bindConsoleIdentity(db, code);
    const member = await db.member.findUniqueOrThrow({ where: { code } });
    const ids = await db.$transaction((tx) =>
      app.deps.outbox.toMember(tx, member.id, {
        messageKey: "core-welcome",
        args: {},
        dedupeKey: "on-its-way",
      }),
    );
    expect(ids).toHaveLength(1);
    // The delivery, late: into the console's inbox, and the row marked sent.
    const delivered = new Promise<void>((resolve) =>
      setTimeout(async () => {
        await inbox.push(identity.userId, { text: "📣 团委通知：周五团日活动改到周六", intent: "notice" });
        await db.outboxMessage.updateMany({ where: { id: { in: ids } }, data: { status: "SENT" } });
        resolve();
      }, 600),
    );

    const lines = await consoleSession(app, inbox, code, ["/me"]);
    await delivered;
    expect(lines[0]).toMatchObject({ proactive: true, text: "📣 团委通知：周五团日活动改到周六" });
    expect(lines[1]!.intent).toBe("membership.status");
    expect(lines).toHaveLength(2);
  });
});
