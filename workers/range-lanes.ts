// Fan-outs over id ranges (notices, dues reminders) run `lanes` ranges at a time — PostgreSQL does the work, two
// statements use both cores — and queue each batch's outbox rows as it commits. The cursor handed to `saveCursor`
// is the end of the unbroken run of finished ranges, saved in order, so a retried job resumes after it; a range
// re-run writes nothing twice (unique keys).
import type { Outbox } from "../bot/core/outbox.ts";
import type { Platform } from "../bot/infra/db.ts";

export async function runRangeLanes<R extends { hi: number }>(
  ranges: readonly R[],
  lanes: number,
  write: (range: R) => Promise<{ outbox: { id: bigint; platform: Platform }[] }>,
  outbox: Pick<Outbox, "enqueue">,
  saveCursor: (cursor: number) => Promise<unknown>,
): Promise<void> {
  const done = new Set<R>();
  let next = 0;
  let settled = 0;
  let saving: Promise<unknown> = Promise.resolve();
  async function lane() {
    while (next < ranges.length) {
      const range = ranges[next++]!;
      const batch = await write(range);
      await outbox.enqueue(batch.outbox);
      done.add(range);
      const before = settled;
      while (settled < ranges.length && done.has(ranges[settled]!)) settled++;
      if (settled > before) {
        const cursor = ranges[settled - 1]!.hi;
        saving = saving.then(() => saveCursor(cursor));
      }
    }
  }
  await Promise.all(Array.from({ length: lanes }, lane));
  await saving;
}
