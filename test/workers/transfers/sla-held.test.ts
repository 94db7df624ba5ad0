// A nudge that could not go out at once (quiet hours, a paused queue) is dropped if its step was handled meanwhile:
// in the morning the leader would only read about something already done.
import { afterAll, describe, expect, it } from "vitest";
import { type RunningWorkers, startWorkers } from "../../../workers/start-workers.ts";
import { createTestApp } from "../../helpers/test-app.ts";
import { createFakeSender, until } from "../fake-sender.ts";
import { createChain, openStep, runStage } from "./sla-fixture.ts";

const app = await createTestApp({ QUIET_HOURS_START: "00:00", QUIET_HOURS_END: "00:00" });
const { db } = app.deps;
const H = 3_600_000;
let workers: RunningWorkers | undefined;
afterAll(async () => {
  await workers?.close();
});

const rowsOf = (stepId: number) =>
  db.outboxMessage.findMany({ where: { dedupeKey: { startsWith: `sla:${stepId}:` } }, include: { identity: true } });

describe("a nudge held back until its step was handled", () => {
  it("is dropped unsent, while the nudge of a step still waiting goes out", async () => {
    const chain = await createChain(app, "丙");
    const t0 = new Date();
    app.clock.set(t0);
    const handled = await openStep(app, chain);
    const waiting = await openStep(app, chain);
    app.clock.set(new Date(t0.getTime() + 24 * H));
    // Both nudges are written and queued while no delivery worker runs (the night, a paused queue).
    expect(await runStage(app, handled.id, 1)).toMatchObject({ status: "sent" });
    expect(await runStage(app, waiting.id, 1)).toMatchObject({ status: "sent" });
    // Before they go out, a leader approves the first step.
    await db.transferStep.update({ where: { id: handled.id }, data: { status: "APPROVED", decidedAt: app.clock.now } });

    const telegram = createFakeSender("telegram");
    workers = await startWorkers(app.deps, new Map([["telegram", telegram]]));
    await until(async () =>
      [...(await rowsOf(handled.id)), ...(await rowsOf(waiting.id))].every((r) =>
        ["DROPPED", "SENT"].includes(r.status),
      ),
    );
    const [dropped] = await rowsOf(handled.id);
    expect(dropped).toMatchObject({ status: "DROPPED", lastError: "no longer wanted when its time came" });
    const [sent] = await rowsOf(waiting.id);
    expect(sent!.status).toBe("SENT");
    expect(telegram.calls.map((c) => c.chatId)).toEqual([chain.secretary.chatId]);
  });
});
