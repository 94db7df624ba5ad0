// Fan-outs over id ranges (notices, dues reminders, campaigns) run `lanes` ranges at a time — PostgreSQL does the
// work, two statements use both cores — and after each batch commits its outbox rows (HELD), `feed` tops up the
// delivery queues, so the first messages leave while the rest are still being written. The cursor handed to `saveCursor`
// is the end of the unbroken run of finished ranges, saved in order, so a retried job resumes after it; a range
// re-run writes nothing twice (unique keys).
export async function runRangeLanes<R extends { hi: number }>(
  ranges: readonly R[],
  lanes: number,
  write: (range: R) => Promise<unknown>,
  feed: () => Promise<unknown>,
  saveCursor: (cursor: number) => Promise<unknown>,
): Promise<void> {
  const done = new Set<R>();
  let next = 0;
  let settled = 0;
  let saving: Promise<unknown> = Promise.resolve();
  async function lane() {
    while (next < ranges.length) {
      const range = ranges[next++]!;
      await write(range);
      await feed();
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
