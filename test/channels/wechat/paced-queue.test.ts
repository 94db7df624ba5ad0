// The WeChat send queue on a fake clock: gaps, reply priority, and shutdown.
import { describe, expect, it } from "vitest";
import { createPacedQueue } from "../../../bot/channels/wechat/paced-queue.ts";
import { SendError } from "../../../bot/core/types.ts";

function fakeClock() {
  const clock = {
    t: 0,
    now: () => clock.t,
    async sleep(ms: number) {
      clock.t += ms;
    },
  };
  return clock;
}

const gaps = (times: number[]) => times.slice(1).map((t, i) => t - times[i]!);

describe("paced send queue", () => {
  it("starts each send at least the interval after the previous one ended", async () => {
    const clock = fakeClock();
    const queue = createPacedQueue({ intervalMs: 3000, now: clock.now, sleep: clock.sleep });
    const started: number[] = [];
    const send = (takesMs: number) => async () => {
      started.push(clock.t);
      clock.t += takesMs;
    };
    await Promise.all([send(0), send(700), send(0), send(0)].map((run) => queue.push("bulk", run)));
    expect(started[0]).toBe(0);
    // The second send took 700 ms, so the third waits 3000 ms after it ended.
    expect(gaps(started)).toEqual([3000, 3700, 3000]);
  });

  it("lets a reply overtake bulk sends queued before it", async () => {
    const clock = fakeClock();
    const queue = createPacedQueue({ intervalMs: 3000, now: clock.now, sleep: clock.sleep });
    const order: string[] = [];
    const send = (name: string) => async () => void order.push(name);
    const all = ["b1", "b2", "b3"].map((b) => queue.push("bulk", send(b)));
    all.push(queue.push("reply", send("r1")));
    await Promise.all(all);
    expect(order).toEqual(["b1", "r1", "b2", "b3"]);
  });

  it("passes a failed send's error to its caller and keeps pacing after it", async () => {
    const clock = fakeClock();
    const queue = createPacedQueue({ intervalMs: 1000, now: clock.now, sleep: clock.sleep });
    const at: number[] = [];
    const failing = queue.push("bulk", async () => {
      at.push(clock.t);
      throw new Error("puppet down");
    });
    const next = queue.push("bulk", async () => void at.push(clock.t));
    await expect(failing).rejects.toThrow("puppet down");
    await next;
    expect(gaps(at)).toEqual([1000]);
  });

  it("on close: fails queued bulk sends as transient, flushes replies, refuses new sends", async () => {
    const queue = createPacedQueue({ intervalMs: 20 });
    const sent: string[] = [];
    const send = (name: string) => async () => void sent.push(name);
    const first = queue.push("bulk", send("b1"));
    const bulk = queue.push("bulk", send("b2"));
    const reply = queue.push("reply", send("r1"));
    const bulkFailure = bulk.catch((e: unknown) => e);
    await queue.close(1000);
    await first;
    await reply;
    expect(sent).toEqual(["b1", "r1"]);
    expect(await bulkFailure).toEqual(new SendError({ kind: "transient", reason: "wechat channel stopping" }));
    await expect(queue.push("reply", send("late"))).rejects.toBeInstanceOf(SendError);
  });

  it("gives up on replies that cannot go out within the flush time", async () => {
    const queue = createPacedQueue({ intervalMs: 60_000 });
    const first = queue.push("reply", async () => {});
    const stuck = queue.push("reply", async () => {}).catch((e: unknown) => e);
    await first;
    await queue.close(20);
    expect(await stuck).toBeInstanceOf(SendError);
  });
});
